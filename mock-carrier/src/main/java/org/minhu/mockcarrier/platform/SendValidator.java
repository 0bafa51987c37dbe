package org.minhu.mockcarrier.platform;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.minhu.mockcarrier.wire.ContentTypes;
import org.minhu.mockcarrier.wire.MessageContent;
import org.minhu.mockcarrier.wire.TelUri;

/**
 * Checks a send body against every rule and limit the platform enforces, and refuses it the way
 * the platform would: the first fault found, with its error code and the path of the field.
 */
public final class SendValidator {

    static final int MAX_TEXT = 2000;
    static final int MAX_TITLE = 200;
    static final int MAX_DESCRIPTION = 2000;
    static final int MIN_CAROUSEL = 2;
    static final int MAX_CAROUSEL = 12;
    static final long MAX_IMAGE = 2L * 1024 * 1024;
    static final long MAX_VIDEO = 10L * 1024 * 1024;
    static final long MAX_THUMBNAIL = 200L * 1024;

    static final Set<String> REPORT_STATUSES = Set.of("sent", "failed", "delivered", "displayed",
            "deliveredToNetwork");

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final String chatbotUri;
    private final ObjectMapper mapper;

    public SendValidator(String chatbotUri, ObjectMapper mapper) {
        this.chatbotUri = chatbotUri;
        this.mapper = mapper;
    }

    public ValidSend validate(JsonNode body) {
        if (!body.isObject()) {
            throw PlatformError.badParameter("the body must be a JSON object");
        }
        String messageId = Fields.text(body, "messageId", "messageId");
        if (!UUID.matcher(messageId).matches()) {
            throw PlatformError.badParameter("messageId must be a UUID, not '" + messageId + "'");
        }
        String sender = Fields.text(body, "senderAddress", "senderAddress");
        if (!sender.equals(chatbotUri)) {
            throw PlatformError.parameter(PlatformError.SENDER_MISMATCH,
                    "senderAddress '" + sender + "' does not match chatbotId '" + chatbotUri + "'");
        }
        JsonNode destinations = Fields.array(body, "destinationAddress", "destinationAddress");
        if (destinations.size() != 1) {
            throw PlatformError.badParameter("destinationAddress must hold exactly one tel URI; group sending"
                    + " is not supported");
        }
        String tel = destinations.get(0).asText();
        if (!destinations.get(0).isTextual() || !TelUri.isStrict(tel)) {
            throw PlatformError.badParameter("destinationAddress[0] must be a tel URI like tel:+8613800138000,"
                    + " not '" + destinations.get(0) + "'");
        }
        String conversationId = Fields.text(body, "conversationId", "conversationId");
        String contributionId = Fields.text(body, "contributionId", "contributionId");
        serviceCapability(body);
        boolean smsSupported = Fields.bool(body, "smsSupported", "smsSupported");
        Fields.bool(body, "storeSupported", "storeSupported");
        String smsContent = Fields.optionalText(body, "smsContent", "smsContent");
        if (smsSupported && smsContent == null) {
            throw PlatformError.badParameter("smsContent is required when smsSupported is true");
        }
        Fields.optionalText(body, "inReplyTo", "inReplyTo");
        Fields.optionalText(body, "trafficType", "trafficType");
        Set<String> reportRequest = reportRequest(body);
        messageList(Fields.array(body, "messageList", "messageList"));
        return new ValidSend(messageId, tel, conversationId, contributionId, smsSupported, smsContent, reportRequest,
                (ObjectNode) body);
    }

    private static void serviceCapability(JsonNode body) {
        JsonNode capabilities = Fields.array(body, "serviceCapability", "serviceCapability");
        for (int i = 0; i < capabilities.size(); i++) {
            String path = "serviceCapability[" + i + "]";
            JsonNode capability = capabilities.get(i);
            if (!capability.isObject()) {
                throw PlatformError.badParameter(path + " must be an object");
            }
            Fields.text(capability, "capabilityId", path + ".capabilityId");
            Fields.text(capability, "version", path + ".version");
        }
    }

    private static Set<String> reportRequest(JsonNode body) {
        if (!body.has("reportRequest")) {
            return Set.of();
        }
        if (body.get("reportRequest").isNull()) {
            throw PlatformError.badParameter("reportRequest must be omitted rather than sent empty");
        }
        JsonNode requested = Fields.array(body, "reportRequest", "reportRequest");
        Set<String> statuses = new LinkedHashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            String status = requested.get(i).asText();
            if (!requested.get(i).isTextual() || !REPORT_STATUSES.contains(status)) {
                throw PlatformError.badParameter("reportRequest[" + i + "] must be one of "
                        + String.join(", ", REPORT_STATUSES.stream().sorted().toList()) + ", not "
                        + requested.get(i));
            }
            statuses.add(status);
        }
        return statuses;
    }

    private void messageList(JsonNode items) {
        int listChips = 0;
        for (int i = 0; i < items.size(); i++) {
            String path = "messageList[" + i + "]";
            JsonNode item = items.get(i);
            if (!item.isObject()) {
                throw PlatformError.badParameter(path + " must be an object");
            }
            String contentType = Fields.text(item, "contentType", path + ".contentType");
            if (ContentTypes.INBOUND_ONLY.contains(contentType)) {
                throw PlatformError.badParameter(path + ".contentType " + contentType
                        + " is only sent by phones, never to them");
            }
            if (!ContentTypes.OUTBOUND.contains(contentType)) {
                throw PlatformError.badParameter(path + ".contentType '" + contentType + "' is not a known type");
            }
            if (item.has("contentEncoding")) {
                Fields.oneOf(item, "contentEncoding", path + ".contentEncoding", "utf8", "base64");
            }
            JsonNode contentText = item.get("contentText");
            if (contentText == null || contentText.isNull()) {
                throw PlatformError.badParameter(path + ".contentText is required");
            }
            JsonNode content = decode(item, path);
            String contentPath = path + ".contentText";
            switch (contentType) {
                case ContentTypes.TEXT -> text(content, contentPath);
                case ContentTypes.BOT_MESSAGE -> botMessage(content, contentPath);
                case ContentTypes.SUGGESTIONS -> {
                    if (!content.isObject()) {
                        throw PlatformError.badParameter(contentPath + " must be {\"suggestions\":[...]}");
                    }
                    JsonNode suggestions = content.get("suggestions");
                    if (suggestions == null) {
                        throw PlatformError.badParameter(contentPath + ".suggestions is required");
                    }
                    ChipRules.chips(suggestions, ChipRules.MAX_IN_LIST, contentPath + ".suggestions");
                    listChips += suggestions.size();
                }
                default -> file(content, contentPath);
            }
        }
        if (listChips > ChipRules.MAX_IN_LIST) {
            throw PlatformError.parameter(PlatformError.CHIP_COUNT, "messageList has " + listChips
                    + " chips in its suggestion lists; at most " + ChipRules.MAX_IN_LIST + " are allowed");
        }
    }

    private JsonNode decode(JsonNode item, String path) {
        try {
            return MessageContent.decode(item, mapper);
        } catch (IllegalArgumentException e) {
            throw PlatformError.badParameter(path + ".contentText is not valid base64 content");
        }
    }

    private static void text(JsonNode content, String path) {
        if (!content.isTextual()) {
            throw PlatformError.badParameter(path + " must be a string for text/plain");
        }
        Fields.lengthBetween(content.asText(), 1, MAX_TEXT, path);
    }

    private static void botMessage(JsonNode content, String path) {
        JsonNode message = Fields.object(content, "message", path + ".message");
        boolean card = message.has("generalPurposeCard");
        boolean carousel = message.has("generalPurposeCardCarousel");
        if (card == carousel) {
            throw PlatformError.badParameter(path + ".message must hold exactly one of generalPurposeCard,"
                    + " generalPurposeCardCarousel");
        }
        if (card) {
            String cardPath = path + ".message.generalPurposeCard";
            JsonNode generalPurposeCard = Fields.object(message, "generalPurposeCard", cardPath);
            JsonNode layout = Fields.object(generalPurposeCard, "layout", cardPath + ".layout");
            String orientation = Fields.oneOf(layout, "cardOrientation", cardPath + ".layout.cardOrientation",
                    "VERTICAL", "HORIZONTAL");
            if (orientation.equals("HORIZONTAL")) {
                Fields.oneOf(layout, "imageAlignment", cardPath + ".layout.imageAlignment", "LEFT", "RIGHT");
            }
            cardContent(Fields.object(generalPurposeCard, "content", cardPath + ".content"), cardPath + ".content");
        } else {
            String carouselPath = path + ".message.generalPurposeCardCarousel";
            JsonNode generalPurposeCarousel = Fields.object(message, "generalPurposeCardCarousel", carouselPath);
            JsonNode layout = Fields.object(generalPurposeCarousel, "layout", carouselPath + ".layout");
            Fields.oneOf(layout, "cardWidth", carouselPath + ".layout.cardWidth", "SMALL_WIDTH", "MEDIUM_WIDTH");
            JsonNode cards = generalPurposeCarousel.get("content");
            if (cards == null || !cards.isArray()) {
                throw PlatformError.badParameter(carouselPath + ".content must be an array of cards");
            }
            if (cards.size() < MIN_CAROUSEL || cards.size() > MAX_CAROUSEL) {
                throw PlatformError.badParameter(carouselPath + ".content has " + cards.size() + " cards; a carousel"
                        + " holds " + MIN_CAROUSEL + "–" + MAX_CAROUSEL);
            }
            for (int i = 0; i < cards.size(); i++) {
                String cardPath = carouselPath + ".content[" + i + "]";
                if (!cards.get(i).isObject()) {
                    throw PlatformError.badParameter(cardPath + " must be an object");
                }
                cardContent(cards.get(i), cardPath);
            }
        }
    }

    private static void cardContent(JsonNode content, String path) {
        if (!content.has("media") && !content.has("title") && !content.has("description")) {
            throw PlatformError.badParameter(path + " needs at least one of media, title, description");
        }
        if (content.has("media")) {
            media(Fields.object(content, "media", path + ".media"), path + ".media");
        }
        String title = Fields.optionalText(content, "title", path + ".title");
        if (title != null) {
            Fields.lengthBetween(title, 1, MAX_TITLE, path + ".title");
        }
        String description = Fields.optionalText(content, "description", path + ".description");
        if (description != null) {
            Fields.lengthBetween(description, 1, MAX_DESCRIPTION, path + ".description");
        }
        if (content.has("suggestions")) {
            ChipRules.chips(content.get("suggestions"), ChipRules.MAX_IN_CARD, path + ".suggestions");
        }
    }

    private static void media(JsonNode media, String path) {
        Fields.text(media, "mediaUrl", path + ".mediaUrl");
        String contentType = Fields.text(media, "mediaContentType", path + ".mediaContentType");
        Fields.oneOf(media, "height", path + ".height", "SHORT_HEIGHT", "MEDIUM_HEIGHT", "TALL_HEIGHT");
        size(media, "mediaFileSize", limitFor(contentType), path + ".mediaFileSize");
        Fields.optionalText(media, "thumbnailUrl", path + ".thumbnailUrl");
        Fields.optionalText(media, "thumbnailContentType", path + ".thumbnailContentType");
        size(media, "thumbnailFileSize", MAX_THUMBNAIL, path + ".thumbnailFileSize");
        Fields.optionalText(media, "contentDescription", path + ".contentDescription");
    }

    private static void file(JsonNode content, String path) {
        if (!content.isArray() || content.isEmpty()) {
            throw PlatformError.badParameter(path + " must be an array of file entries");
        }
        int files = 0;
        int thumbnails = 0;
        for (int i = 0; i < content.size(); i++) {
            String entryPath = path + "[" + i + "]";
            JsonNode entry = content.get(i);
            if (!entry.isObject()) {
                throw PlatformError.badParameter(entryPath + " must be an object");
            }
            String type = Fields.oneOf(entry, "type", entryPath + ".type", "thumbnail", "file");
            String contentType = Fields.text(entry, "contentType", entryPath + ".contentType");
            Fields.text(entry, "url", entryPath + ".url");
            if (!entry.has("fileSize")) {
                throw PlatformError.badParameter(entryPath + ".fileSize is required");
            }
            if (type.equals("file")) {
                files++;
                Fields.text(entry, "fileName", entryPath + ".fileName");
                size(entry, "fileSize", limitFor(contentType), entryPath + ".fileSize");
            } else {
                thumbnails++;
                size(entry, "fileSize", MAX_THUMBNAIL, entryPath + ".fileSize");
            }
        }
        if (files != 1 || thumbnails > 1) {
            throw PlatformError.badParameter(path + " must hold one file entry and at most one thumbnail");
        }
    }

    private static long limitFor(String contentType) {
        if (contentType.startsWith("image/")) {
            return MAX_IMAGE;
        }
        if (contentType.startsWith("video/")) {
            return MAX_VIDEO;
        }
        return Long.MAX_VALUE;
    }

    private static void size(JsonNode parent, String name, long max, String path) {
        if (!parent.has(name)) {
            return;
        }
        JsonNode size = parent.get(name);
        if (!size.canConvertToLong() || size.asLong() < 0) {
            throw PlatformError.badParameter(path + " must be a size in bytes");
        }
        if (size.asLong() > max) {
            throw PlatformError.badParameter(path + " is " + size.asLong() + " bytes; at most " + max
                    + " are allowed for this content");
        }
    }

    /** A send the platform accepts, with the parts the mock acts on. */
    public record ValidSend(String messageId, String tel, String conversationId, String contributionId,
            boolean smsSupported, String smsContent, Set<String> reportRequest, ObjectNode body) {
    }
}
