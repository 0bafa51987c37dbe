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

    /** Every way out of a step: its next, its options', chips', branches' and outcomes' targets (some may be null). */
    public static List<Transition> transitions(Step step) {
        List<Transition> out = new java.util.ArrayList<>();
        if (step instanceof Step.Say say) {
            out.add(say.next());
            say.message().chips().forEach(c -> out.add(c.to()));
        } else if (step instanceof Step.Ask ask) {
            out.add(ask.next());
            ask.prompt().chips().forEach(c -> out.add(c.to()));
            for (Step.Otherwise otherwise : java.util.Arrays.asList(ask.text(), ask.file())) {
                if (otherwise != null) {
                    out.add(otherwise.to());
                }
            }
            ask.options().forEach(o -> out.add(o.to()));
        } else if (step instanceof Step.Branch branch) {
            branch.cases().forEach(c -> out.add(c.to()));
            out.add(branch.otherwise());
        } else if (step instanceof Step.Action action) {
            out.addAll(action.on().values());
            out.add(action.next());
        } else if (step instanceof Step.Goto go) {
            out.add(go.to());
        }
        return out;
    }

    /** The same flow under another version number, as the console numbers saved versions. */
    public Flow withVersion(int number) {
        return new Flow(id, number, title, start, resumable, steps, file, texts);
    }
}
