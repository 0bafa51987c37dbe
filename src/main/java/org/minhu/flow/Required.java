package org.minhu.flow;

/**
 * Something the Java side relies on in a flow: that a flow exists, that a step of a given kind is
 * there, saving a given name or calling a given action. Declared by the code that relies on it and
 * checked by {@link FlowValidator} with every load and every save in the console, so a renamed
 * step fails there with a clear message instead of at run time.
 *
 * @param flow   the flow's id
 * @param step   the step's id, null for the flow alone
 * @param kind   what the step must be
 * @param detail the {@code save} name of an ask, the action of an action step
 * @param why    what in the service relies on it, said in the error
 */
public record Required(String flow, String step, Kind kind, String detail, String why) {

    public enum Kind {
        /** The flow exists. */
        FLOW,
        /** A question saving {@code detail}. */
        ASK,
        /** An action step calling {@code detail}. */
        ACTION,
        /** The flow's first step, a choice with options written in the flow (not {@code from:}). */
        START_CHOICE
    }

    public static Required flow(String flow, String why) {
        return new Required(flow, null, Kind.FLOW, null, why);
    }

    public static Required ask(String flow, String step, String save, String why) {
        return new Required(flow, step, Kind.ASK, save, why);
    }

    public static Required action(String flow, String step, String action, String why) {
        return new Required(flow, step, Kind.ACTION, action, why);
    }

    public static Required startChoice(String flow, String step, String why) {
        return new Required(flow, step, Kind.START_CHOICE, null, why);
    }

    /** The problem with a set of flows, or null when it holds. */
    String problem(java.util.Map<String, Flow> flows) {
        Flow f = flows.get(flow);
        if (f == null) {
            return "the flow '" + flow + "' is required: " + why;
        }
        if (step == null) {
            return null;
        }
        Step s = f.step(step);
        return switch (kind) {
            case FLOW -> null;
            case ASK -> s instanceof Step.Ask ask && detail.equals(ask.save()) ? null
                    : "step '" + step + "' is required, a question saving '" + detail + "': " + why;
            case ACTION -> s instanceof Step.Action action && detail.equals(action.action()) ? null
                    : "step '" + step + "' is required, calling action '" + detail + "': " + why;
            case START_CHOICE -> s instanceof Step.Ask ask && ask.kind() == Step.AskKind.CHOICE && ask.optionsFrom() == null
                    && !ask.options().isEmpty() && step.equals(f.start()) ? null
                    : "step '" + step + "' is required as the first step, a choice with its options written out: " + why;
        };
    }

    /** Where to point at: the step when it exists, else the top of the flow. */
    int line(java.util.Map<String, Flow> flows) {
        Flow f = flows.get(flow);
        if (f == null) {
            return 0;
        }
        Step s = step == null ? null : f.step(step);
        return s == null ? 1 : s.line();
    }
}
