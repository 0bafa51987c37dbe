package org.minhu.flow;

import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.minhu.flow.YamlNodes.bool;
import static org.minhu.flow.YamlNodes.compose;
import static org.minhu.flow.YamlNodes.flatten;
import static org.minhu.flow.YamlNodes.integer;
import static org.minhu.flow.YamlNodes.line;
import static org.minhu.flow.YamlNodes.mapping;
import static org.minhu.flow.YamlNodes.optional;
import static org.minhu.flow.YamlNodes.required;
import static org.minhu.flow.YamlNodes.scalar;
import static org.minhu.flow.YamlNodes.unknownKeys;

/**
 * Reads {@code conversation-flows/}: one YAML file per flow, and {@code messages/<language>.yaml}.
 * It builds the definitions ({@link Flow}, {@link Step}, {@link MessageSpec}, {@link Transition}) from
 * nodes read by {@link YamlNodes}, so every mistake is reported with its file and line;
 * {@link FlowValidator} then checks the whole set.
 */
public final class FlowLoader {

    private static final Set<String> FLOW_KEYS = Set.of("id", "version", "title", "start", "resumable", "steps",
            "messages");
    private static final Set<String> STEP_KEYS = Set.of("id", "say", "ask", "prompt", "options", "display", "save",
            "min", "max", "pattern", "invalid", "optional", "branch", "action", "on", "goto", "flow", "end", "next", "with",
            "text", "file");
    private static final Set<String> MESSAGE_KEYS = Set.of("text", "title", "description", "media", "chips");
    private static final Set<String> OPTION_KEYS = Set.of("value", "label", "description", "goto", "flow", "end", "edit",
            "synonyms", "means", "with");
    private static final Set<String> CHIP_KEYS = Set.of("label", "dial", "url", "goto", "flow", "end", "next", "with");
    private static final Set<String> OTHERWISE_KEYS = Set.of("save", "goto", "min");
    private static final Set<String> CASE_KEYS = Set.of("if", "else", "goto", "flow", "end", "next");

    private FlowLoader() {
    }

    /**
     * Checks flows together as a load does: the shipped bundles, the actions and what Java relies on.
     * For a version edited in the console, checked with the others before it is saved.
     */
    public static FlowSet validate(List<Flow> flows, Messages messages, Map<String, Set<String>> actions,
                                   Set<String> builtins, List<Required> required) {
        return FlowValidator.validate(flows, messages, actions, builtins, required);
    }

    /** The message bundles of a folder of flows, by language. */
    public static Map<String, Map<String, String>> bundles(Path folder) {
        Map<String, Map<String, String>> bundles = new LinkedHashMap<>();
        Path messages = folder.resolve("messages");
        try (Stream<Path> files = Files.isDirectory(messages) ? Files.list(messages) : Stream.empty()) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                String language = file.getFileName().toString().replaceFirst("\\.yaml$", "");
                bundles.put(language, parseBundle(folder.relativize(file).toString(), Files.readString(file, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new FlowDefinitionException(messages.toString(), 0, "cannot read the messages: " + e.getMessage());
        }
        return bundles;
    }

    /** Loads and validates a folder of flows; the first problem found stops the load. */
    public static FlowSet load(Path folder, Map<String, Set<String>> actions, Set<String> builtins) {
        return load(folder, actions, builtins, List.of());
    }

    /** As {@link #load(Path, Map, Set)}, also checking what the Java side relies on. */
    public static FlowSet load(Path folder, Map<String, Set<String>> actions, Set<String> builtins, List<Required> required) {
        List<Flow> flows = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted().toList()) {
                flows.add(parseFlow(folder.relativize(file).toString(), Files.readString(file, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new FlowDefinitionException(folder.toString(), 0, "cannot read the folder: " + e.getMessage());
        }
        return FlowValidator.validate(flows, new Messages(bundles(folder)), actions, builtins, required);
    }

    private static Map<String, String> parseBundle(String file, String text) {
        Map<String, String> bundle = new LinkedHashMap<>();
        flatten(file, "", mapping(file, compose(file, text), "the bundle"), bundle);
        return bundle;
    }

    public static Flow parseFlow(String file, String text) {
        Node rootNode = compose(file, text);
        Map<String, Node> root = mapping(file, rootNode, "a flow");
        unknownKeys(file, root, FLOW_KEYS, "flow");
        String id = required(file, root, rootNode, "id");
        int version = integer(file, required(root, rootNode, file, "version"), "version");
        String start = required(file, root, rootNode, "start");
        String title = root.containsKey("title") ? scalar(file, root.get("title"), "title") : id;
        boolean resumable = root.containsKey("resumable") && bool(file, root.get("resumable"), "resumable");
        Node stepsNode = required(root, rootNode, file, "steps");
        if (!(stepsNode instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            throw new FlowDefinitionException(file, line(stepsNode), "steps must be a non-empty list");
        }
        List<Node> stepNodes = seq.getValue();
        List<String> ids = new ArrayList<>();
        for (Node n : stepNodes) {
            Map<String, Node> m = mapping(file, n, "a step");
            ids.add(required(file, m, n, "id"));
        }
        Map<String, Step> steps = new LinkedHashMap<>();
        for (int i = 0; i < stepNodes.size(); i++) {
            Transition following = i + 1 < ids.size() ? Transition.toStep(ids.get(i + 1)) : Transition.END;
            Step step = parseStep(file, stepNodes.get(i), following);
            if (steps.put(step.id(), step) != null) {
                throw new FlowDefinitionException(file, step.line(), "step id '" + step.id() + "' is used twice");
            }
        }
        if (!steps.containsKey(start)) {
            throw new FlowDefinitionException(file, line(root.get("start")), "start step '" + start + "' does not exist");
        }
        Map<String, Map<String, String>> texts = new LinkedHashMap<>();
        if (root.containsKey("messages")) {
            // a version saved in the console carries its own texts: language, then keys as in a bundle
            mapping(file, root.get("messages"), "messages").forEach((language, bundle) -> {
                Map<String, String> flat = new LinkedHashMap<>();
                flatten(file, "", mapping(file, bundle, "messages." + language), flat);
                texts.put(language, flat);
            });
        }
        return new Flow(id, version, title, start, resumable, steps, file, texts);
    }

    private static Step parseStep(String file, Node node, Transition following) {
        Map<String, Node> m = mapping(file, node, "a step");
        unknownKeys(file, m, STEP_KEYS, "step");
        String id = scalar(file, m.get("id"), "id");
        int line = line(node);
        Transition next = transition(file, m, following);
        if (m.containsKey("ask")) {
            return ask(file, id, line, m, next);
        }
        if (m.containsKey("branch")) {
            return branch(file, id, line, m);
        }
        if (m.containsKey("action")) {
            Map<String, Transition> on = new LinkedHashMap<>();
            if (m.containsKey("on")) {
                mapping(file, m.get("on"), "on").forEach((outcome, target) ->
                        on.put(outcome, target(file, target)));
            }
            String action = scalar(file, m.get("action"), "action");
            String save = m.containsKey("save") ? scalar(file, m.get("save"), "save") : null;
            return new Step.Action(id, line, action, save, on, next);
        }
        if (m.containsKey("say")) {
            MessageSpec message = message(file, m.get("say"));
            return new Step.Say(id, line, message, next);
        }
        if (m.containsKey("end")) {
            return new Step.End(id, line, null);
        }
        if (m.containsKey("goto") || m.containsKey("flow")) {
            return new Step.Goto(id, line, next);
        }
        throw new FlowDefinitionException(file, line, "step '" + id + "' needs one of say, ask, branch, action, goto, flow, end");
    }

    private static Step.Ask ask(String file, String id, int line, Map<String, Node> m, Transition next) {
        String kindText = scalar(file, m.get("ask"), "ask");
        Step.AskKind kind;
        try {
            kind = Step.AskKind.valueOf(kindText.toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new FlowDefinitionException(file, line(m.get("ask")),
                    "ask must be one of text, choice, location, file, confirm; was '" + kindText + "'");
        }
        MessageSpec prompt = m.containsKey("prompt") ? message(file, m.get("prompt")) : null;
        if (prompt == null) {
            throw new FlowDefinitionException(file, line, "ask step '" + id + "' needs a prompt");
        }
        List<Step.Option> options = new ArrayList<>();
        String from = null;
        Node optionsNode = m.get("options");
        if (optionsNode instanceof SequenceNode seq) {
            for (Node o : seq.getValue()) {
                Map<String, Node> om = mapping(file, o, "an option");
                unknownKeys(file, om, OPTION_KEYS, "option");
                Transition to = om.containsKey("goto") || om.containsKey("flow") || om.containsKey("end")
                        ? transition(file, om, null) : null;
                String means = om.containsKey("means") ? scalar(file, om.get("means"), "means") : null;
                if (means != null && !means.equals("yes") && !means.equals("no")) {
                    throw new FlowDefinitionException(file, line(om.get("means")), "means must be yes or no, was '" + means + "'");
                }
                options.add(new Step.Option(required(file, om, o, "value"), required(file, om, o, "label"),
                        om.containsKey("description") ? scalar(file, om.get("description"), "description") : null,
                        to, om.containsKey("edit") ? scalar(file, om.get("edit"), "edit") : null, line(o),
                        om.containsKey("synonyms") ? words(file, om.get("synonyms"), "synonyms") : List.of(), means));
            }
        } else if (optionsNode != null) {
            Map<String, Node> om = mapping(file, optionsNode, "options");
            unknownKeys(file, om, Set.of("from"), "options");
            from = required(file, om, optionsNode, "from");
        }
        if (kind == Step.AskKind.CHOICE && options.isEmpty() && from == null) {
            throw new FlowDefinitionException(file, line, "choice step '" + id + "' needs options");
        }
        if (kind != Step.AskKind.CHOICE && optionsNode != null) {
            throw new FlowDefinitionException(file, line(optionsNode), "only a choice has options");
        }
        Step.Display display = Step.Display.CHIPS;
        if (m.containsKey("display")) {
            String d = scalar(file, m.get("display"), "display");
            try {
                display = Step.Display.valueOf(d.toUpperCase());
            } catch (IllegalArgumentException e) {
                throw new FlowDefinitionException(file, line(m.get("display")), "display must be chips, carousel or card");
            }
        }
        Integer min = m.containsKey("min") ? integer(file, m.get("min"), "min") : null;
        Integer max = m.containsKey("max") ? integer(file, m.get("max"), "max") : null;
        String pattern = m.containsKey("pattern") ? scalar(file, m.get("pattern"), "pattern") : null;
        String invalid = m.containsKey("invalid") ? scalar(file, m.get("invalid"), "invalid") : null;
        boolean optional = m.containsKey("optional") && bool(file, m.get("optional"), "optional");
        String save = m.containsKey("save") ? scalar(file, m.get("save"), "save") : null;
        Step.Otherwise text = otherwise(file, m, "text");
        Step.Otherwise sent = otherwise(file, m, "file");
        if (kind != Step.AskKind.CHOICE && (text != null || sent != null)) {
            throw new FlowDefinitionException(file, line, "only a choice takes text: or file: (other kinds take text or a file themselves)");
        }
        return new Step.Ask(id, line, kind, prompt, options, from, display, save, min, max, pattern, invalid, optional, next,
                text, sent);
    }

    /** {@code text: {save: description, goto: guess, min: 5}}: what a choice does with another kind of answer. */
    private static Step.Otherwise otherwise(String file, Map<String, Node> m, String key) {
        if (!m.containsKey(key)) {
            return null;
        }
        Node node = m.get(key);
        Map<String, Node> om = mapping(file, node, key);
        unknownKeys(file, om, OTHERWISE_KEYS, key);
        return new Step.Otherwise(required(file, om, node, "save"), Transition.toStep(required(file, om, node, "goto")),
                om.containsKey("min") ? integer(file, om.get("min"), "min") : null, line(node));
    }

    private static List<String> words(String file, Node node, String what) {
        if (!(node instanceof SequenceNode seq)) {
            throw new FlowDefinitionException(file, line(node), what + " must be a list, e.g. [投诉, 报修]");
        }
        List<String> words = new ArrayList<>();
        for (Node n : seq.getValue()) {
            String word = scalar(file, n, what);
            if (word.isBlank()) {
                throw new FlowDefinitionException(file, line(n), what + " may not be blank");
            }
            words.add(word.strip());
        }
        return words;
    }

    private static Step.Branch branch(String file, String id, int line, Map<String, Node> m) {
        Node node = m.get("branch");
        if (!(node instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            throw new FlowDefinitionException(file, line(node), "branch must be a list of 'if' cases and an 'else'");
        }
        List<Step.Branch.Case> cases = new ArrayList<>();
        Transition otherwise = null;
        for (Node c : seq.getValue()) {
            Map<String, Node> cm = mapping(file, c, "a branch case");
            unknownKeys(file, cm, CASE_KEYS, "branch case");
            if (cm.containsKey("else")) {
                otherwise = target(file, cm.get("else"));
                continue;
            }
            String condition = required(file, cm, c, "if");
            Condition parsed;
            try {
                parsed = Condition.parse(condition);
            } catch (IllegalArgumentException e) {
                throw new FlowDefinitionException(file, line(cm.get("if")), e.getMessage());
            }
            Transition to = transition(file, cm, null);
            if (to == null) {
                throw new FlowDefinitionException(file, line(c), "a branch case needs goto, flow or end");
            }
            cases.add(new Step.Branch.Case(parsed, to, line(c)));
        }
        if (otherwise == null) {
            throw new FlowDefinitionException(file, line(node), "branch '" + id + "' needs an 'else'");
        }
        return new Step.Branch(id, line, cases, otherwise);
    }

    private static MessageSpec message(String file, Node node) {
        if (node instanceof ScalarNode s) {
            return new MessageSpec(s.getValue(), null, null, null, List.of(), line(node));
        }
        Map<String, Node> m = mapping(file, node, "a message");
        unknownKeys(file, m, MESSAGE_KEYS, "message");
        List<MessageSpec.ChipSpec> chips = new ArrayList<>();
        if (m.containsKey("chips")) {
            if (!(m.get("chips") instanceof SequenceNode seq)) {
                throw new FlowDefinitionException(file, line(m.get("chips")), "chips must be a list");
            }
            for (Node c : seq.getValue()) {
                Map<String, Node> cm = mapping(file, c, "a chip");
                unknownKeys(file, cm, CHIP_KEYS, "chip");
                String dial = cm.containsKey("dial") ? scalar(file, cm.get("dial"), "dial") : null;
                String url = cm.containsKey("url") ? scalar(file, cm.get("url"), "url") : null;
                Transition to = dial == null && url == null ? transition(file, cm, null) : null;
                if (dial == null && url == null && to == null) {
                    throw new FlowDefinitionException(file, line(c), "a chip needs goto, flow, end, dial or url");
                }
                chips.add(new MessageSpec.ChipSpec(required(file, cm, c, "label"), to, dial, url, line(c)));
            }
        }
        MessageSpec spec = new MessageSpec(optional(file, m, "text", null), optional(file, m, "title", null),
                optional(file, m, "description", null), optional(file, m, "media", null), chips, line(node));
        if ((spec.text() != null) == spec.isCard()) {
            throw new FlowDefinitionException(file, line(node), "a message is either a text or a card (title/description/media)");
        }
        return spec;
    }

    private static Transition transition(String file, Map<String, Node> m, Transition fallback) {
        if (m.containsKey("with") && !m.containsKey("flow")) {
            throw new FlowDefinitionException(file, line(m.get("with")), "with: goes with flow: (the values the new flow starts with)");
        }
        if (m.containsKey("goto")) {
            return Transition.toStep(scalar(file, m.get("goto"), "goto"));
        }
        if (m.containsKey("flow")) {
            Map<String, String> with = new LinkedHashMap<>();
            if (m.containsKey("with")) {
                mapping(file, m.get("with"), "with").forEach((name, path) -> with.put(name, scalar(file, path, "with")));
            }
            return Transition.toFlow(scalar(file, m.get("flow"), "flow")).carrying(with);
        }
        if (m.containsKey("end") && bool(file, m.get("end"), "end")) {
            return Transition.END;
        }
        if (m.containsKey("next")) {
            return target(file, m.get("next"));
        }
        return fallback;
    }

    /** A bare target: a step id, {@code end}, or {@code flow:<id>}. */
    private static Transition target(String file, Node node) {
        String value = scalar(file, node, "target");
        if (value.equals("end")) {
            return Transition.END;
        }
        if (value.startsWith("flow:")) {
            return Transition.toFlow(value.substring(5));
        }
        return Transition.toStep(value);
    }

}
