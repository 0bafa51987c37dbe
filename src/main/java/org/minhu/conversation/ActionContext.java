package org.minhu.conversation;

import org.minhu.flow.Values;

import java.time.Instant;
import java.util.Map;

/** What an action knows: whose conversation, in which language, and what the flow has collected. */
public record ActionContext(String phone, String language, Map<String, Object> vars, String flowId, int flowVersion,
                            Instant now) {

    public String text(String path) {
        Object value = Values.get(vars, path);
        return value == null ? null : Values.text(value);
    }

    public Double number(String path) {
        Object value = Values.get(vars, path);
        return value instanceof Number n ? n.doubleValue() : null;
    }
}
