package org.minhu.flow;

import org.minhu.outbound.BotMessage;
import org.minhu.outbound.Chip;
import org.minhu.outbound.Content;
import org.minhu.outbound.PlatformLimits;

import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The conversation engine: {@code (flows, state, input) -> (new state, effects)}. Pure: no I/O,
 * no clock of its own, no framework. It runs say, branch and goto steps until it reaches a
 * question (and waits for the answer), an action (and waits for its result) or the end.
 */
public final class Engine {

    /** Texts the engine itself says; every bundle must have them. */
    public static final Set<String> ENGINE_KEYS = Set.of("engine.invalid", "engine.stuck", "engine.cancelled",
            "engine.expired", "engine.resume.offer", "engine.back.none", "engine.language.changed", "engine.unsupported",
            "engine.location.hint", "engine.file.failed", "engine.chip.menu", "engine.chip.agent", "engine.chip.resume",
            "engine.chip.discard", "engine.chip.skip", "engine.chip.yes", "engine.chip.no", "engine.chip.location",
            "engine.chip.select", "engine.accepted", "engine.voice");

    private static final int MAX_AUTO_STEPS = 100;
    /** What people type for yes and for no; an option with {@code means: yes/no} is chosen by them too. */
    public static final Set<String> YES = Set.of("是", "是的", "确认", "确定", "对", "对的", "没错", "好", "好的", "行", "可以",
            "嗯", "嗯嗯", "提交", "yes", "y", "ok", "okay", "confirm", "sure");
    public static final Set<String> NO = Set.of("否", "不", "不是", "不对", "不用", "不用了", "不要", "不需要", "没有", "没",
            "跳过", "算了", "取消提交", "no", "n", "nope", "skip");

    public record Settings(int maxInvalid, Duration idleTimeout, Duration draftTtl) {
        public static final Settings DEFAULT = new Settings(2, Duration.ofMinutes(30), Duration.ofDays(7));
    }

    private final FlowSet flows;
    private final Settings settings;

    public Engine(FlowSet flows, Settings settings) {
        this.flows = flows;
        this.settings = settings;
    }

    public FlowSet flows() {
        return flows;
    }

    /**
     * Whether the conversation waits for nothing in particular: idle, gone idle by now, or at the
     * menu. There a message that is no option may be read for what it asks (a problem, a question).
     */
    public boolean open(ConversationState state, Instant now) {
        return state.flowId() == null || FlowSet.MENU.equals(state.flowId()) || flows.flow(state.flowId()) == null
                || state.lastActivity() != null && state.lastActivity().plus(settings.idleTimeout()).isBefore(now);
    }

    /** One step: the resident's input (or an action's result) against the conversation as it stands. */
    public StepResult step(ConversationState state, Input input, Map<String, Object> context, Instant now) {
        return step(state, input, language -> context, now);
    }

    /**
     * One step, with values every flow may read given per language: a switch to English within the
     * step then shows English categories, not the ones of the language the step began in.
     */
    public StepResult step(ConversationState state, Input input, Function<String, Map<String, Object>> context,
                           Instant now) {
        return new Turn(state, context, now).run(input);
    }

    /**
     * Starts a flow at a given step with values already known, as when a resident answers a
     * notification's chip (rate this case: 满意) without walking the flow's first questions.
     */
    public StepResult begin(ConversationState state, String flowId, String stepId, Map<String, Object> values,
                            Map<String, Object> context, Instant now) {
        return begin(state, flowId, stepId, values, language -> context, now);
    }

    /** As {@link #begin(ConversationState, String, String, Map, Map, Instant)}; a null step is the flow's start. */
    public StepResult begin(ConversationState state, String flowId, String stepId, Map<String, Object> values,
                            Function<String, Map<String, Object>> context, Instant now) {
        Flow flow = flows.flow(flowId);
        if (stepId == null && flow != null) {
            stepId = flow.start();
        }
        if (flow == null || flow.step(stepId) == null) {
            throw new IllegalArgumentException("no step " + flowId + ":" + stepId);
        }
        Turn turn = new Turn(state, context, now);
        turn.keepDraft(now);
        turn.startFlowAt(flow, stepId, values);
        return turn.finish();
    }

    private enum Command { MENU, CANCEL, BACK, AGENT, RESUME, DISCARD, ENGLISH, CHINESE }

    /** The mutable working copy of one step; turned back into an immutable state at the end. */
    private final class Turn implements Rendering.Place {
        final Function<String, Map<String, Object>> context;
        final Instant now;
        boolean unread;
        final List<Effect> effects = new ArrayList<>();
        String flowId;
        int flowVersion;
        String stepId;
        Map<String, Object> vars;
        int invalidCount;
        List<String> backStack;
        String returnTo;
        String language;
        ConversationState.Draft draft;
        /** Chips to put first under the next question asked, such as 继续 / 不用了 on the menu. */
        List<Chip> leading = List.of();
        final Rendering rendering = new Rendering(this);
        final Answers answers = new Answers(rendering);

        Turn(ConversationState s, Function<String, Map<String, Object>> context, Instant now) {
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

        void answer(Input input) {
            Command command = command(input);
            if (command != null) {
                command(command);
                return;
            }
            if (input instanceof Input.Choice choice && jump(choice.postback())) {
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
        boolean otherwise(Step.Ask ask, Input input) {
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

        void actionDone(Input.ActionResult result) {
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

        Command command(Input input) {
            if (input instanceof Input.Choice choice && choice.postback() != null && choice.postback().startsWith("cmd:")) {
                return switch (choice.postback().substring(4)) {
                    case "menu" -> Command.MENU;
                    case "cancel" -> Command.CANCEL;
                    case "back" -> Command.BACK;
                    case "agent" -> Command.AGENT;
                    case "resume" -> Command.RESUME;
                    case "discard" -> Command.DISCARD;
                    default -> null;
                };
            }
            if (!(input instanceof Input.Text text)) {
                return null;
            }
            return switch (normalize(text.text())) {
                case "菜单", "menu", "0", "主菜单" -> Command.MENU;
                case "取消", "cancel", "退出" -> Command.CANCEL;
                case "返回", "back", "上一步" -> Command.BACK;
                case "人工", "agent", "转人工", "人工服务" -> Command.AGENT;
                case "继续", "resume" -> draft != null ? Command.RESUME : null;
                case "english", "en" -> Command.ENGLISH;
                case "中文", "chinese" -> Command.CHINESE;
                default -> null;
            };
        }

        void command(Command command) {
            switch (command) {
                case MENU -> startFlow(FlowSet.MENU);
                case AGENT -> startFlow(FlowSet.AGENT);
                case CANCEL -> {
                    if (flowId != null && !FlowSet.MENU.equals(flowId)) {
                        say(text("engine.cancelled"));
                        if (flow().resumable()) {
                            draft = null;
                        }
                    }
                    idle();
                    startFlow(FlowSet.MENU);
                }
                case BACK -> back();
                case RESUME -> resume();
                case DISCARD -> {
                    draft = null;
                    startFlow(FlowSet.MENU);
                }
                case ENGLISH, CHINESE -> {
                    language = command == Command.ENGLISH ? "en" : Messages.DEFAULT_LANGUAGE;
                    say(text("engine.language.changed"));
                    reprompt();
                }
            }
        }

        /** A chip that names where it goes (a flow, or a step) works from any old message. */
        boolean jump(String postback) {
            if (postback == null) {
                return false;
            }
            if (postback.startsWith("flow:")) {
                int query = postback.indexOf('?');
                String id = postback.substring(5, query < 0 ? postback.length() : query);
                Flow target = flows.flow(id);
                if (target != null) {
                    Map<String, Object> carried = query < 0 ? Map.of() : carried(id, postback.substring(query + 1));
                    if (carried.isEmpty()) {
                        startFlow(id);
                    } else {
                        if (flowId != null && !id.equals(flowId)) {
                            keepDraft(now);
                        }
                        startFlowAt(target, target.start(), carried);
                    }
                    return true;
                }
            }
            if (postback.startsWith("go:")) {
                String[] parts = postback.split(":", 3);
                Flow target = parts.length == 3 ? flows.flow(parts[1]) : null;
                if (target != null && target.step(parts[2]) != null) {
                    if (!parts[1].equals(flowId)) {
                        keepDraft(now);
                        startFlowAt(target, parts[2]);
                    } else {
                        enter(parts[2]);
                    }
                    return true;
                }
            }
            if (postback.startsWith("opt:") && flowId == null || postback.startsWith("opt:") && !postback.startsWith("opt:" + flowId + ":")) {
                // an option of a step we are not at: only options that open a flow still make sense
                String[] parts = postback.split(":", 4);
                Flow target = parts.length == 4 ? flows.flow(parts[1]) : null;
                if (target != null && target.step(parts[2]) instanceof Step.Ask ask) {
                    for (Step.Option option : ask.options()) {
                        if (option.value().equals(parts[3]) && option.to() != null && option.to().flow() != null) {
                            startFlow(option.to().flow());
                            return true;
                        }
                    }
                }
            }
            return false;
        }

        void back() {
            if (flowId == null || backStack.isEmpty()) {
                say(text("engine.back.none"));
                reprompt();
                return;
            }
            String previous = backStack.remove(backStack.size() - 1);
            returnTo = null;
            enter(previous);
        }

        void resume() {
            Flow flow = draft == null ? null : flows.flow(draft.flowId(), draft.flowVersion());
            if (flow == null || flow.step(draft.stepId()) == null) {
                draft = null;
                startFlow(FlowSet.MENU);
                return;
            }
            flowId = flow.id();
            flowVersion = flow.version();
            vars = new LinkedHashMap<>(draft.vars());
            backStack = new ArrayList<>();
            returnTo = null;
            invalidCount = 0;
            String at = draft.stepId();
            draft = null;
            enter(at);
        }

        void reprompt() {
            if (flowId != null && flow().step(stepId) instanceof Step.Ask ask) {
                prompt(ask);
            } else {
                startFlow(FlowSet.MENU);
            }
        }

        void invalid(Step.Ask ask, Input input) {
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
                String accepted = accepted(ask);
                say(new BotMessage(new Content.Text(Rendering.clip(accepted.isEmpty() ? said : said + "\n" + accepted,
                        PlatformLimits.MAX_TEXT)), List.of()));
            }
            prompt(ask);
        }

        /** "可以直接回复：满意 / 基本满意 / 不满意": the words a question takes, for its re-prompt. */
        String accepted(Step.Ask ask) {
            List<String> words = new ArrayList<>();
            switch (ask.kind()) {
                case CHOICE -> options(ask).stream().limit(PlatformLimits.MAX_CAROUSEL_CARDS).forEach(o -> words.add(optionLabel(o)));
                case CONFIRM -> {
                    words.add(label("engine.chip.yes"));
                    words.add(label("engine.chip.no"));
                }
                case FILE -> {
                    if (ask.optional()) {
                        words.add(label("engine.chip.skip"));
                    }
                }
                case TEXT, LOCATION -> {
                }
            }
            return words.isEmpty() ? "" : render("engine.accepted", Map.of("accepted", String.join(" / ", words)));
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

        void follow(Transition t) {
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

        // ---- answers ----

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

        String render(String key) {
            return rendering.render(key);
        }

        String render(String key, Map<String, Object> extra) {
            return rendering.render(key, extra);
        }

        String label(String key) {
            return rendering.label(key);
        }

        String optionLabel(Step.Option option) {
            return rendering.optionLabel(option);
        }

        boolean isKey(String text) {
            return rendering.isKey(text);
        }

        BotMessage text(String key) {
            return rendering.text(key);
        }

        BotMessage message(MessageSpec spec) {
            return rendering.message(spec);
        }

        String postback(Transition t) {
            return rendering.postback(t);
        }

        List<Step.Option> options(Step.Ask ask) {
            return rendering.options(ask);
        }

        String optionPrefix(Step.Ask ask) {
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

        /**
         * Values a {@code flow:} postback carries, kept only under the names some {@code with:} of the
         * flows gives the flow: a postback made up by hand sets nothing else.
         */
        Map<String, Object> carried(String flow, String query) {
            Set<String> allowed = flows.carriedInto(flow);
            Map<String, Object> values = new LinkedHashMap<>();
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    continue;
                }
                String name = decode(pair.substring(0, eq));
                String value = decode(pair.substring(eq + 1));
                if (name != null && value != null && !value.isEmpty() && value.length() <= Rendering.MAX_CARRIED && allowed.contains(name)) {
                    values.put(name, value);
                }
            }
            return values;
        }

    }

    static String decode(String s) {
        try {
            return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String normalize(String s) {
        return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    }
}
