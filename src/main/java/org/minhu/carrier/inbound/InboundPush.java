package org.minhu.carrier.inbound;

/**
 * One inbound push, checked and normalised: who sent it, and its first content item read
 * according to its type. The raw body is kept beside it.
 */
public record InboundPush(
        String messageId,
        String phone,
        String conversationId,
        String contributionId,
        String inReplyTo,
        String dateTime,
        InboundKind kind,
        String contentType,
        String text,
        String postback,
        String displayText,
        Double latitude,
        Double longitude,
        String placeLabel,
        FileRef file,
        String raw) {

    public record FileRef(String url, String fileName, String contentType, Long fileSize) {
    }
}
