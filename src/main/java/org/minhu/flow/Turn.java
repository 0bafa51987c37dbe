package org.minhu.flow;

import org.minhu.outbound.BotMessage;
import org.minhu.outbound.Chip;
import org.minhu.outbound.Content;
import org.minhu.outbound.PlatformLimits;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One step of the engine, as a mutable working copy of the conversation turned back into an
 * immutable state at the end. Its core loop: read the input as the answer to the question asked
 * (or take an action's result), then move through the flow — run say, branch and goto steps, follow
 * transitions, start flows, keep drafts — until a question, an action or the end. Commands and
 * chips that jump elsewhere are {@link Navigation}'s; what is said is {@link Rendering}'s.
 */
final class Turn implements Rendering.Place {

    /** Say, branch and goto steps run in a row before a flow is taken to loop. */
    private static final int MAX_AUTO_STEPS = 100;

    private final FlowSet flows;
    private final Engine.Settings settings;
    private final Function<String, Map<String, Object>> context;
    private boolean unread;
    private final List<Effect> effects = new ArrayList<>();
    private int flowVersion;
    private Map<String, Object> vars;
    private int invalidCount;
    /** Chips to put first under the next question asked, such as 继续 / 不用了 on the menu. */
    private List<Chip> leading = List.of();
    private final Rendering rendering = new Rendering(this);
    private final Answers answers = new Answers(rendering);
    private final Navigation navigation;

    // where the conversation stands, as Navigation reads and moves it too
    final Instant now;
    String flowId;
    String stepId;
    List<String> backStack;
    String returnTo;
    String language;
    ConversationState.Draft draft;

    Turn(FlowSet flows, Engine.Settings settings, ConversationState s, Function<String, Map<String, Object>> context,
         Instant now) {
        this.flows = flows;
        this.settings = settings;
        this.navigation = new Navigation(this, flows);
        this.context = context == null ? language -> Map.of() : context;
        this.now = now;
        flowId = s.flowId();
        flowVersion = s.flowVersion();
        stepId = s.stepId();
        vars = new LinkedHashMap<>(s.vars());
        invalidCount = s.invalidCount();
        backStack = new ArrayList<>(s.backStack());
        returnTo = s.returnTo();
        language = s.language();
        draft = s.draft();
        if (flowId != null && (flows.flow(flowId, flowVersion) == null || flows.flow(flowId, flowVersion).step(stepId) == null)) {
            // the flow changed under a waiting conversation: start over rather than fail
            idle();
        }
        if (s.lastActivity() != null && flowId != null && s.lastActivity().plus(settings.idleTimeout()).isBefore(now)) {
            // dated from the resident's last answer, so a request left 8 days ago is not offered as fresh
            keepDraft(s.lastActivity());
            idle();
        }
        if (draft != null && draft.savedAt().plus(settings.draftTtl()).isBefore(now)) {
            draft = null;
        }
    }

    StepResult run(Input input) {
        if (input instanceof Input.ActionResult result) {
            actionDone(result);
        } else {
            answer(input);
        }
        return finish();
    }

    StepResult finish() {
        ConversationState state = new ConversationState(flowId, flowVersion, stepId, vars, invalidCount, backStack,
                returnTo, language, now, draft);
        return new StepResult(state, effects, unread);
    }

    // ---- input handling ----

    private void answer(Input input) {
        if (navigation.handled(input)) {
            return;
        }
        if (flowId == null) {
            unread = true;
            startFlow(FlowSet.MENU);
            return;
        }
        Step step = flow().step(stepId);
        if (!(step instanceof Step.Ask ask)) {
            unread = true;
            startFlow(FlowSet.MENU);
            return;
        }
        if (input instanceof Input.Choice choice && choice.postback() != null && choice.postback().startsWith("loc:")) {
            // a tapped 发送位置 opens the phone's location picker and the location follows: nothing to say;
            // typed as a number on a plain-SMS phone, it can only be answered with a typed address
            if (choice.typed()) {
                say(text("engine.location.hint"));
            }
            return;
        }
        if (input instanceof Input.Choice choice && choice.postback() != null && choice.postback().startsWith("opt:")
                && !choice.postback().startsWith(optionPrefix(ask))) {
            say(text("engine.expired"));
            prompt(ask);
            return;
        }
        Answers.Answer answer = answers.interpret(ask, input);
        if (answer == null && otherwise(ask, input)) {
            return;
        }
        if (answer == null) {
            unread = input instanceof Input.Text;
            invalid(ask, input);
            return;
        }
        invalidCount = 0;
        if (ask.save() != null) {
            if (answer.value() == null) {
                vars.remove(ask.save());
            } else {
                vars.put(ask.save(), answer.value());
            }
        }
        backStack.add(ask.id());
        Step.Option option = answer.option();
        if (option != null && option.edit() != null) {
            returnTo = ask.id();
            enter(option.edit());
        } else if (option != null && option.to() != null && (returnTo == null || option.to().step() == null)) {
            follow(option.to());
        } else if (returnTo != null) {
            String back = returnTo;
            returnTo = null;
            enter(back);
        } else {
            follow(ask.next());
        }
    }

    /** A choice's {@code text:} or {@code file:}: typed text that is no option, or a photo, kept and taken on. */
    private boolean otherwise(Step.Ask ask, Input input) {
        Step.Otherwise otherwise = null;
        Object value = null;
        if (input instanceof Input.Text t && ask.text() != null) {
            String typed = t.text().strip();
            int length = typed.codePointCount(0, typed.length());
            if (!typed.isEmpty() && (ask.text().min() == null || length >= ask.text().min())) {
                otherwise = ask.text();
                value = typed;
            }
        } else if (input instanceof Input.File && ask.file() != null) {
            Answers.Answer file = answers.file(ask, input);
            if (file != null && file.value() != null) {
                otherwise = ask.file();
                value = file.value();
            }
        }
        if (otherwise == null) {
            return false;
        }
        invalidCount = 0;
        vars.put(otherwise.save(), value);
        backStack.add(ask.id());
        enter(otherwise.to().step());
        return true;
    }

    private void actionDone(Input.ActionResult result) {
        Step step = flowId == null ? null : flow().step(stepId);
        if (!(step instanceof Step.Action action)) {
            return;
        }
        Map<String, Object> saved = new LinkedHashMap<>(result.data() == null ? Map.of() : result.data());
        saved.put("outcome", result.outcome());
        vars.put(action.save() != null ? action.save() : action.action(), saved);
        Transition next = action.on().getOrDefault(result.outcome(), action.next());
        follow(next);
    }

    private void invalid(Step.Ask ask, Input input) {
        invalidCount++;
        if (invalidCount >= settings.maxInvalid()) {
            invalidCount = 0;
            say(new BotMessage(new Content.Text(render("engine.stuck")),
                    List.of(Chip.reply(label("engine.chip.menu"), "cmd:menu"), Chip.reply(label("engine.chip.agent"), "cmd:agent"))));
            return;
        }
        if (input instanceof Input.File file && file.error() != null) {
            say(text("engine.file.failed"));
        } else if (input instanceof Input.Unsupported) {
            say(text("engine.unsupported"));
        } else {
            String said = render(ask.invalid() != null ? ask.invalid() : "engine.invalid");
            String accepted = rendering.accepted(ask);
            say(new BotMessage(new Content.Text(Rendering.clip(accepted.isEmpty() ? said : said + "\n" + accepted,
                    PlatformLimits.MAX_TEXT)), List.of()));
        }
        prompt(ask);
    }

    // ---- moving through a flow ----

    /** The flow the conversation is in, in the version it started: a newer one applies from its next start. */
    Flow flow() {
        return flows.flow(flowId, flowVersion);
    }

    @Override
    public Messages messages() {
        return flowId == null ? flows.messages() : flows.messages(flow());
    }

    void startFlow(String id) {
        Flow flow = flows.flow(id);
        if (flowId != null && !id.equals(flowId)) {
            keepDraft(now);
        }
        int at = effects.size();
        boolean offer = FlowSet.MENU.equals(id) && draft != null;
        if (offer) {
            // on the menu itself, so that a plain-SMS phone numbers them with the menu's options
            leading = List.of(Chip.reply(label("engine.chip.resume"), "cmd:resume"),
                    Chip.reply(label("engine.chip.discard"), "cmd:discard"));
        }
        startFlowAt(flow, flow.start());
        leading = List.of();
        if (offer) {
            effects.add(at, new Effect.Send(new BotMessage(new Content.Text(render("engine.resume.offer", draft.vars())),
                    List.of())));
        }
    }

    void startFlowAt(Flow flow, String step) {
        startFlowAt(flow, step, Map.of());
    }

    void startFlowAt(Flow flow, String step, Map<String, Object> values) {
        flowId = flow.id();
        flowVersion = flow.version();
        vars = new LinkedHashMap<>(values);
        backStack = new ArrayList<>();
        returnTo = null;
        invalidCount = 0;
        enter(step);
    }

    /** A resumable flow left half-way is kept as a draft. */
    void keepDraft(Instant at) {
        if (flowId == null || flow() == null || !flow().resumable() || vars.isEmpty()) {
            return;
        }
        draft = new ConversationState.Draft(flowId, flowVersion, stepId, vars, at);
    }

    void idle() {
        flowId = null;
        flowVersion = 0;
        stepId = null;
        vars = new LinkedHashMap<>();
        backStack = new ArrayList<>();
        returnTo = null;
        invalidCount = 0;
    }

    private void follow(Transition t) {
        if (t == null || t.end()) {
            if (flowId != null && flow().resumable()) {
                draft = null;
            }
            idle();
        } else if (t.flow() != null) {
            if (flowId != null && flow().resumable()) {
                draft = null;
            }
            Map<String, Object> carried = new LinkedHashMap<>();
            Map<String, Object> scope = scope();
            t.with().forEach((name, path) -> {
                Object value = Values.get(scope, path);
                if (value != null) {
                    carried.put(name, value);
                }
            });
            // the flow led on by itself: it is finished, not left half-way
            idle();
            if (carried.isEmpty()) {
                startFlow(t.flow());
            } else {
                startFlowAt(flows.flow(t.flow()), flows.flow(t.flow()).start(), carried);
            }
        } else {
            enter(t.step());
        }
    }

    void enter(String id) {
        for (int guard = 0; guard < MAX_AUTO_STEPS; guard++) {
            Step step = flow().step(id);
            stepId = id;
            if (step instanceof Step.Ask ask) {
                prompt(ask);
                return;
            }
            if (step instanceof Step.Action action) {
                effects.add(new Effect.CallAction(action.action(), scope()));
                return;
            }
            Transition next;
            if (step instanceof Step.Say say) {
                say(message(say.message()));
                next = say.next();
            } else if (step instanceof Step.Branch branch) {
                next = branch.otherwise();
                for (Step.Branch.Case c : branch.cases()) {
                    if (c.condition().test(scope())) {
                        next = c.to();
                        break;
                    }
                }
            } else if (step instanceof Step.Goto go) {
                next = go.to();
            } else {
                next = Transition.END;
            }
            if (next == null || next.end() || next.flow() != null) {
                follow(next);
                return;
            }
            id = next.step();
        }
        throw new IllegalStateException("flow " + flowId + " loops without asking anything at step " + id);
    }

    // ---- what is said: Rendering, reading the conversation through this turn ----

    @Override
    public String language() {
        return language;
    }

    @Override
    public String flowId() {
        return flowId;
    }

    @Override
    public Map<String, Object> scope() {
        Map<String, Object> scope = new LinkedHashMap<>(context.apply(language));
        scope.putAll(vars);
        return scope;
    }

    private String render(String key) {
        return rendering.render(key);
    }

    private String render(String key, Map<String, Object> extra) {
        return rendering.render(key, extra);
    }

    private String label(String key) {
        return rendering.label(key);
    }

    BotMessage text(String key) {
        return rendering.text(key);
    }

    private BotMessage message(MessageSpec spec) {
        return rendering.message(spec);
    }

    private String optionPrefix(Step.Ask ask) {
        return rendering.optionPrefix(ask);
    }

    void say(BotMessage message) {
        if (message != null) {
            effects.add(new Effect.Send(message));
        }
    }

    void prompt(Step.Ask ask) {
        stepId = ask.id();
        rendering.prompt(ask, leading).forEach(this::say);
    }
}
