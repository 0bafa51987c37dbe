package org.minhu.carrier.outbound;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a bot message for a phone without 5G Messages: chips a resident can answer become
 * "回复1 …" options; actions (dial, open a link, show a place) are written out in full.
 */
public final class SmsRenderer {

    private SmsRenderer() {
    }

    public static SmsRendering render(BotMessage message) {
        List<String> lines = new ArrayList<>();
        List<SmsRendering.Option> options = new ArrayList<>();
        Content content = message.content();
        if (content instanceof Content.Text t) {
            lines.add(t.text());
        } else if (content instanceof Content.Card c) {
            card(c.card(), lines, options);
        } else if (content instanceof Content.Carousel c) {
            for (CardContent card : c.cards()) {
                if (card.chips().size() == 1 && card.chips().get(0).answerable()) {
                    int n = options.size() + 1;
                    Chip chip = card.chips().get(0);
                    options.add(new SmsRendering.Option(n, label(card, chip), chip.postback()));
                    lines.add(n + " " + label(card, chip) + (card.title() != null && card.description() != null
                            ? "：" + card.description() : ""));
                } else {
                    card(card, lines, options);
                }
            }
        } else if (content instanceof Content.File f) {
            lines.add(f.fileName() + "：" + f.url());
        } else if (content instanceof Content.Location l) {
            lines.add("位置：" + (l.label() == null ? "" : l.label() + " ") + "(" + l.latitude() + ", " + l.longitude() + ")");
        }
        for (Chip chip : message.chips()) {
            lines.add(chipLine(chip, options));
        }
        if (!options.isEmpty()) {
            lines.add("回复数字即可。");
        }
        return new SmsRendering(String.join("\n", lines), options);
    }

    private static String label(CardContent card, Chip chip) {
        return card.title() != null ? card.title() : chip.displayText();
    }

    private static void card(CardContent card, List<String> lines, List<SmsRendering.Option> options) {
        if (card.title() != null) {
            lines.add(card.title());
        }
        if (card.description() != null) {
            lines.add(card.description());
        }
        if (card.media() != null && card.title() == null && card.description() == null) {
            lines.add(card.media().url());
        }
        for (Chip chip : card.chips()) {
            lines.add(chipLine(chip, options));
        }
    }

    private static String chipLine(Chip chip, List<SmsRendering.Option> options) {
        return switch (chip.kind()) {
            case REPLY, REQUEST_LOCATION -> {
                int n = options.size() + 1;
                options.add(new SmsRendering.Option(n, chip.displayText(), chip.postback()));
                yield "回复" + n + " " + chip.displayText();
            }
            case DIAL -> chip.displayText() + "：" + chip.target();
            case OPEN_URL -> chip.displayText() + "：" + chip.target();
            case SHOW_LOCATION -> chip.displayText() + "：" + URLDecoder.decode(chip.target() == null ? "" : chip.target(),
                    StandardCharsets.UTF_8) + " (" + chip.latitude() + ", " + chip.longitude() + ")";
        };
    }
}
