package org.minhu.flow;

import java.util.List;
import java.util.Map;

/**
 * A conversation flow as loaded from one YAML file of {@code conversation-flows/}, or from a
 * version admins saved in the console. {@code texts} are the flow's own messages (language to key
 * to template) a saved version carries in its {@code messages:} section; they come before the
 * shared bundles for this flow only. A shipped file has none.
 */
public record Flow(String id, int version, String title, String start, boolean resumable,
                   Map<String, Step> steps, String file, Map<String, Map<String, String>> texts) {

    public Flow {
        steps = Map.copyOf(steps);
        texts = texts == null ? Map.of() : Map.copyOf(texts);
    }

    public Flow(String id, int version, String title, String start, boolean resumable, Map<String, Step> steps, String file) {
        this(id, version, title, start, resumable, steps, file, Map.of());
    }

    public Step step(String id) {
        return steps.get(id);
    }

    public List<Step> orderedSteps() {
        return steps.values().stream().sorted(java.util.Comparator.comparingInt(Step::line)).toList();
    }

    /** The same flow under another version number, as the console numbers saved versions. */
    public Flow withVersion(int number) {
        return new Flow(id, number, title, start, resumable, steps, file, texts);
    }
}
