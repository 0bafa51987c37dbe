package org.minhu.flow;

import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The real {@code conversation-flows/}, loaded as the service loads them: with the names and
 * outputs its actions declare, read from their source so that this stays in step with them
 * without starting the application.
 */
final class RealFlows {

    static final Path FOLDER = Path.of("conversation-flows");
    /** Where {@code ConversationAction}s live: the conversation's own, and the subscriptions'. */
    static final List<Path> ACTION_SOURCES = List.of(
            Path.of("src/main/java/org/minhu/conversation/actions"),
            Path.of("src/main/java/org/minhu/conversation/subscription"));
    /** As {@code FlowRegistry.BUILTINS}: the values the service puts in every turn's context. */
    static final Set<String> BUILTINS = Set.of("categories");

    private static final Pattern NAME = Pattern.compile("String\\s+name\\(\\)\\s*\\{\\s*return\\s+\"([^\"]+)\"\\s*;");
    private static final Pattern OUTPUTS = Pattern.compile("Set<String>\\s+outputs\\(\\)\\s*\\{\\s*return\\s+Set\\.of\\(([^)]*)\\)\\s*;");

    private static FlowSet loaded;

    private RealFlows() {
    }

    static synchronized FlowSet flows() {
        if (loaded == null) {
            loaded = FlowLoader.load(FOLDER, actions(), BUILTINS, org.minhu.conversation.FlowRegistry.REQUIRED);
        }
        return loaded;
    }

    static Flow flow(String id) {
        return flows().flow(id);
    }

    static Engine engine() {
        return new Engine(flows(), Engine.Settings.DEFAULT);
    }

    /** Every {@code ConversationAction}'s name and outputs, as declared in its class. */
    static Map<String, Set<String>> actions() {
        Map<String, Set<String>> actions = new LinkedHashMap<>();
        for (Path folder : ACTION_SOURCES) {
            actionsIn(folder, actions);
        }
        return actions;
    }

    private static void actionsIn(Path folder, Map<String, Set<String>> actions) {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String[] classes = Files.readString(file).split("implements\\s+ConversationAction");
                for (String body : Arrays.asList(classes).subList(1, classes.length)) {
                    Matcher name = NAME.matcher(body);
                    Matcher outputs = OUTPUTS.matcher(body);
                    if (!name.find() || !outputs.find()) {
                        throw new IllegalStateException(file + ": an action whose name() or outputs() this test cannot read");
                    }
                    Set<String> fields = new LinkedHashSet<>();
                    for (String quoted : outputs.group(1).split(",")) {
                        fields.add(quoted.strip().replace("\"", ""));
                    }
                    actions.put(name.group(1), fields);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The context the service gives each turn: the real categories, in the resident's language. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> context(String language) {
        Map<String, Object> reference;
        try {
            reference = new Yaml().load(Files.readString(Path.of("src/main/resources/reference/categories.yaml")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Map<String, Object>> categories = new ArrayList<>();
        for (Map<String, Object> c : (List<Map<String, Object>>) reference.get("categories")) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("value", c.get("code"));
            item.put("label", ((Map<String, Object>) c.get("name")).get(language));
            item.put("description", ((Map<String, Object>) c.get("description")).get(language));
            List<Object> synonyms = new ArrayList<>((List<Object>) c.get("keywords"));
            synonyms.add(c.get("code"));
            synonyms.addAll(((Map<String, Object>) c.get("name")).values());
            item.put("synonyms", synonyms);
            categories.add(item);
        }
        return Map.of("categories", categories);
    }
}
