package org.minhu.proactive.notice;

import org.minhu.common.ProblemException;
import org.minhu.outbound.BotMessage;
import org.minhu.outbound.CardContent;
import org.minhu.outbound.Chip;
import org.minhu.outbound.Media;
import org.minhu.outbound.PlatformLimitException;
import org.minhu.outbound.PlatformLimits;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What staff compose: a card with a title, a text, an optional image and up to four chips. Each
 * chip opens a conversation flow ({@code "flow": "file-request"} for 我也遇到了), a link
 * ({@code "url"}, 查看详情) or dials a number ({@code "dial"}).
 */
public record NoticeCard(String title, String text, Image image, List<NoticeChip> chips) {

    /** Room left in the card's description for the line that tells residents how to leave. */
    public static final int MAX_TEXT = 1800;

    public record Image(String url, String contentType, Long size) {
    }

    public record NoticeChip(String label, String flow, String url, String dial) {
    }

    public NoticeCard {
        chips = chips == null ? List.of() : List.copyOf(chips);
        title = title == null ? null : title.strip();
        text = text == null ? null : text.strip();
    }

    /** Refuses (400, naming the field) what the platform would refuse or a resident could not use. */
    void check(Predicate<String> flowExists) {
        requireText("title", title, PlatformLimits.MAX_TITLE);
        requireText("text", text, MAX_TEXT);
        if (chips.size() > PlatformLimits.MAX_CARD_CHIPS) {
            throw ProblemException.badRequest("chips", "a notice has at most " + PlatformLimits.MAX_CARD_CHIPS + " chips");
        }
        for (int i = 0; i < chips.size(); i++) {
            NoticeChip chip = chips.get(i);
            String field = "chips[" + i + "]";
            if (chip == null) {
                throw ProblemException.badRequest(field, field + " is empty");
            }
            requireText(field + ".label", chip.label(), PlatformLimits.MAX_DISPLAY_TEXT);
            int targets = (chip.flow() != null ? 1 : 0) + (chip.url() != null ? 1 : 0) + (chip.dial() != null ? 1 : 0);
            if (targets != 1) {
                throw ProblemException.badRequest(field, field + " needs exactly one of flow, url and dial");
            }
            if (chip.flow() != null && !flowExists.test(chip.flow())) {
                throw ProblemException.badRequest(field + ".flow", "no conversation flow " + chip.flow());
            }
            if (chip.url() != null && !chip.url().matches("https?://\\S{1,2040}")) {
                throw ProblemException.badRequest(field + ".url", "a link must be an http(s) address");
            }
            if (chip.dial() != null && !chip.dial().matches("\\+?[0-9-]{3,20}")) {
                throw ProblemException.badRequest(field + ".dial", "not a phone number: " + chip.dial());
            }
        }
        if (image != null) {
            if (image.url() == null || !image.url().matches("https?://\\S{1,2040}")) {
                throw ProblemException.badRequest("image.url", "an image must be an http(s) address");
            }
            if (image.contentType() == null || !image.contentType().startsWith("image/")) {
                throw ProblemException.badRequest("image.contentType", "the image's content type must be image/...");
            }
            if (image.size() == null || image.size() <= 0 || image.size() > PlatformLimits.MAX_IMAGE_BYTES) {
                throw ProblemException.badRequest("image.size", "the image must be 1–" + PlatformLimits.MAX_IMAGE_BYTES + " bytes");
            }
        }
        try {
            message(null);
        } catch (PlatformLimitException e) {
            throw ProblemException.badRequest("card", e.getMessage());
        }
    }

    /** The card as a resident receives it; {@code footer} (how to leave) goes under the text when given. */
    public BotMessage message(String footer) {
        List<Chip> built = new ArrayList<>();
        for (NoticeChip chip : chips) {
            if (chip.flow() != null) {
                built.add(Chip.reply(chip.label(), "flow:" + chip.flow()));
            } else if (chip.url() != null) {
                built.add(Chip.openUrl(chip.label(), "url", chip.url()));
            } else {
                built.add(Chip.dial(chip.label(), "dial:" + chip.dial(), chip.dial()));
            }
        }
        Media media = image == null ? null : Media.image(image.url(), image.contentType(), image.size());
        String description = footer == null || footer.isBlank() ? text : text + "\n\n" + footer;
        return BotMessage.card(new CardContent(media, title, description, built));
    }

    private static void requireText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest(field, field + " is required");
        }
        if (value.codePointCount(0, value.length()) > max) {
            throw ProblemException.badRequest(field, field + " is over " + max + " characters");
        }
    }
}
