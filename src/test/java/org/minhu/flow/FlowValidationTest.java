package org.minhu.flow;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A mistake in a flow file is refused when the flows load, naming the file and the line, so it
 * never reaches a resident. Each test adds one broken {@code extra.yaml} (or message) to a copy
 * of the test flows. Plain JUnit, not a {@code @QuarkusTest}: loading flows is pure Java.
 */
class FlowValidationTest {

    @TempDir
    Path dir;

    private Path folder() {
        Path folder = dir.resolve("flows");
        if (!Files.isDirectory(folder)) {
            TestFlows.copy(TestFlows.folder(), folder);
        }
        return folder;
    }

    private void addMessage(String language, String yaml) throws IOException {
        Files.writeString(folder().resolve("messages/" + language + ".yaml"), "\n" + yaml, StandardOpenOption.APPEND);
    }

    private FlowDefinitionException loading(String file, String yaml) throws IOException {
        Files.writeString(folder().resolve(file), yaml);
        FlowDefinitionException e = catchThrowableOfType(FlowDefinitionException.class,
                () -> FlowLoader.load(folder(), TestFlows.ACTIONS, TestFlows.BUILTINS));
        assertThat(e).as("the flows should have been refused").isNotNull();
        return e;
    }

    private void assertRefused(String yaml, int line, String reason) throws IOException {
        FlowDefinitionException e = loading("extra.yaml", yaml);
        assertThat(e.file()).isEqualTo("extra.yaml");
        assertThat(e.reason()).contains(reason);
        assertThat(e.line()).as(e.getMessage()).isEqualTo(line);
        assertThat(e.getMessage()).isEqualTo("extra.yaml:" + line + ": " + e.reason());
    }

    @Test
    void theTestFlowsThemselvesLoad() {
        assertThat(FlowLoader.load(folder(), TestFlows.ACTIONS, TestFlows.BUILTINS).flows())
                .containsKeys("menu", "talk-to-person", "report", "pick", "route", "survey");
    }

    @Test
    void invalidYaml() throws IOException {
        assertRefused("""
                id: extra
                version: 1
                start: first
                steps:
                  - id: first
                    say: survey.thanks
                   goto: first
                """, 7, "not valid YAML");
    }

    @Test
    void anEmptyFile() throws IOException {
        assertRefused("# nothing yet\n", 1, "the file is empty");
    }

    @Test
    void unknownStepField() throws IOException {
        assertRefused("""
                id: extra
                version: 1
                start: first
                steps:
                  - id: first
                    promt: survey.happy
                """, 6, "unknown step field 'promt'");
    }

    @Test
    void unknownFlowField() throws IOException {
        assertRefused("""
                id: extra
                version: 1
                titel: Extra
                start: first
                steps:
                  - id: first
                    say: survey.thanks
                """, 3, "unknown flow field 'titel'");
    }

    @Test
    void aKeyGivenTwice() throws IOException {
        assertRefused("""
                id: extra
                version: 1
                start: first
                steps:
                  - id: first
                    say: survey.thanks
                    say: survey.happy
                """, 7, "'say' is given twice");
    }

    @Test
    void missingStart() throws IOException {
        assertRefused("""
                id: extra
                version: 1
                steps:
                  - id: first
                    say: survey.thanks
                """, 1, "'start' is required");
    }

    @Test
    void startNamingNoStep() throws IOException {
        assertRefused("""
                # an extra flow
                id: extra
                version: 1
                start: frist
                steps:
                  - id: first
                    say: survey.thanks
                """, 4, "start step 'frist' does not exist");
    }

    @Test
    void stepOfNoKnownKind() throws IOException {
        assertRefused("""
                id: extra
                version: 1
                start: first
                steps:
                  - id: first
                    save: x
                """, 5, "needs one of say, ask, branch, action, goto, flow, end");
    }

    @Test
    void unknownAskKind() throws IOException {
        assertRefused("""
                id: extra
                version: 1
                start: first
                steps:
                  - id: first
                    ask: number
                    prompt: survey.happy
                """, 6, "ask must be one of text, choice, location, file, confirm");
    }

    @Test
    void unknownGotoTarget() throws IOException {
        assertRefused("""
                id: extra
                version: 1
                start: first
                steps:
                  - id: first
                    say: survey.thanks
                    goto: nowhere
                """, 5, "unknown step 'nowhere'");
    }

    @Test
    void unknownFlowTarget() throws IOException {
        assertRefused("""
                id: extra
                version: 1
                start: first
                steps:
                  - id: first
                    ask: choice
                    prompt: survey.happy
                    options:
                      - { value: a, label: pick.colour.red, flow: nowhere }
                """, 9, "unknown flow 'nowhere'");
    }

    @Test
    void unreachableStep() throws IOException {
        assertRefused("""
                id: extra
                version: 1
                start: first
                steps:
                  - id: first
                    say: survey.thanks
                    end: true
                  - id: lost
                    say: survey.thanks
                """, 8, "step 'lost' can never be reached from 'first'");
    }

    @Test
    void unknownAction() throws IOException {
        assertRefused("""
                id: extra
                version: 1
                start: first
                steps:
                  - id: first
                    action: make-coffee
                """, 5, "unknown action 'make-coffee'; known: [create-case, hand-off, list-things]");
    }

    @Test
    void unknownVariable() throws IOException {
        assertRefused("""
                id: extra
                version: 1
                start: first
                steps:
                  - id: first
                    say: pick.done
                """, 6, "unknown variable 'colour.label': nothing in this flow saves 'colour'");
    }

    @Test
    void anActionOutputThatDoesNotExistInACondition() throws IOException {
        assertRefused("""
                id: extra
                version: 1
                start: first
                steps:
                  - id: first
                    action: create-case
                    save: case
                  - id: check
                    branch:
                      - if: case.nope > 0
                        goto: first
                      - else: end
                """, 10, "action 'create-case' gives no 'nope'");
    }

    @Test
    void anActionOutputThatDoesNotExistInAMessage() throws IOException {
        addMessage("zh-CN", "extra:\n  done: \"编号 {case.nope}\"\n");
        addMessage("en", "extra:\n  done: \"Number {case.nope}\"\n");
        assertRefused("""
                id: extra
                version: 1
                start: first
                steps:
                  - id: first
                    action: create-case
                    save: case
                  - id: done
                    say: extra.done
                """, 9, "action 'create-case' gives no 'nope'");
    }

    @Test
    void aMessageMissingItsEnglishTranslation() throws IOException {
        addMessage("zh-CN", "extra:\n  only-zh: 只有中文\n");
        assertRefused("""
                id: extra
                version: 1
                start: first
                steps:
                  - id: first
                    say: extra.only-zh
                """, 6, "message 'extra.only-zh' has no en translation");
    }

    @Test
    void aMessageThatIsNowhere() throws IOException {
        assertRefused("""
                id: extra
                version: 1
                start: first
                steps:
                  - id: first
                    say: extra.typo
                """, 6, "message 'extra.typo' has no");
    }

    @Test
    void aChipLabelOver25Characters() throws IOException {
        addMessage("zh-CN", "extra:\n  long: 再来一次\n");
        addMessage("en", "extra:\n  long: This label is far too long to fit\n");
        assertRefused("""
                id: extra
                version: 1
                start: first
                steps:
                  - id: first
                    say:
                      text: survey.thanks
                      chips:
                        - { label: extra.long, goto: first }
                """, 9, "chip label 'extra.long' in en is longer than 25 characters");
    }

    @Test
    void anUnknownChipField() throws IOException {
        assertRefused("""
                id: extra
                version: 1
                start: first
                steps:
                  - id: first
                    say:
                      text: survey.thanks
                      chips:
                        - { label: route.more, goto: first, dail: "12345" }
                """, 9, "unknown chip field 'dail'");
    }

    @Test
    void tooManyOptions() throws IOException {
        StringBuilder yaml = new StringBuilder("""
                id: extra
                version: 1
                start: first
                steps:
                  - id: first
                    ask: choice
                    prompt: survey.happy
                    options:
                """);
        for (int i = 1; i <= 10; i++) {
            yaml.append("      - { value: o").append(i).append(", label: pick.colour.red }\n");
        }
        assertRefused(yaml.toString(), 5, "at most 9 options fit beside the menu and agent chips, this one has 10");
    }

    @Test
    void aSynonymThatTwoOptionsShare() throws IOException {
        assertRefused("""
                id: extra
                version: 1
                start: first
                steps:
                  - id: first
                    ask: choice
                    prompt: survey.happy
                    options:
                      - { value: red, label: pick.colour.red, synonyms: [红, 暖色] }
                      - { value: blue, label: pick.colour.blue, synonyms: [蓝, 暖色] }
                """, 10, "synonym '暖色' also chooses option 'red': a typed word may stand for one option only");
    }

    @Test
    void meansIsYesOrNo() throws IOException {
        assertRefused("""
                id: extra
                version: 1
                start: first
                steps:
                  - id: first
                    ask: choice
                    prompt: survey.happy
                    options:
                      - { value: red, label: pick.colour.red, means: maybe }
                """, 9, "means must be yes or no, was 'maybe'");
    }

    @Test
    void textOnAQuestionThatIsNoChoice() throws IOException {
        assertRefused("""
                id: extra
                version: 1
                start: first
                steps:
                  - id: first
                    ask: text
                    prompt: survey.happy
                    text: { save: said, goto: first }
                """, 5, "only a choice takes text: or file:");
    }

    @Test
    void withNamesAVariableTheFlowSaves() throws IOException {
        assertRefused("""
                id: extra
                version: 1
                start: first
                steps:
                  - id: first
                    ask: choice
                    prompt: survey.happy
                    options:
                      - { value: red, label: pick.colour.red, flow: menu, with: { description: nowhere } }
                """, 9, "unknown variable 'nowhere'");
    }

    @Test
    void aCarouselOfOne() throws IOException {
        assertRefused("""
                id: extra
                version: 1
                start: first
                steps:
                  - id: first
                    ask: choice
                    display: carousel
                    prompt: survey.happy
                    options:
                      - { value: a, label: pick.colour.red }
                """, 5, "a carousel shows 2–12 options, this one has 1");
    }

    @Test
    void aPatternThatDoesNotCompile() throws IOException {
        assertRefused("""
                id: extra
                version: 1
                start: first
                steps:
                  - id: first
                    ask: text
                    prompt: survey.happy
                    pattern: "[a-"
                """, 5, "pattern does not compile");
    }

    @Test
    void aBranchWithoutElse() throws IOException {
        assertRefused("""
                id: extra
                version: 1
                start: first
                steps:
                  - id: first
                    branch:
                      - if: profile.age > 1
                        goto: done
                  - id: done
                    say: survey.thanks
                """, 7, "branch 'first' needs an 'else'");
    }

    @Test
    void aConditionThatCannotBeRead() throws IOException {
        assertRefused("""
                id: extra
                version: 1
                start: first
                steps:
                  - id: first
                    branch:
                      - if: profile.age = 1
                        goto: done
                      - else: done
                  - id: done
                    say: survey.thanks
                """, 7, "cannot read condition at '= 1'");
    }

    @Test
    void duplicateStepId() throws IOException {
        assertRefused("""
                id: extra
                version: 1
                start: first
                steps:
                  - id: first
                    say: survey.thanks
                  - id: first
                    say: survey.thanks
                """, 7, "step id 'first' is used twice");
    }

    @Test
    void anEditOfAStepThatIsNotAQuestion() throws IOException {
        assertRefused("""
                id: extra
                version: 1
                start: first
                steps:
                  - id: first
                    ask: choice
                    prompt: survey.happy
                    options:
                      - { value: a, label: pick.colour.red, edit: done }
                  - id: done
                    say: survey.thanks
                """, 9, "edit must name an ask step of this flow");
    }

    @Test
    void aFlowIdUsedByTwoFiles() throws IOException {
        FlowDefinitionException e = loading("zz-copy.yaml", """
                id: survey
                version: 2
                start: first
                steps:
                  - id: first
                    say: survey.thanks
                """);
        assertThat(e.getMessage()).isEqualTo("zz-copy.yaml:1: flow id 'survey' is also used by survey.yaml");
    }

    @Test
    void aMessageKeyGivenTwiceNamesTheBundleAndLine() throws IOException {
        Path en = folder().resolve("messages/en.yaml");
        int lines = Files.readAllLines(en).size();
        addMessage("en", "survey:\n  thanks: Thank you!\n");

        FlowDefinitionException e = catchThrowableOfType(FlowDefinitionException.class,
                () -> FlowLoader.load(folder(), TestFlows.ACTIONS, TestFlows.BUILTINS));

        assertThat(e.getMessage()).isEqualTo("messages/en.yaml:" + (lines + 2) + ": 'survey' is given twice");
    }

    @Test
    void aMessageBundleWithInvalidYamlNamesTheBundle() throws IOException {
        addMessage("en", "broken: [unclosed\n");
        FlowDefinitionException e = catchThrowableOfType(FlowDefinitionException.class,
                () -> FlowLoader.load(folder(), TestFlows.ACTIONS, TestFlows.BUILTINS));

        assertThat(e.file()).isEqualTo("messages/en.yaml");
        assertThat(e.reason()).contains("not valid YAML");
    }
}
