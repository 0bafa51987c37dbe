package org.minhu.mockcarrier.phone;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.minhu.mockcarrier.config.MockConfig;
import org.minhu.mockcarrier.media.MediaStore;
import org.minhu.mockcarrier.media.Thumbnails;
import org.minhu.mockcarrier.push.PushClient;
import org.minhu.mockcarrier.push.PushResult;
import org.minhu.mockcarrier.wire.ContentTypes;
import org.minhu.mockcarrier.wire.UriText;
import org.minhu.mockcarrier.wire.WireTime;

/**
 * What a resident does on the phone, turned into the platform's inbound pushes: each appears in
 * the transcript at once and is then pushed, signed, to the chatbot.
 */
@ApplicationScoped
public class Resident {

    private static final Duration FILE_LINK_LIFETIME = Duration.ofDays(7);

    private final MockConfig config;
    private final PushClient pushes;
    private final MediaStore media;
    private final ObjectMapper mapper;

    public Resident(MockConfig config, PushClient pushes, MediaStore media, ObjectMapper mapper) {
        this.config = config;
        this.pushes = pushes;
        this.media = media;
        this.mapper = mapper;
    }

    public CompletableFuture<Sent> text(Phone phone, String text) {
        ObjectNode item = mapper.createObjectNode().put("contentType", ContentTypes.TEXT).put("contentText", text);
        return send(phone, item, null, Rendering.TEXT, text);
    }

    /** A chip tap answers the message the chip came with; a menu tap ({@code answering} null) answers none. */
    public CompletableFuture<Sent> tap(Phone phone, Chip chip, TranscriptEntry answering) {
        ObjectNode item = mapper.createObjectNode()
                .put("contentType", ContentTypes.SUGGESTION_RESPONSE)
                .put("contentEncoding", "utf8");
        ObjectNode tapped = item.putObject("contentText").putObject("response").putObject(chip.type());
        tapped.put("displayText", chip.displayText());
        tapped.putObject("postback").put("data", chip.postback());
        return send(phone, item, answering == null ? null : answering.getContributionId(), Rendering.CHIP_TAP,
                chip.displayText());
    }

    public CompletableFuture<Sent> location(Phone phone, double latitude, double longitude, String label) {
        String geo = "geo:" + plain(latitude) + "," + plain(longitude) + ";crs=gcj02;u=10"
                + (label == null || label.isBlank() ? "" : ";rcs-l=" + UriText.encode(label));
        ObjectNode item = mapper.createObjectNode().put("contentType", ContentTypes.TEXT).put("contentText", geo);
        String shown = label == null || label.isBlank() ? plain(latitude) + "," + plain(longitude) : label;
        return send(phone, item, null, Rendering.LOCATION, shown);
    }

    public CompletableFuture<Sent> file(Phone phone, String fileName, String contentType, byte[] bytes) {
        String until = WireTime.utcSeconds(Instant.now().plus(FILE_LINK_LIFETIME));
        byte[] thumbnail = Thumbnails.of(bytes);
        String thumbnailId = media.store("thumb", ".jpg", "image/jpeg", thumbnail);
        String fileId = media.store("file", extension(fileName), contentType, bytes);
        ObjectNode item = mapper.createObjectNode()
                .put("contentType", ContentTypes.FILE)
                .put("contentEncoding", "utf8");
        ArrayNode entries = item.putArray("contentText");
        entries.addObject().put("type", "thumbnail").put("fileSize", thumbnail.length)
                .put("contentType", "image/jpeg").put("url", media.url(thumbnailId)).put("until", until);
        entries.addObject().put("type", "file").put("fileSize", bytes.length).put("fileName", fileName)
                .put("contentType", contentType).put("url", media.url(fileId)).put("until", until);
        return send(phone, item, null, Rendering.FILE, fileName);
    }

    private CompletableFuture<Sent> send(Phone phone, ObjectNode item, String inReplyTo, String kind, String text) {
        String messageId = UUID.randomUUID().toString();
        String contributionId = "k-" + UUID.randomUUID();
        ObjectNode body = mapper.createObjectNode().put("messageId", messageId);
        body.putArray("messageList").add(item);
        body.put("dateTime", WireTime.now())
                .put("destinationAddress", config.chatbotUri())
                .put("senderAddress", phone.tel())
                .put("conversationId", phone.conversationId())
                .put("contributionId", contributionId);
        if (inReplyTo != null) {
            body.put("inReplyTo", inReplyTo);
        }
        TranscriptEntry entry = phone.append(new TranscriptEntry(TranscriptEntry.RESIDENT, messageId, kind, text,
                List.of(), "sent", contributionId, body));
        return pushes.pushMessage(bytes(body)).thenApply(result -> {
            entry.pushed(result.status(), result.delivered());
            return new Sent(messageId, entry.getSeq(), result);
        });
    }

    private byte[] bytes(ObjectNode body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }

    private static String plain(double coordinate) {
        return BigDecimal.valueOf(coordinate).stripTrailingZeros().toPlainString();
    }

    private static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String extension = dot < 0 ? "" : fileName.substring(dot);
        return extension.matches("\\.[A-Za-z0-9]{1,8}") ? extension.toLowerCase() : "";
    }

    /** A push made on the resident's behalf, and how the chatbot finally answered it. */
    public record Sent(String messageId, long seq, PushResult result) {
    }
}
