package org.minhu.flow;

import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The conversation engine: {@code (flows, state, input) -> (new state, effects)}. Pure: no I/O,
 * no clock of its own, no framework. It runs say, branch and goto steps until it reaches a
 * question (and waits for the answer), an action (and waits for its result) or the end. Each
 * step is one {@link Turn}; the engine holds what lasts between steps: the flows and the settings.
 */
public final class Engine {

    /** Texts the engine itself says; every bundle must have them. */
    public static final Set<String> ENGINE_KEYS = Set.of("engine.invalid", "engine.stuck", "engine.cancelled",
            "engine.expired", "engine.resume.offer", "engine.back.none", "engine.language.changed", "engine.unsupported",
            "engine.location.hint", "engine.file.failed", "engine.chip.menu", "engine.chip.agent", "engine.chip.resume",
            "engine.chip.discard", "engine.chip.skip", "engine.chip.yes", "engine.chip.no", "engine.chip.location",
            "engine.chip.select", "engine.accepted", "engine.voice");

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
        return new Turn(flows, settings, state, context, now).run(input);
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
        Turn turn = new Turn(flows, settings, state, context, now);
        turn.keepDraft(now);
        turn.startFlowAt(flow, stepId, values);
        return turn.finish();
    }

    /** A typed word as commands and answers compare it: NFKC (full-width digits and letters), trimmed, lower case. */
    static String normalize(String s) {
        return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    }
}
