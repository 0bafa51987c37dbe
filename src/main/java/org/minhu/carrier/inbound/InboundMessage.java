package org.minhu.carrier.inbound;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A resident's message as the platform pushed it, stored before the push is answered. */
// only changed columns are written: the row is updated again after insert (processed, sent, reports), and the raw JSON need not go back each time
@org.hibernate.annotations.DynamicUpdate
@Entity
@Table(name = "inbound_message")
public class InboundMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "message_id", nullable = false, unique = true)
    private String messageId;

    @Column(nullable = false)
    private String phone;

    @Column(name = "conversation_id")
    private String conversationId;

    @Column(name = "contribution_id")
    private String contributionId;

    @Column(name = "in_reply_to")
    private String inReplyTo;

    @Column(name = "sent_at")
    private String sentAt;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private InboundKind kind;

    @Column(name = "content_type")
    private String contentType;

    private String text;
    private String postback;

    @Column(name = "display_text")
    private String displayText;

    /** The resident typed an option's number in a plain SMS instead of tapping the chip. */
    @Column(name = "by_number", nullable = false)
    private boolean byNumber;

    private Double latitude;
    private Double longitude;

    @Column(name = "place_label")
    private String placeLabel;

    @Column(name = "file_url")
    private String fileUrl;

    @Column(name = "file_name")
    private String fileName;

    @Column(name = "file_type")
    private String fileType;

    @Column(name = "file_size")
    private Long fileSize;

    @Column(name = "media_path")
    private String mediaPath;

    @Column(name = "media_error")
    private String mediaError;

    @Column(nullable = false)
    private String raw;

    @Column(name = "processed_at")
    private Instant processedAt;

    protected InboundMessage() {
    }

    public InboundMessage(InboundPush push, Instant receivedAt) {
        this.messageId = push.messageId();
        this.phone = push.phone();
        this.conversationId = push.conversationId();
        this.contributionId = push.contributionId();
        this.inReplyTo = push.inReplyTo();
        this.sentAt = push.dateTime();
        this.receivedAt = receivedAt;
        this.kind = push.kind();
        this.contentType = push.contentType();
        this.text = storable(push.text());
        this.postback = storable(push.postback());
        this.displayText = storable(push.displayText());
        this.latitude = push.latitude();
        this.longitude = push.longitude();
        this.placeLabel = storable(push.placeLabel());
        if (push.file() != null) {
            this.fileUrl = push.file().url();
            this.fileName = storable(push.file().fileName());
            this.fileType = push.file().contentType();
            this.fileSize = push.file().fileSize();
        }
        this.raw = storable(push.raw());
    }

    /**
     * A pending message as a turn reads it ({@link InboundMessageRepository#nextPending}): not managed
     * by Hibernate, and without the raw push ({@link #getRaw()} is null).
     */
    static InboundMessage forTurn(java.sql.ResultSet row) throws java.sql.SQLException {
        InboundMessage m = new InboundMessage();
        m.id = row.getLong("id");
        m.messageId = row.getString("message_id");
        m.phone = row.getString("phone");
        m.conversationId = row.getString("conversation_id");
        m.contributionId = row.getString("contribution_id");
        m.inReplyTo = row.getString("in_reply_to");
        m.sentAt = row.getString("sent_at");
        m.receivedAt = row.getTimestamp("received_at").toInstant();
        m.kind = InboundKind.valueOf(row.getString("kind"));
        m.contentType = row.getString("content_type");
        m.text = row.getString("text");
        m.postback = row.getString("postback");
        m.displayText = row.getString("display_text");
        m.byNumber = row.getBoolean("by_number");
        m.latitude = row.getObject("latitude") == null ? null : row.getDouble("latitude");
        m.longitude = row.getObject("longitude") == null ? null : row.getDouble("longitude");
        m.placeLabel = row.getString("place_label");
        m.fileUrl = row.getString("file_url");
        m.fileName = row.getString("file_name");
        m.fileType = row.getString("file_type");
        m.fileSize = row.getObject("file_size") == null ? null : row.getLong("file_size");
        m.mediaPath = row.getString("media_path");
        m.mediaError = row.getString("media_error");
        return m;
    }

    /** PostgreSQL text cannot hold NUL; a resident's stray control byte must not lose the message. */
    static String storable(String s) {
        return s == null ? null : s.replace('\u0000', '\uFFFD');
    }

    public Long getId() {
        return id;
    }

    public String getMessageId() {
        return messageId;
    }

    public String getPhone() {
        return phone;
    }

    public String getConversationId() {
        return conversationId;
    }

    public String getContributionId() {
        return contributionId;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public InboundKind getKind() {
        return kind;
    }

    public String getContentType() {
        return contentType;
    }

    public String getText() {
        return text;
    }

    public String getPostback() {
        return postback;
    }

    public String getDisplayText() {
        return displayText;
    }

    public boolean isByNumber() {
        return byNumber;
    }

    public Double getLatitude() {
        return latitude;
    }

    public Double getLongitude() {
        return longitude;
    }

    public String getPlaceLabel() {
        return placeLabel;
    }

    public String getFileUrl() {
        return fileUrl;
    }

    public String getFileName() {
        return fileName;
    }

    public String getFileType() {
        return fileType;
    }

    public Long getFileSize() {
        return fileSize;
    }

    public String getMediaPath() {
        return mediaPath;
    }

    public String getMediaError() {
        return mediaError;
    }

    public String getRaw() {
        return raw;
    }

    public Instant getProcessedAt() {
        return processedAt;
    }

    /** A typed number that matched an option of the last message: it counts as tapping that chip. */
    public void readAsChoice(String displayText, String postback) {
        this.kind = InboundKind.SUGGESTION;
        this.displayText = displayText;
        this.postback = postback;
        this.byNumber = true;
    }

    public void mediaStored(String path) {
        this.mediaPath = path;
        this.mediaError = null;
    }

    public void mediaFailed(String reason) {
        this.mediaError = reason.length() > 1000 ? reason.substring(0, 1000) : reason;
    }

    public void processed(Instant at) {
        this.processedAt = at;
    }
}
