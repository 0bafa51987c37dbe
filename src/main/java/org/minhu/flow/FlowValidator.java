package org.minhu.flow;

import org.minhu.outbound.PlatformLimits;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks a set of flows as a whole before any resident meets them: targets, reachability,
 * actions, variables, translations and the platform's limits. The first problem stops the load.
 */
final class FlowValidator {

    private FlowValidator() {
    }

    static FlowSet validate(List<Flow> flows, Messages messages, Map<String, Set<String>> actions, Set<String> builtins) {
        return validate(flows, messages, actions, builtins, List.of());
    }

    static FlowSet validate(List<Flow> flows, Messages messages, Map<String, Set<String>> actions, Set<String> builtins,
                            List<Required> required) {
        Map<String, Flow> byId = new LinkedHashMap<>();
        for (Flow flow : flows) {
            Flow previous = byId.put(flow.id(), flow);
            if (previous != null) {
                throw new FlowDefinitionException(flow.file(), 1, "flow id '" + flow.id() + "' is also used by " + previous.file());
            }
        }
        if (messages.languages().isEmpty() || !messages.languages().contains(Messages.DEFAULT_LANGUAGE)) {
            throw new FlowDefinitionException("messages/" + Messages.DEFAULT_LANGUAGE + ".yaml", 0, "the zh-CN message bundle is missing");
        }
        for (String needed : List.of(FlowSet.MENU, FlowSet.AGENT)) {
            if (!byId.containsKey(needed)) {
                throw new FlowDefinitionException(needed + ".yaml", 0, "the flow '" + needed + "' is required");
            }
        }
        for (String key : Engine.ENGINE_KEYS) {
            requireKey(messages, "messages/" + Messages.DEFAULT_LANGUAGE + ".yaml", 0, key);
        }
        for (Required r : required) {
            String problem = r.problem(byId);
            if (problem != null) {
                Flow flow = byId.get(r.flow());
                throw new FlowDefinitionException(flow == null ? r.flow() + ".yaml" : flow.file(), r.line(byId), problem);
            }
        }
        for (Flow flow : byId.values()) {
            new FlowCheck(flow, byId, messages, actions, builtins).run();
        }
        return new FlowSet(byId, messages, actions, builtins, required, null);
    }

    static void requireKey(Messages messages, String file, int line, String key) {
        for (String language : messages.languages()) {
            if (!messages.has(language, key)) {
                throw new FlowDefinitionException(file, line, "message '" + key + "' has no " + language + " translation");
            }
        }
    }

    private static final class FlowCheck {
        final Flow flow;
        final Map<String, Flow> flows;
        final Messages messages;
        final Map<String, Set<String>> actions;
        final Set<String> known = new HashSet<>();
        final Map<String, String> actionVars = new LinkedHashMap<>();

        FlowCheck(Flow flow, Map<String, Flow> flows, Messages messages, Map<String, Set<String>> actions, Set<String> builtins) {
            this.flow = flow;
            this.flows = flows;
            this.messages = messages.with(flow.texts());
            this.actions = actions;
            this.known.addAll(builtins);
        }

        FlowDefinitionException error(int line, String reason) {
            return new FlowDefinitionException(flow.file(), line, reason);
        }

        void run() {
            if (flow.step(flow.start()) == null) {
                throw error(1, "start step '" + flow.start() + "' does not exist");
            }
            // what other steps and chips start this flow with (with:) is known from its start
            for (Flow other : flows.values()) {
                for (Step step : other.steps().values()) {
                    for (Transition t : Flow.transitions(step)) {
                        if (t != null && flow.id().equals(t.flow())) {
                            known.addAll(t.with().keySet());
                        }
                    }
                }
            }
            for (Step step : flow.orderedSteps()) {
                if (step instanceof Step.Ask ask && ask.save() != null) {
                    known.add(root(ask.save()));
                }
                if (step instanceof Step.Ask ask) {
                    for (Step.Otherwise otherwise : java.util.Arrays.asList(ask.text(), ask.file())) {
                        if (otherwise != null) {
                            known.add(root(otherwise.save()));
                        }
                    }
                }
                if (step instanceof Step.Action action) {
                    if (!actions.containsKey(action.action())) {
                        throw error(action.line(), "unknown action '" + action.action() + "'; known: " + new java.util.TreeSet<>(actions.keySet()));
                    }
                    String save = action.save() != null ? action.save() : action.action();
                    known.add(save);
                    actionVars.put(save, action.action());
                }
            }
            for (Step step : flow.orderedSteps()) {
                check(step);
            }
            reachable();
        }

        void check(Step step) {
            if (step instanceof Step.Say say) {
                message(say.message(), false);
                target(say.line(), say.next());
            } else if (step instanceof Step.Ask ask) {
                ask(ask);
            } else if (step instanceof Step.Branch branch) {
                for (Step.Branch.Case c : branch.cases()) {
                    c.condition().paths().forEach(p -> variable(c.line(), p));
                    target(c.line(), c.to());
                }
                target(branch.line(), branch.otherwise());
            } else if (step instanceof Step.Action action) {
                action.on().values().forEach(t -> target(action.line(), t));
                target(action.line(), action.next());
            } else if (step instanceof Step.Goto go) {
                target(go.line(), go.to());
            }
        }

        void ask(Step.Ask ask) {
            message(ask.prompt(), ask.kind() == Step.AskKind.CHOICE);
            target(ask.line(), ask.next());
            if (ask.invalid() != null) {
                key(ask.line(), ask.invalid(), PlatformLimits.MAX_TEXT, "invalid text");
            }
            if (ask.min() != null && ask.max() != null && ask.min() > ask.max()) {
                throw error(ask.line(), "min is larger than max");
            }
            if (ask.pattern() != null) {
                try {
                    Pattern.compile(ask.pattern());
                } catch (PatternSyntaxException e) {
                    throw error(ask.line(), "pattern does not compile: " + e.getDescription());
                }
            }
            if (ask.optionsFrom() != null) {
                variable(ask.line(), ask.optionsFrom());
            }
            for (Step.Option option : ask.options()) {
                key(option.line(), option.label(), PlatformLimits.MAX_DISPLAY_TEXT, "option label");
                if (option.description() != null) {
                    key(option.line(), option.description(), PlatformLimits.MAX_DESCRIPTION, "option description");
                }
                if (option.to() != null) {
                    target(option.line(), option.to());
                }
                if (option.edit() != null && !(flow.step(option.edit()) instanceof Step.Ask)) {
                    throw error(option.line(), "edit must name an ask step of this flow, not '" + option.edit() + "'");
                }
            }
            Map<String, String> said = new LinkedHashMap<>();
            for (Step.Option option : ask.options()) {
                for (String word : option.synonyms()) {
                    String previous = said.put(Engine.normalize(word), option.value());
                    if (previous != null && !previous.equals(option.value())) {
                        throw error(option.line(), "synonym '" + word + "' also chooses option '" + previous
                                + "': a typed word may stand for one option only");
                    }
                }
            }
            for (Step.Otherwise otherwise : java.util.Arrays.asList(ask.text(), ask.file())) {
                if (otherwise != null) {
                    target(otherwise.line(), otherwise.to());
                    if (otherwise.min() != null && otherwise.min() < 0) {
                        throw error(otherwise.line(), "min may not be negative");
                    }
                }
            }
            int count = ask.options().size();
            if (ask.optionsFrom() == null) {
                switch (ask.display()) {
                    case CAROUSEL -> {
                        if (count < PlatformLimits.MIN_CAROUSEL_CARDS || count > PlatformLimits.MAX_CAROUSEL_CARDS) {
                            throw error(ask.line(), "a carousel shows 2–12 options, this one has " + count);
                        }
                    }
                    case CHIPS, CARD -> {
                        if (count > PlatformLimits.MAX_CHIPS - 2) {
                            throw error(ask.line(), "at most " + (PlatformLimits.MAX_CHIPS - 2)
                                    + " options fit beside the menu and agent chips, this one has " + count);
                        }
                    }
                }
            }
            if (ask.display() == Step.Display.CARD && !ask.prompt().isCard()) {
                throw error(ask.line(), "display: card needs a prompt with a title or description");
            }
        }

        void message(MessageSpec spec, boolean choice) {
            if (spec.text() != null) {
                key(spec.line(), spec.text(), PlatformLimits.MAX_TEXT, "text");
            }
            if (spec.title() != null) {
                key(spec.line(), spec.title(), PlatformLimits.MAX_TITLE, "card title");
            }
            if (spec.description() != null) {
                key(spec.line(), spec.description(), PlatformLimits.MAX_DESCRIPTION, "card description");
            }
            if (spec.media() != null) {
                variable(spec.line(), spec.media());
            }
            if (spec.chips().size() > PlatformLimits.MAX_CHIPS - 2) {
                throw error(spec.line(), "at most " + (PlatformLimits.MAX_CHIPS - 2) + " chips fit beside the menu and agent chips");
            }
            for (MessageSpec.ChipSpec chip : spec.chips()) {
                key(chip.line(), chip.label(), PlatformLimits.MAX_DISPLAY_TEXT, "chip label");
                if (chip.dial() != null) {
                    Messages.placeholders(chip.dial()).forEach(p -> variable(chip.line(), p));
                }
                if (chip.to() != null) {
                    target(chip.line(), chip.to());
                }
            }
        }

        /** A message key: translated in every language, its variables known, its fixed text within the limit. */
        void key(int line, String key, int max, String what) {
            requireKey(messages, flow.file(), line, key);
            if (flow.texts().values().stream().anyMatch(own -> own.containsKey(key))) {
                // a text the flow gives itself is given in every language, not half taken from the shared bundle
                for (String language : messages.languages()) {
                    if (!flow.texts().getOrDefault(language, Map.of()).containsKey(key)) {
                        throw error(line, "message '" + key + "' has no " + language + " translation");
                    }
                }
            }
            for (String language : messages.languages()) {
                String template = messages.template(language, key);
                if (Messages.fixedLength(template) > max) {
                    throw error(line, what + " '" + key + "' in " + language + " is longer than " + max + " characters");
                }
                Messages.placeholders(template).forEach(p -> variable(line, p));
            }
        }

        void variable(int line, String path) {
            String root = root(path);
            if (!known.contains(root)) {
                throw error(line, "unknown variable '" + path + "': nothing in this flow saves '" + root + "'");
            }
            String action = actionVars.get(root);
            if (action != null && path.contains(".")) {
                String field = path.split("\\.")[1];
                if (!actions.get(action).contains(field)) {
                    throw error(line, "action '" + action + "' gives no '" + field + "'; it gives " + actions.get(action));
                }
            }
        }

        void target(int line, Transition t) {
            if (t == null || t.end()) {
                return;
            }
            t.with().values().forEach(path -> variable(line, path));
            if (t.flow() != null && !flows.containsKey(t.flow())) {
                throw error(line, "unknown flow '" + t.flow() + "'");
            }
            if (t.step() != null && flow.step(t.step()) == null) {
                throw error(line, "unknown step '" + t.step() + "'");
            }
        }

        void reachable() {
            Set<String> seen = new HashSet<>();
            Deque<String> todo = new ArrayDeque<>(List.of(flow.start()));
            while (!todo.isEmpty()) {
                String id = todo.pop();
                if (!seen.add(id)) {
                    continue;
                }
                for (String next : successors(flow.step(id))) {
                    todo.push(next);
                }
            }
            for (Step step : flow.orderedSteps()) {
                if (!seen.contains(step.id())) {
                    throw error(step.line(), "step '" + step.id() + "' can never be reached from '" + flow.start() + "'");
                }
            }
        }

        List<String> successors(Step step) {
            List<Transition> out = Flow.transitions(step);
            List<String> steps = new ArrayList<>();
            if (step instanceof Step.Ask ask) {
                ask.options().forEach(o -> {
                    if (o.edit() != null) {
                        steps.add(o.edit());
                    }
                });
            }
            for (Transition t : out) {
                if (t != null && !t.end() && t.step() != null) {
                    steps.add(t.step());
                }
            }
            return steps;
        }

        static String root(String path) {
            int dot = path.indexOf('.');
            return dot < 0 ? path : path.substring(0, dot);
        }
    }
}
