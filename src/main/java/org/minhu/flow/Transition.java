package org.minhu.flow;

import java.util.Map;

/**
 * Where the conversation goes next: a step of this flow, the start of another flow, or the end.
 * A flow started this way may be given values to begin with ({@code with}: the new flow's variable
 * name to a variable path of the flow it leaves), as 没解决？我要反映 carries the question asked
 * into the request as its description.
 */
public record Transition(String step, String flow, boolean end, Map<String, String> with) {

    public static final Transition END = new Transition(null, null, true);

    public Transition {
        with = with == null ? Map.of() : Map.copyOf(with);
    }

    public Transition(String step, String flow, boolean end) {
        this(step, flow, end, Map.of());
    }

    public static Transition toStep(String step) {
        return new Transition(step, null, false);
    }

    public static Transition toFlow(String flow) {
        return new Transition(null, flow, false);
    }

    public Transition carrying(Map<String, String> values) {
        return new Transition(step, flow, end, values);
    }
}
