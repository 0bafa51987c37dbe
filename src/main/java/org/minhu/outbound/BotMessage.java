package org.minhu.outbound;

import java.util.ArrayList;
import java.util.List;

/**
 * One message from the bot: its content and the chips shown under it. It renders to the
 * platform's JSON and to a plain SMS in which answerable chips become numbered options.
 */
public record BotMessage(Content content, List<Chip> chips) {

    public BotMessage {
        if (content == null) {
            throw new PlatformLimitException("a message needs content");
        }
        chips = chips == null ? List.of() : List.copyOf(chips);
        PlatformLimits.requireCount("chips under a message", chips.size(), 0, PlatformLimits.MAX_CHIPS);
    }

    public static BotMessage text(String text, Chip... chips) {
        return new BotMessage(new Content.Text(text), List.of(chips));
    }

    public static BotMessage card(CardContent card, Chip... chips) {
        return new BotMessage(new Content.Card(card), List.of(chips));
    }

    public static BotMessage carousel(List<CardContent> cards, Chip... chips) {
        return new BotMessage(new Content.Carousel(cards), List.of(chips));
    }

    /** Every chip in the order the SMS rendering numbers them: inside cards first, then under the message. */
    public List<Chip> allChips() {
        List<Chip> all = new ArrayList<>();
        if (content instanceof Content.Card c) {
            all.addAll(c.card().chips());
        } else if (content instanceof Content.Carousel c) {
            c.cards().forEach(card -> all.addAll(card.chips()));
        }
        all.addAll(chips);
        return all;
    }
}
