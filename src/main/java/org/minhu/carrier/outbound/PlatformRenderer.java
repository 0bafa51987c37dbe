package org.minhu.carrier.outbound;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.minhu.outbound.BotMessage;
import org.minhu.outbound.CardContent;
import org.minhu.outbound.Chip;
import org.minhu.outbound.Content;
import org.minhu.outbound.Media;
import org.minhu.outbound.PlatformLimits;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Renders a bot message as the platform's {@code messageList} (GSMA MaaP bot message JSON). */
public final class PlatformRenderer {

    public static final String TEXT = "text/plain";
    public static final String BOT_MESSAGE = "application/vnd.gsma.botmessage.v1.0+json";
    public static final String BOT_SUGGESTION = "application/vnd.gsma.botsuggestion.v1.0+json";
    public static final String FILE = "application/vnd.gsma.rcs-ft-http";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private PlatformRenderer() {
    }

    public static ArrayNode render(BotMessage message) {
        ArrayNode list = JSON.arrayNode();
        Content content = message.content();
        if (content instanceof Content.Text t) {
            list.add(item(TEXT).put("contentText", t.text()));
        } else if (content instanceof Content.Location l) {
            list.add(item(TEXT).put("contentText", geoUri(l)));
        } else if (content instanceof Content.Card c) {
            ObjectNode card = JSON.objectNode();
            card.set("layout", layout(c.orientation()));
            card.set("content", cardContent(c.card()));
            ObjectNode text = JSON.objectNode();
            text.putObject("message").set("generalPurposeCard", card);
            list.add(item(BOT_MESSAGE).set("contentText", text));
        } else if (content instanceof Content.Carousel c) {
            ObjectNode carousel = JSON.objectNode();
            carousel.putObject("layout").put("cardWidth", c.width().name());
            ArrayNode cards = carousel.putArray("content");
            c.cards().forEach(card -> cards.add(cardContent(card)));
            ObjectNode text = JSON.objectNode();
            text.putObject("message").set("generalPurposeCardCarousel", carousel);
            list.add(item(BOT_MESSAGE).set("contentText", text));
        } else if (content instanceof Content.File f) {
            ArrayNode parts = JSON.arrayNode();
            if (f.thumbnailUrl() != null) {
                ObjectNode thumbnail = parts.addObject().put("type", "thumbnail").put("fileSize", f.thumbnailSize())
                        .put("contentType", "image/jpeg").put("url", f.thumbnailUrl());
                if (f.until() != null) {
                    thumbnail.put("until", f.until().toString());
                }
            }
            ObjectNode file = parts.addObject().put("type", "file").put("fileSize", f.fileSize())
                    .put("fileName", f.fileName()).put("contentType", f.contentType()).put("url", f.url());
            if (f.until() != null) {
                file.put("until", f.until().toString());
            }
            list.add(item(FILE).set("contentText", parts));
        }
        if (!message.chips().isEmpty()) {
            ObjectNode suggestions = JSON.objectNode();
            suggestions.set("suggestions", chips(message.chips()));
            list.add(item(BOT_SUGGESTION).set("contentText", suggestions));
        }
        return list;
    }

    /** A plain-text message, as sent to phones known not to show 5G Messages. */
    public static ArrayNode plainText(String text) {
        ArrayNode list = JSON.arrayNode();
        list.add(item(TEXT).put("contentText", text));
        return list;
    }

    static String geoUri(Content.Location l) {
        String uri = "geo:" + l.latitude() + "," + l.longitude() + ";crs=gcj02;u=10";
        return l.label() == null ? uri : uri + ";rcs-l=" + URLEncoder.encode(l.label(), StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static ObjectNode item(String contentType) {
        return JSON.objectNode().put("contentType", contentType).put("contentEncoding", "utf8");
    }

    private static ObjectNode layout(Content.Card.Orientation orientation) {
        ObjectNode layout = JSON.objectNode();
        switch (orientation) {
            case VERTICAL -> layout.put("cardOrientation", "VERTICAL");
            case HORIZONTAL_LEFT -> layout.put("cardOrientation", "HORIZONTAL").put("imageAlignment", "LEFT");
            case HORIZONTAL_RIGHT -> layout.put("cardOrientation", "HORIZONTAL").put("imageAlignment", "RIGHT");
        }
        return layout;
    }

    private static ObjectNode cardContent(CardContent card) {
        ObjectNode content = JSON.objectNode();
        if (card.media() != null) {
            Media m = card.media();
            ObjectNode media = content.putObject("media").put("mediaUrl", m.url())
                    .put("mediaContentType", m.contentType()).put("mediaFileSize", m.fileSize())
                    .put("height", m.height().name());
            if (m.thumbnailUrl() != null) {
                media.put("thumbnailUrl", m.thumbnailUrl());
            }
            if (m.description() != null) {
                media.put("contentDescription", m.description());
            }
        }
        if (card.title() != null) {
            content.put("title", card.title());
        }
        if (card.description() != null) {
            content.put("description", card.description());
        }
        if (!card.chips().isEmpty()) {
            content.set("suggestions", chips(card.chips()));
        }
        return content;
    }

    private static ArrayNode chips(List<Chip> chips) {
        ArrayNode array = JSON.arrayNode();
        for (Chip chip : chips) {
            ObjectNode body = JSON.objectNode().put("displayText", chip.displayText());
            body.putObject("postback").put("data", chip.postback());
            switch (chip.kind()) {
                case REPLY -> {
                    array.addObject().set("reply", body);
                    continue;
                }
                case DIAL -> body.putObject("dialerAction").putObject("dialPhoneNumber").put("phoneNumber", chip.target());
                case OPEN_URL -> body.putObject("urlAction").putObject("openUrl").put("url", chip.target())
                        .put("application", "browser");
                case SHOW_LOCATION -> {
                    ObjectNode location = body.putObject("mapAction").putObject("showLocation").putObject("location")
                            .put("latitude", chip.latitude()).put("longitude", chip.longitude());
                    if (chip.target() != null) {
                        location.put("label", chip.target());
                    }
                }
                case REQUEST_LOCATION -> body.putObject("mapAction").putObject("requestLocationPush");
            }
            array.addObject().set("action", body);
        }
        return array;
    }
}
