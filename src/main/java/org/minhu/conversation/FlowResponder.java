package org.minhu.conversation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import org.minhu.carrier.inbound.InboundMessage;
import org.minhu.cases.Categories;
import org.minhu.cases.Category;
import org.minhu.cases.DispatchRules;
import org.minhu.cases.Rating;
import org.minhu.conversation.subscription.Subscriptions;
import org.minhu.flow.ConversationState;
import org.minhu.flow.Effect;
import org.minhu.flow.Engine;
import org.minhu.flow.Input;
import org.minhu.flow.StepResult;
import org.minhu.outbound.BotMessage;
import org.minhu.outbound.Chip;
import org.minhu.outbound.Content;
import org.minhu.outbound.PlatformLimits;
import org.minhu.reference.LocalizedText;
import org.minhu.resident.Resident;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Runs the resident's message through the flow engine: loads their conversation, steps the
 * engine, carries out the actions it asks for, and stores the new state. Before that, words of an
 * emergency get whom to call; after it, words the engine could not take at the menu are read for
 * what they ask ({@link FreeText}): a problem starts a request, a question is answered. While a
 * person has the conversation the bot stays quiet, except for a rating tapped on a resolution
 * card, unless the resident asks for the menu again.
 */
@ApplicationScoped
public class FlowResponder implements ResidentResponder {

    private static final int MAX_ACTIONS_PER_TURN = 10;
    private static final Set<String> BACK_TO_BOT = Set.of("菜单", "menu", "0", "主菜单");

    private final FlowRegistry registry;
    private final Categories categories;
    private final HandoffRepository handoffs;
    private final StateJson json;
    private final Clock clock;
    private final Subscriptions subscriptions;
    private final DispatchRules rules;
    private final FreeText freeText;
    /** The categories as flows read them, built for the version in use ({@link #context(String)}). */
    private volatile Context context;

    public FlowResponder(FlowRegistry registry, Categories categories, HandoffRepository handoffs, ObjectMapper json,
                         Clock clock, Subscriptions subscriptions, DispatchRules rules, FreeText freeText) {
        this.registry = registry;
        this.categories = categories;
        this.handoffs = handoffs;
        this.json = new StateJson(json);
        this.clock = clock;
        this.subscriptions = subscriptions;
        this.rules = rules;
        this.freeText = freeText;
    }

    @Override
    public List<BotMessage> respond(Resident resident, InboundMessage message) {
        Instant now = clock.instant();
        Input input = input(message);
        if (Subscriptions.stops(input)) {
            // 退订 / STOP / TD is honoured in any state, even with a person; the conversation stays where it was
            return List.of(subscriptions.stop(resident, now));
        }
        Engine engine = registry.engine(resident.getPhone());
        boolean rating = input instanceof Input.Choice choice && isRating(choice.postback());
        if (resident.isWithAgent()) {
            if (rating) {
                // a rating tapped on the resolution card is kept while a person has the conversation;
                // 不满意's reason is for the person to hear, so it is not asked
                ConversationState state = load(resident);
                return run(resident, engine, rate(engine, state, ((Input.Choice) input).postback(), false, now), now);
            }
            if (!(input instanceof Input.Text t && BACK_TO_BOT.contains(t.text().strip().toLowerCase()))) {
                // whom to call in an emergency is said at once, even while staff have the conversation
                return input instanceof Input.Text t ? rules.emergency(t.text())
                        .map(e -> List.of(emergencyCard(e, resident.getLanguage()))).orElse(List.of()) : List.of();
            }
            resident.handOver(false, now);
            handoffs.closeFor(resident.getPhone(), now);
        }
        input = Subscriptions.open(input);
        ConversationState state = load(resident);
        if (rating) {
            return run(resident, engine, rate(engine, state, ((Input.Choice) input).postback(), true, now), now);
        }
        List<BotMessage> replies = new ArrayList<>();
        Optional<DispatchRules.Emergency> emergency = input instanceof Input.Text t ? rules.emergency(t.text()) : Optional.empty();
        emergency.ifPresent(e -> replies.add(emergencyCard(e, state.language())));
        StepResult result = engine.step(state, input, this::context, now);
        if (input instanceof Input.Text t && (result.unread() || emergency.isPresent() && engine.open(state, now))) {
            Optional<FreeText.Reading> reading = engine.open(state, now)
                    ? emergency.isPresent() ? Optional.of(freeText.problem(t.text())) : freeText.read(t.text(), state.language())
                    : freeText.caseNumber(t.text());
            if (reading.isPresent()) {
                result = engine.begin(state, reading.get().flow(), null, reading.get().values(), this::context, now);
            }
        }
        replies.addAll(run(resident, engine, result, now));
        return replies;
    }

    /** Carries out the actions a step asks for, feeding each result back, then stores the conversation. */
    private List<BotMessage> run(Resident resident, Engine engine, StepResult first, Instant now) {
        List<BotMessage> replies = new ArrayList<>();
        StepResult result = first;
        ConversationState state = result.state();
        for (int round = 0; round <= MAX_ACTIONS_PER_TURN; round++) {
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
            Input outcome = action.run(new ActionContext(resident.getPhone(), state.language(), call.vars(), state.flowId(),
                    state.flowVersion(), now));
            result = engine.step(state, outcome, this::context, now);
        }
        save(resident, state, now);
        return replies;
    }

    /** "如果现在有火情，请立即拨打 119…" with chips that dial; said before anything else. */
    private static BotMessage emergencyCard(DispatchRules.Emergency emergency, String language) {
        List<Chip> chips = emergency.calls().stream()
                .map(call -> Chip.dial(Formats.clip(call.label().in(language), PlatformLimits.MAX_DISPLAY_TEXT),
                        "dial:" + call.number(), call.number()))
                .toList();
        return new BotMessage(new Content.Text(emergency.advice().in(language)), chips);
    }

    private static final Pattern RATING = Pattern.compile("rate:[A-Za-z0-9-]+:(SATISFIED|MOSTLY_SATISFIED|UNSATISFIED)");

    /** A rating chip on a resolution card: {@code rate:<number>:<RATING>}. */
    private static boolean isRating(String postback) {
        return postback != null && RATING.matcher(postback).matches();
    }

    /** Answers the rate flow's question straight from the card: 不满意 asks why, when {@code askWhy}. */
    private StepResult rate(Engine engine, ConversationState state, String postback, boolean askWhy, Instant now) {
        String[] parts = postback.split(":");
        Rating rating = Rating.valueOf(parts[2]);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("target", Map.of("value", parts[1], "label", parts[1]));
        values.put("rating", Map.of("value", rating.name(), "label", rating.label(state.language())));
        return engine.begin(state, "rate", rating == Rating.UNSATISFIED && askWhy ? "reason" : "submit", values,
                this::context, now);
    }

    private Input input(InboundMessage m) {
        return switch (m.getKind()) {
            case TEXT -> new Input.Text(m.getText() == null ? "" : m.getText());
            case SUGGESTION -> new Input.Choice(m.getPostback(), m.getDisplayText(), m.isByNumber());
            case LOCATION -> new Input.Location(m.getLatitude(), m.getLongitude(), m.getPlaceLabel());
            case FILE -> new Input.File(m.getMediaPath(), m.getFileName(), m.getFileType(),
                    m.getMediaPath() == null ? (m.getMediaError() == null ? "not fetched" : m.getMediaError()) : null);
            case SHARED_DATA, UNKNOWN -> new Input.Unsupported(m.getContentType());
        };
    }

    /**
     * The values every flow may read, in a language: the categories. A flow step reads them each time
     * it renders or decides, several times a turn, so they are built once per version of the
     * categories in use (Chinese and English) and shared, read-only; building them every time was a
     * tenth of what the service allocated under load.
     */
    public Map<String, Object> context(String language) {
        List<Category> all = categories.all();
        Context built = context;
        if (built == null || built.categories() != all) {
            built = new Context(all, categoriesIn(all, "zh"), categoriesIn(all, "en"));
            context = built;
        }
        return LocalizedText.isEnglish(language) ? built.english() : built.chinese();
    }

    /** The context built for one version of the categories (the list {@code Categories} holds while it is in use). */
    private record Context(List<Category> categories, Map<String, Object> chinese, Map<String, Object> english) {
    }

    private static Map<String, Object> categoriesIn(List<Category> all, String language) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Category c : all) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("value", c.code());
            item.put("label", c.name().in(language));
            item.put("description", c.description().in(language));
            // typing a keyword (路灯), the code or the name in the other language chooses it too
            List<String> synonyms = new ArrayList<>(c.keywords());
            synonyms.add(c.code());
            synonyms.add(c.name().zh());
            synonyms.add(c.name().en());
            item.put("synonyms", Collections.unmodifiableList(synonyms));
            list.add(Collections.unmodifiableMap(item));
        }
        return Map.of("categories", Collections.unmodifiableList(list));
    }

    private ConversationState load(Resident resident) {
        if (resident.getConversationState() != null) {
            try {
                return json.read(resident.getConversationState());
            } catch (JsonProcessingException e) {
                Log.warnf("conversation of resident %d unreadable, starting afresh", resident.getId());
            }
        }
        return ConversationState.idle(resident.getLanguage());
    }

    private void save(Resident resident, ConversationState state, Instant now) {
        try {
            resident.saveConversation(json.write(state), state.language(), now);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("conversation state is plain data", e);
        }
    }
}
