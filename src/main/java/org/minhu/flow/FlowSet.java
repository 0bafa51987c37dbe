package org.minhu.flow;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Every flow, validated together, with the message bundles and the actions Java provides.
 * {@code history} finds an earlier version of a flow (id, version), for a resident who started it
 * before a new version was published; null when there are none.
 */
public record FlowSet(Map<String, Flow> flows, Messages messages, Map<String, Set<String>> actions, Set<String> builtins,
                      List<Required> required, BiFunction<String, Integer, Flow> history) {

    /** Where 菜单/menu/0 and the end of a flow lead. */
    public static final String MENU = "menu";
    /** Where 人工/agent leads. */
    public static final String AGENT = "talk-to-person";

    public FlowSet {
        flows = Map.copyOf(flows);
        actions = Map.copyOf(actions);
        builtins = Set.copyOf(builtins);
        required = required == null ? List.of() : List.copyOf(required);
    }

    public FlowSet(Map<String, Flow> flows, Messages messages, Map<String, Set<String>> actions, Set<String> builtins) {
        this(flows, messages, actions, builtins, List.of(), null);
    }

    /** The flow in use now. */
    public Flow flow(String id) {
        return flows.get(id);
    }

    /**
     * The given version of a flow when it is not the one in use (a resident finishing what they
     * started), else the one in use; the one in use when that version cannot be found.
     */
    public Flow flow(String id, int version) {
        Flow current = flows.get(id);
        if (current == null || version == 0 || current.version() == version || history == null) {
            return current;
        }
        Flow earlier = history.apply(id, version);
        return earlier != null ? earlier : current;
    }

    /**
     * The names other steps and chips give a flow with {@code with:} when they start it: the values
     * it may begin with, and the only ones a chip's postback may carry into it.
     */
    public Set<String> carriedInto(String flowId) {
        Set<String> names = new java.util.HashSet<>();
        for (Flow flow : flows.values()) {
            for (Step step : flow.steps().values()) {
                for (Transition t : Flow.transitions(step)) {
                    if (t != null && flowId.equals(t.flow())) {
                        names.addAll(t.with().keySet());
                    }
                }
            }
        }
        return names;
    }

    /** The texts a flow speaks with: its own first, then the shared bundles. */
    public Messages messages(Flow flow) {
        return flow == null ? messages : messages.with(flow.texts());
    }

    /** The same flows with another way of finding earlier versions. */
    public FlowSet withHistory(BiFunction<String, Integer, Flow> lookup) {
        return new FlowSet(flows, messages, actions, builtins, required, lookup);
    }
}
