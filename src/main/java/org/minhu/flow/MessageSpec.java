package org.minhu.flow;

import java.util.List;

/**
 * What a step says. Texts are message-bundle keys; the bundle's templates fill in {variables}.
 * Either a text or a card (title, description, media from a variable). A list to choose from is
 * an ask of kind choice with {@code display: carousel}.
 */
public record MessageSpec(String text, String title, String description, String media,
                          List<ChipSpec> chips, int line) {

    /**
     * A chip on a said message: a reply that goes to a step or flow, or an action chip. A {@code dial}
     * may name a variable ({@code "{kb.phone}"}); the chip is left out when it is empty.
     */
    public record ChipSpec(String label, Transition to, String dial, String url, int line) {
    }

    public MessageSpec {
        chips = chips == null ? List.of() : List.copyOf(chips);
    }

    public boolean isCard() {
        return title != null || description != null || media != null;
    }
}
