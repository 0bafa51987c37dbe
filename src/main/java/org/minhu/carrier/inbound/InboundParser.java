package org.minhu.carrier.inbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.minhu.common.ProblemException;

import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an inbound message push. Anything the platform must send and did not, or sent with the
 * wrong type, is refused with the field's name; content types we do not know are kept as UNKNOWN.
 */
public final class InboundParser {

    public static final String SUGGESTION_RESPONSE = "application/vnd.gsma.botsuggestion.response.v1.0+json";
    public static final String SHARED_CLIENT_DATA = "application/vnd.gsma.botsharedclientdata.v1.0+json";
    public static final String FILE_TRANSFER = "application/vnd.gsma.rcs-ft-http";
    public static final String TEXT = "text/plain";

    private static final Pattern TEL = Pattern.compile("tel:\\+?[0-9]{3,20}");
    private static final Pattern GEO = Pattern.compile(
            "geo:(-?\\d{1,3}(?:\\.\\d+)?),(-?\\d{1,3}(?:\\.\\d+)?)((?:;[^;]*)*)", Pattern.DOTALL);
    private static final int MAX_NESTING = 32;

    private static final ObjectMapper MAPPER = strictMapper();

    private InboundParser() {
    }

    private static ObjectMapper strictMapper() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build());
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        return mapper;
    }

    /**
     * Parses a JSON body, refusing bytes that are not UTF-8 (strictly: no overlong forms, encoded
     * surrogates or other encodings, which the JSON parser alone would let through), JSON that
     * nests too deeply, and anything after the document.
     */
    public static JsonNode readTree(byte[] body) {
        if (body == null || body.length == 0) {
            throw ProblemException.badRequest("body", "the request body is empty");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw ProblemException.badRequest("body", "the body is not valid UTF-8");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw ProblemException.badRequest("body", "the request body is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("body", "malformed JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw ProblemException.badRequest("body", "unreadable body");
        }
    }

    public static InboundPush parse(JsonNode root, String raw) {
        if (!root.isObject()) {
            throw ProblemException.badRequest("body", "a message notification is a JSON object");
        }
        String messageId = requiredText(root, "messageId", 128);
        String sender = requiredText(root, "senderAddress", 64);
        if (!TEL.matcher(sender).matches()) {
            throw ProblemException.badRequest("senderAddress", "senderAddress must be a tel URI such as tel:+8613800138000");
        }
        requiredText(root, "destinationAddress", 256);
        String conversationId = requiredText(root, "conversationId", 256);
        String contributionId = requiredText(root, "contributionId", 256);
        String dateTime = requiredText(root, "dateTime", 64);
        try {
            OffsetDateTime.parse(dateTime);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("dateTime", "dateTime must be an ISO-8601 time with offset");
        }
        String inReplyTo = optionalText(root, "inReplyTo", 256);

        JsonNode list = root.get("messageList");
        if (list == null || list.isNull()) {
            throw ProblemException.badRequest("messageList", "messageList is required");
        }
        if (!list.isArray() || list.isEmpty()) {
            throw ProblemException.badRequest("messageList", "messageList must be a non-empty array");
        }
        JsonNode item = list.get(0);
        if (!item.isObject()) {
            throw ProblemException.badRequest("messageList[0]", "each message item is an object");
        }
        String contentType = requiredText(item, "contentType", 256, "messageList[0].contentType");
        JsonNode contentText = item.get("contentText");
        if (contentText == null || contentText.isNull()) {
            throw ProblemException.badRequest("messageList[0].contentText", "contentText is required");
        }
        JsonNode decoded = decode(item, contentText);

        Builder b = new Builder(messageId, sender, conversationId, contributionId, inReplyTo, dateTime, contentType, raw);
        switch (contentType.toLowerCase()) {
            case TEXT -> text(b, decoded);
            case SUGGESTION_RESPONSE -> suggestion(b, decoded);
            case FILE_TRANSFER -> file(b, decoded);
            case SHARED_CLIENT_DATA -> b.kind = InboundKind.SHARED_DATA;
            default -> b.kind = InboundKind.UNKNOWN;
        }
        return b.build();
    }

    /** Content marked base64 is decoded; a JSON content type may arrive as a JSON string too. */
    private static JsonNode decode(JsonNode item, JsonNode contentText) {
        JsonNode encoding = item.get("contentEncoding");
        JsonNode value = contentText;
        if (encoding != null && encoding.isTextual() && "base64".equalsIgnoreCase(encoding.asText())) {
            if (!contentText.isTextual()) {
                throw ProblemException.badRequest("messageList[0].contentText", "base64 content must be a string");
            }
            try {
                byte[] bytes = java.util.Base64.getMimeDecoder().decode(contentText.asText());
                value = MAPPER.getNodeFactory().textNode(new String(bytes, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("messageList[0].contentText", "contentText is not valid base64");
            }
        }
        String type = item.path("contentType").asText("");
        if (value.isTextual() && !TEXT.equalsIgnoreCase(type) && looksLikeJson(value.asText())) {
            try {
                return MAPPER.readTree(value.asText());
            } catch (JsonProcessingException e) {
                throw ProblemException.badRequest("messageList[0].contentText", "contentText is not valid JSON");
            }
        }
        return value;
    }

    private static boolean looksLikeJson(String s) {
        String t = s.stripLeading();
        return t.startsWith("{") || t.startsWith("[");
    }

    private static void text(Builder b, JsonNode content) {
        if (!content.isTextual()) {
            throw ProblemException.badRequest("messageList[0].contentText", "text/plain content must be a string");
        }
        String text = content.asText();
        Matcher geo = GEO.matcher(text.strip());
        if (geo.matches()) {
            double lat = Double.parseDouble(geo.group(1));
            double lon = Double.parseDouble(geo.group(2));
            if (Math.abs(lat) <= 90 && Math.abs(lon) <= 180) {
                b.kind = InboundKind.LOCATION;
                b.latitude = lat;
                b.longitude = lon;
                b.placeLabel = label(geo.group(3));
                b.text = text;
                return;
            }
        }
        b.kind = InboundKind.TEXT;
        b.text = text;
    }

    private static String label(String params) {
        for (String param : params.split(";")) {
            if (param.startsWith("rcs-l=")) {
                try {
                    return URLDecoder.decode(param.substring(6), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return param.substring(6);
                }
            }
        }
        return null;
    }

    private static void suggestion(Builder b, JsonNode content) {
        JsonNode response = content.path("response");
        JsonNode chosen = response.has("reply") ? response.get("reply") : response.get("action");
        if (chosen == null || !chosen.isObject()) {
            throw ProblemException.badRequest("messageList[0].contentText.response",
                    "a suggestion response holds a reply or an action");
        }
        b.kind = InboundKind.SUGGESTION;
        b.displayText = requiredText(chosen, "displayText", 256, "messageList[0].contentText.response.displayText");
        JsonNode data = chosen.path("postback").path("data");
        if (!data.isTextual()) {
            throw ProblemException.badRequest("messageList[0].contentText.response.postback.data",
                    "postback.data must be a string");
        }
        if (data.asText().length() > 4096) {
            throw ProblemException.badRequest("messageList[0].contentText.response.postback.data", "postback.data is too long");
        }
        b.postback = data.asText();
        b.text = b.displayText;
    }

    private static void file(Builder b, JsonNode content) {
        if (!content.isArray()) {
            throw ProblemException.badRequest("messageList[0].contentText", "a file message lists its parts in an array");
        }
        for (JsonNode part : content) {
            if ("file".equals(part.path("type").asText())) {
                String url = requiredText(part, "url", 4096, "messageList[0].contentText.url");
                JsonNode size = part.get("fileSize");
                if (size != null && !size.isNumber()) {
                    throw ProblemException.badRequest("messageList[0].contentText.fileSize", "fileSize must be a number");
                }
                b.kind = InboundKind.FILE;
                b.file = new InboundPush.FileRef(url, optionalText(part, "fileName", 512),
                        optionalText(part, "contentType", 256), size == null ? null : size.asLong());
                b.text = b.file.fileName();
                return;
            }
        }
        throw ProblemException.badRequest("messageList[0].contentText", "a file message needs a part of type \"file\"");
    }

    private static String requiredText(JsonNode node, String field, int max) {
        return requiredText(node, field, max, field);
    }

    private static String requiredText(JsonNode node, String field, int max, String path) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw ProblemException.badRequest(path, path + " is required");
        }
        if (!value.isTextual()) {
            throw ProblemException.badRequest(path, path + " must be a string");
        }
        String text = value.asText();
        if (text.isBlank()) {
            throw ProblemException.badRequest(path, path + " must not be empty");
        }
        if (text.length() > max) {
            throw ProblemException.badRequest(path, path + " is longer than " + max + " characters");
        }
        return text;
    }

    private static String optionalText(JsonNode node, String field, int max) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        return requiredText(node, field, max);
    }

    private static final class Builder {
        final String messageId;
        final String phone;
        final String conversationId;
        final String contributionId;
        final String inReplyTo;
        final String dateTime;
        final String contentType;
        final String raw;
        InboundKind kind = InboundKind.UNKNOWN;
        String text;
        String postback;
        String displayText;
        Double latitude;
        Double longitude;
        String placeLabel;
        InboundPush.FileRef file;

        Builder(String messageId, String phone, String conversationId, String contributionId, String inReplyTo,
                String dateTime, String contentType, String raw) {
            this.messageId = messageId;
            this.phone = phone;
            this.conversationId = conversationId;
            this.contributionId = contributionId;
            this.inReplyTo = inReplyTo;
            this.dateTime = dateTime;
            this.contentType = contentType;
            this.raw = raw;
        }

        InboundPush build() {
            return new InboundPush(messageId, phone, conversationId, contributionId, inReplyTo, dateTime, kind,
                    contentType, text, postback, displayText, latitude, longitude, placeLabel, file, raw);
        }
    }
}
