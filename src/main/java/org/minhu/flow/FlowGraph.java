package org.minhu.flow;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A flow as a picture: its steps, where each can go, which steps cannot be reached from the start
 * and which can never come to an end (no path to an end or to another flow), and the message keys
 * each step says. For the console's editor; reads a flow that has only been parsed, not validated.
 */
public final class FlowGraph {

    /** A way out of a step: to a step of this flow, to another flow, or the end. */
    public record Edge(String from, String step, String flow, boolean end, String label) {
    }

    private final Flow flow;
    private final List<Edge> edges = new ArrayList<>();
    private final Set<String> unreachable = new LinkedHashSet<>();
    private final Set<String> deadEnds = new LinkedHashSet<>();

    public FlowGraph(Flow flow) {
        this.flow = flow;
        for (Step step : flow.orderedSteps()) {
            edges.addAll(out(step));
        }
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(flow.start()));
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (flow.step(id) != null && seen.add(id)) {
                edges.stream().filter(e -> e.from().equals(id) && e.step() != null).forEach(e -> todo.push(e.step()));
            }
        }
        flow.orderedSteps().stream().map(Step::id).filter(id -> !seen.contains(id)).forEach(unreachable::add);
        Set<String> ending = new HashSet<>();
        for (Step step : flow.orderedSteps()) {
            if (step instanceof Step.End || edges.stream().anyMatch(e -> e.from().equals(step.id()) && (e.end() || e.flow() != null))) {
                ending.add(step.id());
            }
        }
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Edge e : edges) {
                if (e.step() != null && ending.contains(e.step()) && ending.add(e.from())) {
                    grew = true;
                }
            }
        }
        flow.orderedSteps().stream().map(Step::id).filter(id -> !ending.contains(id)).forEach(deadEnds::add);
    }

    public Flow flow() {
        return flow;
    }

    public List<Edge> edges() {
        return List.copyOf(edges);
    }

    public Set<String> unreachable() {
        return Set.copyOf(unreachable);
    }

    public Set<String> deadEnds() {
        return Set.copyOf(deadEnds);
    }

    /** What kind of step, in the words of the YAML: say, ask: choice, branch, action: create-case, goto, end. */
    public static String kind(Step step) {
        if (step instanceof Step.Say) {
            return "say";
        } else if (step instanceof Step.Ask ask) {
            return "ask: " + ask.kind().name().toLowerCase();
        } else if (step instanceof Step.Branch) {
            return "branch";
        } else if (step instanceof Step.Action action) {
            return "action: " + action.action();
        } else if (step instanceof Step.Goto) {
            return "goto";
        }
        return "end";
    }

    /** The message keys a step says, in the order it says them. */
    public static List<String> keys(Step step) {
        Set<String> keys = new LinkedHashSet<>();
        if (step instanceof Step.Say say) {
            message(say.message(), keys);
        } else if (step instanceof Step.End end && end.message() != null) {
            message(end.message(), keys);
        } else if (step instanceof Step.Ask ask) {
            message(ask.prompt(), keys);
            for (Step.Option option : ask.options()) {
                keys.add(option.label());
                if (option.description() != null) {
                    keys.add(option.description());
                }
            }
            if (ask.invalid() != null) {
                keys.add(ask.invalid());
            }
        }
        return List.copyOf(keys);
    }

    /** Every message key the flow says. */
    public static List<String> keys(Flow flow) {
        Set<String> keys = new LinkedHashSet<>();
        flow.orderedSteps().forEach(s -> keys.addAll(keys(s)));
        return List.copyOf(keys);
    }

    private static void message(MessageSpec spec, Set<String> keys) {
        if (spec == null) {
            return;
        }
        for (String key : Arrays.asList(spec.title(), spec.text(), spec.description())) {
            if (key != null) {
                keys.add(key);
            }
        }
        spec.chips().forEach(c -> keys.add(c.label()));
    }

    private static List<Edge> out(Step step) {
        List<Edge> out = new ArrayList<>();
        String id = step.id();
        if (step instanceof Step.Say say) {
            add(out, id, say.next(), "");
            say.message().chips().forEach(c -> add(out, id, c.to(), c.label()));
        } else if (step instanceof Step.Ask ask) {
            boolean optionsLead = false;
            for (Step.Option o : ask.options()) {
                if (o.to() != null) {
                    add(out, id, o.to(), o.value());
                } else {
                    optionsLead = true;
                }
                if (o.edit() != null) {
                    out.add(new Edge(id, o.edit(), null, false, "edit " + o.value()));
                }
            }
            if (optionsLead || ask.options().isEmpty()) {
                add(out, id, ask.next(), "");
            }
            ask.prompt().chips().forEach(c -> add(out, id, c.to(), c.label()));
            for (Step.Otherwise otherwise : Arrays.asList(ask.text(), ask.file())) {
                if (otherwise != null) {
                    add(out, id, otherwise.to(), otherwise == ask.text() ? "text" : "file");
                }
            }
        } else if (step instanceof Step.Branch branch) {
            branch.cases().forEach(c -> add(out, id, c.to(), "if"));
            add(out, id, branch.otherwise(), "else");
        } else if (step instanceof Step.Action action) {
            action.on().forEach((outcome, t) -> add(out, id, t, outcome));
            add(out, id, action.next(), "");
        } else if (step instanceof Step.Goto go) {
            add(out, id, go.to(), "");
        } else if (step instanceof Step.End) {
            out.add(new Edge(id, null, null, true, ""));
        }
        return out;
    }

    private static void add(List<Edge> out, String from, Transition t, String label) {
        if (t == null) {
            return;
        }
        if (t.end()) {
            out.add(new Edge(from, null, null, true, label));
        } else if (t.flow() != null) {
            out.add(new Edge(from, null, t.flow(), false, label));
        } else if (t.step() != null) {
            out.add(new Edge(from, t.step(), null, false, label));
        }
    }
}
