package org.minhu.console;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import org.minhu.conversation.ActionContext;
import org.minhu.conversation.ConversationAction;
import org.minhu.conversation.FlowRegistry;
import org.minhu.conversation.FlowResponder;
import org.minhu.flow.ConversationState;
import org.minhu.flow.Effect;
import org.minhu.flow.Engine;
import org.minhu.flow.FlowSet;
import org.minhu.flow.Input;
import org.minhu.flow.StepResult;
import org.minhu.flow.Values;
import org.minhu.outbound.BotMessage;
import org.minhu.outbound.CardContent;
import org.minhu.outbound.Chip;
import org.minhu.outbound.Content;
import org.minhu.outbound.SmsRenderer;
import org.minhu.outbound.SmsRendering;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a draft flow in the editor's phone pane: the real engine, a throw-away state carried by the
 * page, and the actions answered by stand-ins that change nothing (no case filed, no message sent,
 * nobody queued); only the read-only ones (knowledge base, category guess) run for real.
 */
@ApplicationScoped
public class FlowPreview {

    /** One chip as the pane shows it; {@code postback} null for a chip that only acts on a phone (dial, link). */
    public record ChipView(String label, String postback) {
    }

    /** One card of a card or carousel. */
    public record CardView(String title, String description, List<ChipView> chips) {
    }

    /** One bot message in both renderings. */
    public record MessageView(String text, List<CardView> cards, List<ChipView> chips, String sms) {
    }

    /** What the pane shows after a step, and what the page sends back with the next input. */
    public record Turn(List<MessageView> messages, String state, String numbers, String error) {
    }

    /** Actions that only read: safe to run for real in a preview. */
    private static final Set<String> READ_ONLY = Set.of("search-knowledge", "guess-category");
    private static final int MAX_ACTIONS = 10;

    private final FlowRegistry registry;
    private final FlowResponder responder;
    private final ObjectMapper json;
    private final Clock clock;

    public FlowPreview(FlowRegistry registry, FlowResponder responder, ObjectMapper json, Clock clock) {
        this.registry = registry;
        this.responder = responder;
        this.json = json;
        this.clock = clock;
    }

    /**
     * One step of the preview.
     *
     * @param state    the page's state, null to start the flow
     * @param typed    what was typed, or null
     * @param postback a tapped chip's postback, or null
     * @param numbers  the numbered options of the last reply (SMS), to read a typed number as a chip
     */
    public Turn step(FlowSet flows, String flowId, String language, String state, String typed, String postback,
                     String numbers) {
        Engine engine = new Engine(flows, registry.settings());
        Instant now = clock.instant();
        try {
            StepResult result;
            if (state == null || state.isBlank()) {
                result = engine.begin(ConversationState.idle(language == null ? "zh-CN" : language), flowId, null, Map.of(),
                        responder::context, now);
            } else {
                ConversationState current = json.readValue(state, ConversationState.class);
                Input input = input(typed, postback, numbers);
                result = engine.step(current, input, responder::context, now);
            }
            List<BotMessage> replies = new ArrayList<>();
            for (int round = 0; round <= MAX_ACTIONS; round++) {
                result.effects().stream().filter(e -> e instanceof Effect.Send).map(e -> ((Effect.Send) e).message())
                        .forEach(replies::add);
                Effect.CallAction call = result.pendingAction();
                if (call == null) {
                    break;
                }
                ConversationState at = result.state();
                result = engine.step(at, standIn(call, at, now), responder::context, now);
            }
            Map<String, String> options = new LinkedHashMap<>();
            List<MessageView> views = new ArrayList<>();
            for (BotMessage reply : replies) {
                SmsRendering sms = SmsRenderer.render(reply, result.state().language());
                options.clear();
                sms.options().forEach(o -> options.put(String.valueOf(o.number()), o.postback()));
                views.add(view(reply, sms.text()));
            }
            return new Turn(views, json.writeValueAsString(result.state()), json.writeValueAsString(options), null);
        } catch (Exception e) {
            Log.warnf(e, "flow preview of %s failed", flowId);
            return new Turn(List.of(), null, null, "预览无法继续：" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                    + "。请点“重新开始”。");
        }
    }

    private Input input(String typed, String postback, String numbers) throws Exception {
        if (postback != null && !postback.isBlank()) {
            return new Input.Choice(postback, null, false);
        }
        String text = typed == null ? "" : typed.strip();
        if (numbers != null && !numbers.isBlank() && text.matches("\\d{1,2}")) {
            Map<String, String> options = json.readValue(numbers, new TypeReference<Map<String, String>>() { });
            if (options.containsKey(text)) {
                return new Input.Choice(options.get(text), text, true);
            }
        }
        return new Input.Text(text);
    }

    /** What an action answers in a preview: a read-only one runs, the others are stood in for. */
    private Input standIn(Effect.CallAction call, ConversationState state, Instant now) {
        ConversationAction action = registry.action(call.action());
        if (action != null && READ_ONLY.contains(call.action())) {
            try {
                return action.run(new ActionContext("preview", state.language(), call.vars(), state.flowId(), state.flowVersion(), now));
            } catch (RuntimeException e) {
                Log.debugf("preview action %s failed: %s", call.action(), e.getMessage());
            }
        }
        Map<String, Object> vars = call.vars();
        Map<String, Object> data = new LinkedHashMap<>();
        String outcome;
        switch (call.action()) {
            case "create-case" -> {
                outcome = "created";
                data.put("number", "MH-预览-0001");
                data.put("unit", "（预览：不会立案）");
                data.put("due", "（预览）");
                data.put("category", Values.text(Values.get(vars, "category.label")));
            }
            case "find-nearby-cases", "list-my-cases", "list-subscriptions" -> {
                outcome = "none";
                data.put("count", 0);
                data.put("items", List.of());
                data.put("summary", "");
            }
            case "list-rateable-cases" -> {
                outcome = "found";
                List<Map<String, Object>> items = List.of(sample("MH-预览-0001"), sample("MH-预览-0002"));
                data.put("count", items.size());
                data.put("items", items);
            }
            case "follow-case" -> {
                outcome = "followed";
                data.put("number", Values.text(Values.get(vars, "nearby.number")));
            }
            case "show-case" -> {
                outcome = "not-found";
                data.put("number", Values.text(Values.get(vars, "picked.value")));
            }
            case "rate-case" -> {
                outcome = "rated";
                data.put("number", Values.text(Values.get(vars, "target.value")));
            }
            case "check-addable", "add-to-case", "nudge-case" -> {
                // 补充材料 / 催一下: nothing is added or recorded in a preview
                outcome = switch (call.action()) {
                    case "check-addable" -> "open";
                    case "add-to-case" -> "added";
                    default -> "nudged";
                };
                String number = Values.text(Values.get(vars, call.action().equals("nudge-case") ? "nudging" : "adding"));
                data.put("number", number.isEmpty() ? "MH-预览-0001" : number);
                data.put("state", "办理中");
                data.put("unit", "（预览：不会记录）");
            }
            case "hand-off" -> {
                outcome = "queued";
                data.put("position", 0);
                data.put("wait", "");
            }
            case "toggle-subscription" -> {
                outcome = "unknown";
                data.put("label", "");
            }
            case "search-knowledge", "guess-category" -> {
                outcome = "none";
                data.put("found", false);
                data.put("count", 0);
            }
            default -> outcome = "none";
        }
        data.put("outcome", outcome);
        return new Input.ActionResult(outcome, data);
    }

    private static Map<String, Object> sample(String number) {
        return Map.of("value", number, "label", number, "description", "预览示例 · 已办结");
    }

    private static MessageView view(BotMessage message, String sms) {
        String text = null;
        List<CardView> cards = new ArrayList<>();
        Content content = message.content();
        if (content instanceof Content.Text t) {
            text = t.text();
        } else if (content instanceof Content.Card c) {
            cards.add(card(c.card()));
        } else if (content instanceof Content.Carousel c) {
            c.cards().forEach(card -> cards.add(card(card)));
        } else if (content instanceof Content.Location l) {
            text = "📍 " + (l.label() == null ? "" : l.label());
        } else if (content instanceof Content.File f) {
            text = "📎 " + f.fileName();
        }
        return new MessageView(text, cards, chips(message.chips()), sms);
    }

    private static CardView card(CardContent card) {
        return new CardView(card.title(), card.description(), chips(card.chips()));
    }

    private static List<ChipView> chips(List<Chip> chips) {
        return chips.stream().map(c -> new ChipView(c.displayText(), c.answerable() ? c.postback() : null)).toList();
    }
}
