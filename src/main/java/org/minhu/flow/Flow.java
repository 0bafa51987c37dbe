package org.minhu.flow;

import java.util.List;
import java.util.Map;

/** A conversation flow as loaded from one YAML file of {@code conversation-flows/}. */
public record Flow(String id, int version, String title, String start, boolean resumable,
                   Map<String, Step> steps, String file) {

    public Flow {
        steps = Map.copyOf(steps);
    }

    public Step step(String id) {
        return steps.get(id);
    }

    public List<Step> orderedSteps() {
        return steps.values().stream().sorted(java.util.Comparator.comparingInt(Step::line)).toList();
    }
}
