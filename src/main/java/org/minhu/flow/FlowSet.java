package org.minhu.flow;

import java.util.Map;
import java.util.Set;

/** Every flow, validated together, with the message bundles and the actions Java provides. */
public record FlowSet(Map<String, Flow> flows, Messages messages, Map<String, Set<String>> actions, Set<String> builtins) {

    /** Where 菜单/menu/0 and the end of a flow lead. */
    public static final String MENU = "menu";
    /** Where 人工/agent leads. */
    public static final String AGENT = "talk-to-person";

    public FlowSet {
        flows = Map.copyOf(flows);
        actions = Map.copyOf(actions);
        builtins = Set.copyOf(builtins);
    }

    public Flow flow(String id) {
        return flows.get(id);
    }
}
