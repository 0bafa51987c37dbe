package org.minhu.outbound;

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
        return render(message, null);
    }

    /**
     * The plain SMS in the resident's language: the numbered options' "回复1 …" and "回复数字即可。"
     * read "Reply 1 …" and "Reply with a number." in English, so that a message is in one language.
     */
    public static SmsRendering render(BotMessage message, String language) {
        boolean english = language != null && language.toLowerCase(java.util.Locale.ROOT).startsWith("en");
        List<String> lines = new ArrayList<>();
        List<SmsRendering.Option> options = new ArrayList<>();
        Content content = message.content();
        if (content instanceof Content.Text t) {
            lines.add(t.text());
        } else if (content instanceof Content.Card c) {
            card(c.card(), lines, options, english);
        } else if (content instanceof Content.Carousel c) {
            for (CardContent card : c.cards()) {
                if (card.chips().size() == 1 && card.chips().get(0).answerable()) {
                    int n = options.size() + 1;
                    Chip chip = card.chips().get(0);
                    options.add(new SmsRendering.Option(n, label(card, chip), chip.postback()));
                    lines.add(n + " " + label(card, chip) + (card.title() != null && card.description() != null
                            ? (english ? ": " : "：") + card.description() : ""));
                } else {
                    card(card, lines, options, english);
                }
            }
        } else if (content instanceof Content.File f) {
            lines.add(f.fileName() + "：" + f.url());
        } else if (content instanceof Content.Location l) {
            lines.add((english ? "Location: " : "位置：") + (l.label() == null ? "" : l.label() + " ") + "(" + l.latitude() + ", " + l.longitude() + ")");
        }
        for (Chip chip : message.chips()) {
            lines.add(chipLine(chip, options, english));
        }
        if (!options.isEmpty()) {
            lines.add(english ? "Reply with a number." : "回复数字即可。");
        }
        return new SmsRendering(String.join("\n", lines), options);
    }

    private static String label(CardContent card, Chip chip) {
        return card.title() != null ? card.title() : chip.displayText();
    }

    private static void card(CardContent card, List<String> lines, List<SmsRendering.Option> options, boolean english) {
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
            lines.add(chipLine(chip, options, english));
        }
    }

    private static String chipLine(Chip chip, List<SmsRendering.Option> options, boolean english) {
        return switch (chip.kind()) {
            case REPLY, REQUEST_LOCATION -> {
                int n = options.size() + 1;
                options.add(new SmsRendering.Option(n, chip.displayText(), chip.postback()));
                yield (english ? "Reply " : "回复") + n + " " + chip.displayText();
            }
            case DIAL -> chip.displayText() + (english ? ": " : "：") + chip.target();
            case OPEN_URL -> chip.displayText() + (english ? ": " : "：") + chip.target();
            case SHOW_LOCATION -> chip.displayText() + (english ? ": " : "：") + URLDecoder.decode(chip.target() == null ? "" : chip.target(),
                    StandardCharsets.UTF_8) + " (" + chip.latitude() + ", " + chip.longitude() + ")";
        };
    }
}
