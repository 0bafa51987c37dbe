package org.minhu.conversation.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import org.minhu.cases.DispatchRules;
import org.minhu.conversation.ActionContext;
import org.minhu.conversation.ConversationAction;
import org.minhu.conversation.Formats;
import org.minhu.flow.Input;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The actions of {@code conversation-flows/subscriptions.yaml}: list the choices, and subscribe or leave one. */
final class SubscriptionActions {

    /** The option that leaves everything, as 退订 does. */
    static final String STOP = "stop";
    private static final String SUBSCRIBED = "✓ ";

    private SubscriptionActions() {
    }

    private static String value(Subscription.Kind kind, String code) {
        return kind.name().toLowerCase(Locale.ROOT) + ":" + code;
    }

    private static Map<String, Object> item(String value, String label) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("value", value);
        item.put("label", label);
        return item;
    }

    /** Every topic and area, those the resident has marked ✓, and 全部退订 when there is anything to leave. */
    @ApplicationScoped
    static class ListSubscriptions implements ConversationAction {
        private final Subscriptions subscriptions;

        ListSubscriptions(Subscriptions subscriptions) {
            this.subscriptions = subscriptions;
        }

        @Override
        public String name() {
            return "list-subscriptions";
        }

        @Override
        public Set<String> outputs() {
            return Set.of("outcome", "count", "summary", "items");
        }

        @Override
        public Input.ActionResult run(ActionContext ctx) {
            Set<String> mine = new HashSet<>();
            for (Subscription s : subscriptions.of(ctx.phone())) {
                mine.add(value(s.getKind(), s.getCode()));
            }
            List<Map<String, Object>> items = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (Topic topic : Topic.values()) {
                add(items, names, mine, Subscription.Kind.TOPIC, topic.code(), ctx.language());
            }
            for (DispatchRules.Area area : subscriptions.areas()) {
                add(items, names, mine, Subscription.Kind.AREA, area.code(), ctx.language());
            }
            if (!mine.isEmpty()) {
                items.add(item(STOP, subscriptions.text(ctx.language(), "subscribe.stop-all")));
            }
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("count", names.size());
            data.put("summary", names.isEmpty() ? subscriptions.text(ctx.language(), "subscribe.none")
                    : String.join(Formats.english(ctx.language()) ? ", " : "、", names));
            data.put("items", items);
            return new Input.ActionResult(names.isEmpty() ? "none" : "found", data);
        }

        private void add(List<Map<String, Object>> items, List<String> names, Set<String> mine,
                         Subscription.Kind kind, String code, String language) {
            String label = subscriptions.label(kind, code, language).orElse(code);
            boolean subscribed = mine.contains(value(kind, code));
            if (subscribed) {
                names.add(label);
            }
            items.add(item(value(kind, code), Formats.clip(subscribed ? SUBSCRIBED + label : label, 25)));
        }
    }

    /** The chosen topic or area: subscribed if it was not, left if it was; 全部退订 leaves everything. */
    @ApplicationScoped
    static class ToggleSubscription implements ConversationAction {
        private final Subscriptions subscriptions;

        ToggleSubscription(Subscriptions subscriptions) {
            this.subscriptions = subscriptions;
        }

        @Override
        public String name() {
            return "toggle-subscription";
        }

        @Override
        public Set<String> outputs() {
            return Set.of("outcome", "label");
        }

        @Override
        public Input.ActionResult run(ActionContext ctx) {
            String picked = ctx.text("picked.value");
            if (STOP.equals(picked)) {
                subscriptions.optOut(ctx.phone(), ctx.now());
                return new Input.ActionResult("stopped", Map.of());
            }
            String[] parts = picked == null ? new String[0] : picked.split(":", 2);
            Subscription.Kind kind = parts.length != 2 ? null : switch (parts[0]) {
                case "topic" -> Subscription.Kind.TOPIC;
                case "area" -> Subscription.Kind.AREA;
                default -> null;
            };
            String label = kind == null ? null : subscriptions.label(kind, parts[1], ctx.language()).orElse(null);
            if (label == null) {
                return new Input.ActionResult("unknown", Map.of());
            }
            if (subscriptions.unsubscribe(ctx.phone(), kind, parts[1])) {
                return new Input.ActionResult("unsubscribed", Map.of("label", label));
            }
            subscriptions.subscribe(ctx.phone(), kind, parts[1], ctx.now());
            return new Input.ActionResult("subscribed", Map.of("label", label));
        }
    }
}
