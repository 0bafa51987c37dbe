package org.minhu.flow;

/** Where the conversation goes next: a step of this flow, the start of another flow, or the end. */
public record Transition(String step, String flow, boolean end) {

    public static final Transition END = new Transition(null, null, true);

    public static Transition toStep(String step) {
        return new Transition(step, null, false);
    }

    public static Transition toFlow(String flow) {
        return new Transition(null, flow, false);
    }
}
