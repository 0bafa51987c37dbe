package org.minhu.flow;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.minhu.flow.Engine.normalize;

/**
 * What a resident may do from any step besides answering the question: the global commands (菜单,
 * 取消, 返回, 人工, 继续 or 不用了 for a draft, English / 中文), typed or tapped, and chips that name
 * where they go (a flow, a step, an option of an older message). Apart from the turn's core loop,
 * which reads answers and walks the flow, because these move the conversation elsewhere by the
 * resident's say-so; they move it through the same {@link Turn}.
 */
final class Navigation {

    private enum Command { MENU, CANCEL, BACK, AGENT, RESUME, DISCARD, ENGLISH, CHINESE }

    private final Turn turn;
    private final FlowSet flows;

    Navigation(Turn turn, FlowSet flows) {
        this.turn = turn;
        this.flows = flows;
    }

    /** Carries out the input if it is a command or a chip that names where it goes; false if it is neither. */
    boolean handled(Input input) {
        Command command = command(input);
        if (command != null) {
            run(command);
            return true;
        }
        return input instanceof Input.Choice choice && jump(choice.postback());
    }

    private Command command(Input input) {
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
            case "继续", "resume" -> turn.draft != null ? Command.RESUME : null;
            case "english", "en" -> Command.ENGLISH;
            case "中文", "chinese" -> Command.CHINESE;
            default -> null;
        };
    }

    private void run(Command command) {
        switch (command) {
            case MENU -> turn.startFlow(FlowSet.MENU);
            case AGENT -> turn.startFlow(FlowSet.AGENT);
            case CANCEL -> {
                if (turn.flowId != null && !FlowSet.MENU.equals(turn.flowId)) {
                    turn.say(turn.text("engine.cancelled"));
                    if (turn.flow().resumable()) {
                        turn.draft = null;
                    }
                }
                turn.idle();
                turn.startFlow(FlowSet.MENU);
            }
            case BACK -> back();
            case RESUME -> resume();
            case DISCARD -> {
                turn.draft = null;
                turn.startFlow(FlowSet.MENU);
            }
            case ENGLISH, CHINESE -> {
                turn.language = command == Command.ENGLISH ? "en" : Messages.DEFAULT_LANGUAGE;
                turn.say(turn.text("engine.language.changed"));
                reprompt();
            }
        }
    }

    /** A chip that names where it goes (a flow, or a step) works from any old message. */
    private boolean jump(String postback) {
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
                    turn.startFlow(id);
                } else {
                    if (turn.flowId != null && !id.equals(turn.flowId)) {
                        turn.keepDraft(turn.now);
                    }
                    turn.startFlowAt(target, target.start(), carried);
                }
                return true;
            }
        }
        if (postback.startsWith("go:")) {
            String[] parts = postback.split(":", 3);
            Flow target = parts.length == 3 ? flows.flow(parts[1]) : null;
            if (target != null && target.step(parts[2]) != null) {
                if (!parts[1].equals(turn.flowId)) {
                    turn.keepDraft(turn.now);
                    turn.startFlowAt(target, parts[2]);
                } else {
                    turn.enter(parts[2]);
                }
                return true;
            }
        }
        if (postback.startsWith("opt:") && turn.flowId == null
                || postback.startsWith("opt:") && !postback.startsWith("opt:" + turn.flowId + ":")) {
            // an option of a step we are not at: only options that open a flow still make sense
            String[] parts = postback.split(":", 4);
            Flow target = parts.length == 4 ? flows.flow(parts[1]) : null;
            if (target != null && target.step(parts[2]) instanceof Step.Ask ask) {
                for (Step.Option option : ask.options()) {
                    if (option.value().equals(parts[3]) && option.to() != null && option.to().flow() != null) {
                        turn.startFlow(option.to().flow());
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private void back() {
        if (turn.flowId == null || turn.backStack.isEmpty()) {
            turn.say(turn.text("engine.back.none"));
            reprompt();
            return;
        }
        String previous = turn.backStack.remove(turn.backStack.size() - 1);
        turn.returnTo = null;
        turn.enter(previous);
    }

    /** Takes up the draft where it was left, with its values and an empty way back; the menu when it is gone. */
    private void resume() {
        ConversationState.Draft draft = turn.draft;
        turn.draft = null;
        Flow flow = draft == null ? null : flows.flow(draft.flowId(), draft.flowVersion());
        if (flow == null || flow.step(draft.stepId()) == null) {
            turn.startFlow(FlowSet.MENU);
            return;
        }
        turn.startFlowAt(flow, draft.stepId(), draft.vars());
    }

    private void reprompt() {
        if (turn.flowId != null && turn.flow().step(turn.stepId) instanceof Step.Ask ask) {
            turn.prompt(ask);
        } else {
            turn.startFlow(FlowSet.MENU);
        }
    }

    /**
     * Values a {@code flow:} postback carries, kept only under the names some {@code with:} of the
     * flows gives the flow: a postback made up by hand sets nothing else.
     */
    private Map<String, Object> carried(String flow, String query) {
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

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
