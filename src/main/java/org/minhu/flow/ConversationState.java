package org.minhu.flow;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where one resident's conversation stands. Immutable; the engine returns a new one each step.
 * {@code flowId == null} means idle: the next message opens the menu.
 */
public record ConversationState(
        String flowId,
        int flowVersion,
        String stepId,
        Map<String, Object> vars,
        int invalidCount,
        List<String> backStack,
        String returnTo,
        String language,
        Instant lastActivity,
        Draft draft) {

    /** A half-filled request kept for resumption after the conversation went idle. */
    public record Draft(String flowId, int flowVersion, String stepId, Map<String, Object> vars, Instant savedAt) {
        public Draft {
            vars = vars == null ? Map.of() : Values.copy(vars);
        }
    }

    public ConversationState {
        vars = vars == null ? Map.of() : Values.copy(vars);
        backStack = backStack == null ? List.of() : List.copyOf(backStack);
        language = language == null ? Messages.DEFAULT_LANGUAGE : language;
    }

    public static ConversationState idle(String language) {
        return new ConversationState(null, 0, null, Map.of(), 0, List.of(), null, language, null, null);
    }

    public boolean active() {
        return flowId != null;
    }
}
