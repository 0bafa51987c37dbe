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
               boolean optional, Transition next, Otherwise text, Otherwise file) implements Step {
    }

    /**
     * What a choice does with an answer of another kind: typed text that is no option, or a photo.
     * It is kept under {@code save} and the conversation goes on at {@code to}. Text shorter than
     * {@code min} characters is refused as usual.
     */
    record Otherwise(String save, Transition to, Integer min, int line) {
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
     * again and then come back here (for "correct one field" on a summary). Typing its label, its
     * value or one of its {@code synonyms} chooses it; {@code means} ({@code yes} or {@code no})
     * lets the yes or the no words choose it too (确认, 好的 / 不用, 没有).
     */
    record Option(String value, String label, String description, Transition to, String edit, int line,
                  List<String> synonyms, String means) {

        public Option {
            synonyms = synonyms == null ? List.of() : List.copyOf(synonyms);
        }

        public Option(String value, String label, String description, Transition to, String edit, int line) {
            this(value, label, description, to, edit, line, List.of(), null);
        }
    }
}
