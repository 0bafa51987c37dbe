package org.minhu.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The real {@code conversation-flows/} load with the service's real actions, every flow can be
 * reached, a broken copy is refused with its file and line, and the editor's JSON Schema knows
 * the same fields as the loader. Plain JUnit, not a {@code @QuarkusTest}: loading is pure Java.
 */
class RealFlowsTest {

    private static final String SCHEMA_LINE = "# yaml-language-server: $schema=flow.schema.json";

    @TempDir
    Path dir;

    @Test
    void theActionsAreReadFromTheirClasses() {
        assertThat(RealFlows.actions()).containsKeys("create-case", "find-nearby-cases", "follow-case", "list-my-cases",
                "list-rateable-cases", "show-case", "rate-case", "search-knowledge", "hand-off");
        assertThat(RealFlows.actions().get("create-case")).contains("outcome", "number", "unit", "due");
    }

    @Test
    void theRealFlowsLoad() {
        assertThat(RealFlows.flows().flows()).containsOnlyKeys(
                "menu", "file-request", "my-requests", "rate", "ask-question", "talk-to-person", "subscriptions");
        assertThat(RealFlows.flows().messages().languages()).containsExactlyInAnyOrder("zh-CN", "en");
        assertThat(RealFlows.flow("file-request").resumable()).isTrue();
    }

    @Test
    void everyFlowCanBeReachedFromTheMenuOrAGlobalCommand() {
        Set<String> reached = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(FlowSet.MENU, FlowSet.AGENT));
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (reached.add(id)) {
                todo.addAll(flowsLedTo(RealFlows.flows().flow(id)));
            }
        }
        assertThat(reached).containsExactlyInAnyOrderElementsOf(RealFlows.flows().flows().keySet());
    }

    private static Set<String> flowsLedTo(Flow flow) {
        Set<String> targets = new TreeSet<>();
        for (Step step : flow.steps().values()) {
            Stream<Transition> out = Stream.empty();
            if (step instanceof Step.Say say) {
                out = Stream.concat(Stream.of(say.next()), say.message().chips().stream().map(MessageSpec.ChipSpec::to));
            } else if (step instanceof Step.Ask ask) {
                out = Stream.of(Stream.of(ask.next()), ask.options().stream().map(Step.Option::to),
                        ask.prompt().chips().stream().map(MessageSpec.ChipSpec::to)).flatMap(s -> s);
            } else if (step instanceof Step.Branch branch) {
                out = Stream.concat(Stream.of(branch.otherwise()), branch.cases().stream().map(Step.Branch.Case::to));
            } else if (step instanceof Step.Action action) {
                out = Stream.concat(Stream.of(action.next()), action.on().values().stream());
            } else if (step instanceof Step.Goto go) {
                out = Stream.of(go.to());
            }
            out.filter(t -> t != null && t.flow() != null).forEach(t -> targets.add(t.flow()));
        }
        return targets;
    }

    @Test
    void everyFlowFileNamesTheSchemaForEditors() throws IOException {
        try (Stream<Path> files = Files.list(RealFlows.FOLDER)) {
            List<Path> flows = files.filter(p -> p.toString().endsWith(".yaml")).toList();
            assertThat(flows).hasSize(RealFlows.flows().flows().size());
            for (Path file : flows) {
                assertThat(Files.readAllLines(file).get(0)).as(file.toString()).isEqualTo(SCHEMA_LINE);
            }
        }
    }

    @Test
    void aCopyWithOneBrokenTargetIsRefusedNamingThatFileAndLine() throws IOException {
        Path copy = TestFlows.copy(RealFlows.FOLDER, dir.resolve("flows"));
        Path file = copy.resolve("file-request.yaml");
        String text = Files.readString(file);
        assertThat(text).contains("      - else: summary");
        Files.writeString(file, text.replace("      - else: summary", "      - else: sumary"));

        FlowDefinitionException e = catchThrowableOfType(FlowDefinitionException.class,
                () -> FlowLoader.load(copy, RealFlows.actions(), RealFlows.BUILTINS));

        assertThat(e.getMessage()).isEqualTo("file-request.yaml:" + lineOf(text, "  - id: nearby-check") + ": unknown step 'sumary'");
    }

    @Test
    void renamingAStepTheServiceReliesOnIsRefusedAtLoadNamingTheStepAndWhy() throws IOException {
        Path copy = TestFlows.copy(RealFlows.FOLDER, dir.resolve("flows"));
        Path file = copy.resolve("rate.yaml");
        String text = Files.readString(file);
        assertThat(text).contains("  - id: reason\n").contains("goto: reason }");
        // a consistent rename: the flow on its own is fine, but a 不满意 tapped on a resolution card jumps to 'reason'
        Files.writeString(file, text.replace("  - id: reason\n", "  - id: why\n").replace("goto: reason }", "goto: why }"));
        assertThat(FlowLoader.load(copy, RealFlows.actions(), RealFlows.BUILTINS).flow("rate").step("why")).isNotNull();

        FlowDefinitionException e = catchThrowableOfType(FlowDefinitionException.class,
                () -> FlowLoader.load(copy, RealFlows.actions(), RealFlows.BUILTINS, org.minhu.conversation.FlowRegistry.REQUIRED));

        assertThat(e.file()).isEqualTo("rate.yaml");
        assertThat(e.reason()).startsWith("step 'reason' is required, a question saving 'reason'")
                .contains("resolution card");
    }

    @Test
    void theMenuMustKeepItsOptionsWrittenOutForTheFixedMenu() throws IOException {
        Path copy = TestFlows.copy(RealFlows.FOLDER, dir.resolve("flows"));
        Path file = copy.resolve("menu.yaml");
        String text = Files.readString(file);
        assertThat(text).contains("start: menu\n").contains("  - id: menu\n");
        Files.writeString(file, text.replace("start: menu\n", "start: main\n").replace("  - id: menu\n", "  - id: main\n"));

        FlowDefinitionException e = catchThrowableOfType(FlowDefinitionException.class,
                () -> FlowLoader.load(copy, RealFlows.actions(), RealFlows.BUILTINS, org.minhu.conversation.FlowRegistry.REQUIRED));

        assertThat(e.getMessage()).startsWith("menu.yaml:1: step 'menu' is required as the first step")
                .contains("fixed menu");
    }

    @Test
    void aCopyReadingAnOutputNoActionGivesIsRefusedNamingThatFileAndLine() throws IOException {
        Path copy = TestFlows.copy(RealFlows.FOLDER, dir.resolve("flows"));
        Path file = copy.resolve("rate.yaml");
        String text = Files.readString(file);
        String line = "      - if: \"rated.outcome == 'rated'\"";
        assertThat(text).contains(line);
        Files.writeString(file, text.replace(line, "      - if: \"rated.score > 3\""));

        FlowDefinitionException e = catchThrowableOfType(FlowDefinitionException.class,
                () -> FlowLoader.load(copy, RealFlows.actions(), RealFlows.BUILTINS));

        assertThat(e.file()).isEqualTo("rate.yaml");
        assertThat(e.line()).isEqualTo(lineOf(text, line));
        assertThat(e.reason()).startsWith("action 'rate-case' gives no 'score'");
    }

    @Test
    void aCopyMissingAnEnglishMessageIsRefused() throws IOException {
        Path copy = TestFlows.copy(RealFlows.FOLDER, dir.resolve("flows"));
        Path en = copy.resolve("messages/en.yaml");
        String text = Files.readString(en);
        assertThat(text).contains("    new: File a new one\n");
        Files.writeString(en, text.replace("    new: File a new one\n", ""));

        FlowDefinitionException e = catchThrowableOfType(FlowDefinitionException.class,
                () -> FlowLoader.load(copy, RealFlows.actions(), RealFlows.BUILTINS));

        String flow = Files.readString(copy.resolve("file-request.yaml"));
        assertThat(e.getMessage()).isEqualTo("file-request.yaml:" + lineOf(flow, "label: file.nearby.new")
                + ": message 'file.nearby.new' has no en translation");
    }

    private static int lineOf(String text, String fragment) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(fragment)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line with " + fragment);
    }

    @Test
    void theSchemaKnowsTheFieldsAndKindsTheLoaderKnows() throws Exception {
        JsonNode schema = new ObjectMapper().readTree(RealFlows.FOLDER.resolve("flow.schema.json").toFile());
        JsonNode defs = schema.get("$defs");

        assertThat(names(schema.get("properties"))).isEqualTo(loaderKeys("FLOW_KEYS"));
        assertThat(names(defs.at("/step/properties"))).isEqualTo(loaderKeys("STEP_KEYS"));
        assertThat(names(defs.at("/option/properties"))).isEqualTo(loaderKeys("OPTION_KEYS"));
        assertThat(union(defs.at("/message/oneOf/1/properties"), defs.at("/card/properties"))).isEqualTo(loaderKeys("MESSAGE_KEYS"));
        assertThat(names(defs.at("/chip/properties"))).isEqualTo(loaderKeys("CHIP_KEYS"));
        assertThat(union(defs.at("/case/oneOf/0/properties"), defs.at("/case/oneOf/1/properties"))).isEqualTo(loaderKeys("CASE_KEYS"));
        assertThat(values(defs.at("/step/properties/ask/anyOf/0/enum"))).isEqualTo(lowerCase(Step.AskKind.values()));
        assertThat(values(defs.at("/step/properties/display/anyOf/0/enum"))).isEqualTo(lowerCase(Step.Display.values()));
    }

    private static Set<String> names(JsonNode node) {
        assertThat(node.isObject()).as("schema node").isTrue();
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> union(JsonNode a, JsonNode b) {
        Set<String> names = names(a);
        names.addAll(names(b));
        return names;
    }

    private static Set<String> values(JsonNode array) {
        Set<String> values = new TreeSet<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static Set<String> lowerCase(Enum<?>[] constants) {
        return new TreeSet<>(Arrays.stream(constants).map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
    }

    @SuppressWarnings("unchecked")
    private static Set<String> loaderKeys(String field) throws ReflectiveOperationException {
        Field f = FlowLoader.class.getDeclaredField(field);
        f.setAccessible(true);
        return new TreeSet<>((Set<String>) f.get(null));
    }

    @Test
    void theEnginePackageUsesNoFramework() throws IOException {
        try (Stream<Path> sources = Files.list(Path.of("src/main/java/org/minhu/flow"))) {
            for (Path source : sources.toList()) {
                assertThat(Files.readAllLines(source)).as(source.toString())
                        .noneMatch(line -> line.matches("import\\s+(static\\s+)?(io\\.quarkus|jakarta|javax\\.(inject|enterprise|ws)|org\\.eclipse\\.microprofile)\\..*"));
            }
        }
    }
}
