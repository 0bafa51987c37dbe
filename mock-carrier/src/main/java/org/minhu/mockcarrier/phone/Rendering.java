package org.minhu.mockcarrier.phone;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.minhu.mockcarrier.wire.ContentTypes;
import org.minhu.mockcarrier.wire.MessageContent;
import org.minhu.mockcarrier.wire.UriText;

/**
 * What a phone shows for a chatbot message: its kind, its text and its chips, collected from all
 * messageList items (a card and the suggestion list under it make one message).
 */
public record Rendering(String kind, String text, List<Chip> chips) {

    public static final String TEXT = "text";
    public static final String CARD = "card";
    public static final String CAROUSEL = "carousel";
    public static final String FILE = "file";
    public static final String LOCATION = "location";
    public static final String CHIP_TAP = "chip-tap";
    public static final String SMS = "sms";

    public static Rendering of(JsonNode messageList, ObjectMapper mapper) {
        String kind = null;
        List<String> texts = new ArrayList<>();
        List<Chip> chips = new ArrayList<>();
        for (JsonNode item : messageList) {
            JsonNode content = MessageContent.decode(item, mapper);
            String itemKind = null;
            switch (item.path("contentType").asText()) {
                case ContentTypes.TEXT -> {
                    String text = content.asText();
                    itemKind = text.startsWith("geo:") ? LOCATION : TEXT;
                    texts.add(itemKind.equals(LOCATION) ? locationLabel(text) : text);
                }
                case ContentTypes.BOT_MESSAGE -> {
                    JsonNode message = content.path("message");
                    if (message.has("generalPurposeCard")) {
                        itemKind = CARD;
                        JsonNode card = message.path("generalPurposeCard").path("content");
                        texts.add(cardText(card));
                        addChips(card.path("suggestions"), chips);
                    } else {
                        itemKind = CAROUSEL;
                        JsonNode cards = message.path("generalPurposeCardCarousel").path("content");
                        List<String> cardTexts = new ArrayList<>();
                        for (JsonNode card : cards) {
                            cardTexts.add(cardText(card));
                            addChips(card.path("suggestions"), chips);
                        }
                        texts.add(String.join("\n\n", cardTexts));
                    }
                }
                case ContentTypes.SUGGESTIONS -> addChips(content.path("suggestions"), chips);
                case ContentTypes.FILE -> {
                    itemKind = FILE;
                    for (JsonNode entry : content) {
                        if ("file".equals(entry.path("type").asText())) {
                            texts.add(entry.path("fileName").asText());
                        }
                    }
                }
                default -> {
                }
            }
            if (kind == null) {
                kind = itemKind;
            }
        }
        return new Rendering(kind == null ? TEXT : kind, String.join("\n", texts), chips);
    }

    /** The label of a {@code geo:lat,lon;crs=gcj02;u=10;rcs-l=<label>} URI, else its coordinates. */
    public static String locationLabel(String geoUri) {
        String[] parts = geoUri.substring("geo:".length()).split(";");
        for (String part : parts) {
            if (part.startsWith("rcs-l=")) {
                return UriText.decode(part.substring("rcs-l=".length()));
            }
        }
        return parts[0];
    }

    private static String cardText(JsonNode card) {
        return Stream.of(card.path("title"), card.path("description"))
                .filter(JsonNode::isTextual)
                .map(JsonNode::asText)
                .collect(Collectors.joining("\n"));
    }

    private static void addChips(JsonNode suggestions, List<Chip> chips) {
        for (JsonNode suggestion : suggestions) {
            Chip chip = Chip.of(suggestion);
            if (chip != null) {
                chips.add(chip);
            }
        }
    }
}
