package org.minhu.flow;

import java.util.List;

public record StepResult(ConversationState state, List<Effect> effects) {

    public StepResult {
        effects = List.copyOf(effects);
    }

    /** The action the engine is waiting for, if any. */
    public Effect.CallAction pendingAction() {
        return effects.stream().filter(Effect.CallAction.class::isInstance).map(Effect.CallAction.class::cast)
                .findFirst().orElse(null);
    }
}
