package org.minhu.flow;

import java.util.List;
import java.util.Map;

/** One step of a flow. Immutable; built by {@link FlowLoader} and shared by every conversation. */
public sealed interface Step {

    String id();

    int line();

    /** Says something and moves on. */
    record Say(String id, int line, MessageSpec message, Transition next) implements Step {
    }

    /** Asks the resident and waits for the answer. */
    record Ask(String id, int line, AskKind kind, MessageSpec prompt, List<Option> options, String optionsFrom,
               Display display, String save, Integer min, Integer max, String pattern, String invalid,
               boolean optional, Transition next) implements Step {
    }

    /** Chooses where to go by conditions over the collected values. */
    record Branch(String id, int line, List<Case> cases, Transition otherwise) implements Step {
        public record Case(Condition condition, Transition to, int line) {
        }
    }

    /** Calls a named action implemented in Java; its result is saved and may pick the next step. */
    record Action(String id, int line, String action, String save, Map<String, Transition> on, Transition next)
            implements Step {
    }

    /** Goes to another step or flow. */
    record Goto(String id, int line, Transition to) implements Step {
    }

    /** Ends the flow, optionally saying something first. */
    record End(String id, int line, MessageSpec message) implements Step {
    }

    enum AskKind { TEXT, CHOICE, LOCATION, FILE, CONFIRM }

    enum Display { CHIPS, CAROUSEL, CARD }

    /**
     * A choice's option. {@code to} overrides the step's next; {@code edit} names a step to answer
     * again and then come back here (for "correct one field" on a summary).
     */
    record Option(String value, String label, String description, Transition to, String edit, int line) {
    }
}
