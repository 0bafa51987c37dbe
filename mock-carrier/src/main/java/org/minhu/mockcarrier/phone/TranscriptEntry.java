package org.minhu.mockcarrier.phone;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One message on a phone's screen, from the resident or from the chatbot. Only the status
 * changes after the entry is written.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "seq", "from", "at", "messageId", "kind", "text", "chips", "status", "pushStatus",
        "contributionId", "payload" })
public final class TranscriptEntry {

    public static final String RESIDENT = "resident";
    public static final String BOT = "bot";

    private static final List<String> PROGRESS = List.of("sent", "delivered", "displayed");

    private long seq;
    private String at;
    private final String from;
    private final String messageId;
    private final String kind;
    private final String text;
    private final List<Chip> chips;
    private final String contributionId;
    private final JsonNode payload;
    private volatile String status;
    private volatile Integer pushStatus;

    public TranscriptEntry(String from, String messageId, String kind, String text, List<Chip> chips, String status,
            String contributionId, JsonNode payload) {
        this.from = from;
        this.messageId = messageId;
        this.kind = kind;
        this.text = text;
        this.chips = List.copyOf(chips);
        this.status = status;
        this.contributionId = contributionId;
        this.payload = payload;
    }

    void place(long seq, String at) {
        this.seq = seq;
        this.at = at;
    }

    public long getSeq() {
        return seq;
    }

    public String getFrom() {
        return from;
    }

    public String getAt() {
        return at;
    }

    public String getMessageId() {
        return messageId;
    }

    public String getKind() {
        return kind;
    }

    public String getText() {
        return text;
    }

    public List<Chip> getChips() {
        return chips;
    }

    public String getStatus() {
        return status;
    }

    /** For the resident's messages: the HTTP status the chatbot finally answered the push with. */
    public Integer getPushStatus() {
        return pushStatus;
    }

    /** The contributionId the message carried; a chip tap answers it as inReplyTo. */
    public String getContributionId() {
        return contributionId;
    }

    /** The message as it went over the wire: the chatbot's send body or the platform's push body. */
    public JsonNode getPayload() {
        return payload;
    }

    public boolean fromBot() {
        return BOT.equals(from);
    }

    /**
     * Moves the delivery status forward, never back (reports may be handled out of order), and
     * not at all once the chatbot has revoked the message.
     */
    public synchronized void advance(String newStatus) {
        if (PROGRESS.indexOf(newStatus) > PROGRESS.indexOf(status)) {
            status = newStatus;
        }
    }

    public synchronized void revoke() {
        status = "revoked";
    }

    public void pushed(int httpStatus, boolean delivered) {
        pushStatus = httpStatus;
        status = delivered ? "delivered" : "failed";
    }
}
