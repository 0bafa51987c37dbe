package org.minhu.flow;

import java.util.List;

/**
 * What one step did. {@code unread}: the resident's message was not taken as anything, neither
 * an answer nor a command nor a chip (a question refused it, or an idle conversation opened the
 * menu without reading it), so the caller may try to understand it otherwise.
 */
public record StepResult(ConversationState state, List<Effect> effects, boolean unread) {

    public StepResult {
        effects = List.copyOf(effects);
    }

    public StepResult(ConversationState state, List<Effect> effects) {
        this(state, effects, false);
    }

    /** The action the engine is waiting for, if any. */
    public Effect.CallAction pendingAction() {
        return effects.stream().filter(Effect.CallAction.class::isInstance).map(Effect.CallAction.class::cast)
                .findFirst().orElse(null);
    }
}
