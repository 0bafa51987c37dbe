package org.minhu.outbound;

import java.util.List;

/** What one card shows: at least one of media, title and description, and up to four chips. */
public record CardContent(Media media, String title, String description, List<Chip> chips) {

    public CardContent {
        PlatformLimits.optionalLength("card title", title, PlatformLimits.MAX_TITLE);
        PlatformLimits.optionalLength("card description", description, PlatformLimits.MAX_DESCRIPTION);
        if (media == null && title == null && description == null) {
            throw new PlatformLimitException("a card needs media, a title or a description");
        }
        chips = chips == null ? List.of() : List.copyOf(chips);
        PlatformLimits.requireCount("chips inside a card", chips.size(), 0, PlatformLimits.MAX_CARD_CHIPS);
    }

    public static CardContent of(String title, String description, Chip... chips) {
        return new CardContent(null, title, description, List.of(chips));
    }
}
