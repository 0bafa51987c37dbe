package org.minhu.conversation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import org.minhu.carrier.inbound.InboundMessage;
import org.minhu.carrier.outbound.BotMessage;
import org.minhu.cases.Categories;
import org.minhu.cases.Category;
import org.minhu.cases.Rating;
import org.minhu.flow.ConversationState;
import org.minhu.flow.Effect;
import org.minhu.flow.Engine;
import org.minhu.flow.Input;
import org.minhu.flow.StepResult;
import org.minhu.proactive.subscription.Subscriptions;
import org.minhu.resident.Resident;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the resident's message through the flow engine: loads their conversation, steps the
 * engine, carries out the actions it asks for, and stores the new state. While a person has the
 * conversation the bot stays quiet, unless the resident asks for the menu again.
 */
@ApplicationScoped
public class FlowResponder implements ResidentResponder {

    private static final int MAX_ACTIONS_PER_TURN = 10;
    private static final Set<String> BACK_TO_BOT = Set.of("菜单", "menu", "0", "主菜单");

    private final FlowRegistry registry;
    private final Categories categories;
    private final HandoffRepository handoffs;
    private final ObjectMapper json;
    private final Clock clock;
    private final Subscriptions subscriptions;

    public FlowResponder(FlowRegistry registry, Categories categories, HandoffRepository handoffs, ObjectMapper json,
                         Clock clock, Subscriptions subscriptions) {
        this.registry = registry;
        this.categories = categories;
        this.handoffs = handoffs;
        this.json = json;
        this.clock = clock;
        this.subscriptions = subscriptions;
    }

    @Override
    public List<BotMessage> respond(Resident resident, InboundMessage message) {
        Instant now = clock.instant();
        Input input = input(message);
        if (Subscriptions.stops(input)) {
            // 退订 / STOP / TD is honoured in any state, even with a person; the conversation stays where it was
            return List.of(subscriptions.stop(resident, now));
        }
        if (resident.isWithAgent()) {
            if (!(input instanceof Input.Text t && BACK_TO_BOT.contains(t.text().strip().toLowerCase()))) {
                return List.of();
            }
            resident.handOver(false, now);
            handoffs.closeFor(resident.getPhone(), now);
        }
        input = Subscriptions.open(input);
        Engine engine = registry.engine();
        ConversationState state = load(resident);
        List<BotMessage> replies = new ArrayList<>();
        for (int round = 0; round <= MAX_ACTIONS_PER_TURN; round++) {
            StepResult result = round == 0 && input instanceof Input.Choice choice && isRating(choice.postback())
                    ? rate(engine, state, choice.postback(), now)
                    : engine.step(state, input, context(state.language()), now);
            state = result.state();
            for (Effect effect : result.effects()) {
                if (effect instanceof Effect.Send send) {
                    replies.add(send.message());
                }
            }
            Effect.CallAction call = result.pendingAction();
            if (call == null) {
                break;
            }
            ConversationAction action = registry.action(call.action());
            input = action.run(new ActionContext(resident.getPhone(), state.language(), call.vars(), state.flowId(),
                    state.flowVersion(), now));
        }
        save(resident, state, now);
        return replies;
    }

    /** A rating chip on a resolution card: {@code rate:<number>:<RATING>}. */
    private static boolean isRating(String postback) {
        return postback != null && postback.matches("rate:[A-Za-z0-9-]+:(SATISFIED|MOSTLY_SATISFIED|UNSATISFIED)");
    }

    /** Answers the rate flow's question straight from the card: 不满意 still asks why. */
    private StepResult rate(Engine engine, ConversationState state, String postback, Instant now) {
        String[] parts = postback.split(":");
        Rating rating = Rating.valueOf(parts[2]);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("target", Map.of("value", parts[1], "label", parts[1]));
        values.put("rating", Map.of("value", rating.name(), "label", rating.label(state.language())));
        return engine.begin(state, "rate", rating == Rating.UNSATISFIED ? "reason" : "submit", values,
                context(state.language()), now);
    }

    private Input input(InboundMessage m) {
        return switch (m.getKind()) {
            case TEXT -> new Input.Text(m.getText() == null ? "" : m.getText());
            case SUGGESTION -> new Input.Choice(m.getPostback(), m.getDisplayText());
            case LOCATION -> new Input.Location(m.getLatitude(), m.getLongitude(), m.getPlaceLabel());
            case FILE -> new Input.File(m.getMediaPath(), m.getFileName(), m.getFileType(),
                    m.getMediaPath() == null ? (m.getMediaError() == null ? "not fetched" : m.getMediaError()) : null);
            case SHARED_DATA, UNKNOWN -> new Input.Unsupported(m.getContentType());
        };
    }

    private Map<String, Object> context(String language) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Category c : categories.all()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("value", c.code());
            item.put("label", c.name().in(language));
            item.put("description", c.description().in(language));
            list.add(item);
        }
        return Map.of("categories", list);
    }

    private ConversationState load(Resident resident) {
        if (resident.getConversationState() != null) {
            try {
                return json.readValue(resident.getConversationState(), ConversationState.class);
            } catch (JsonProcessingException e) {
                Log.warnf("conversation of resident %d unreadable, starting afresh", resident.getId());
            }
        }
        return ConversationState.idle(resident.getLanguage());
    }

    private void save(Resident resident, ConversationState state, Instant now) {
        try {
            resident.saveConversation(json.writeValueAsString(state), state.language(), now);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("conversation state is plain data", e);
        }
    }
}
