package org.minhu.conversation.flows;

import org.junit.jupiter.api.Test;
import org.minhu.flow.FlowDefinitionException;

import static org.assertj.core.api.Assertions.assertThat;

/** The validator's reasons, said in Chinese for the console with the line and the step they are in. */
class FlowErrorsTest {

    private static final String FLOW = """
            id: rate
            version: 2
            start: list
            steps:
              - id: list
                action: list-rateable-cases
                save: rateable

              - id: pick
                ask: choice
                options:
                  - { value: a, label: rate.a, goto: nowhere }
            """;

    @Test
    void namesTheLineTheStepAndTheReason() {
        String said = FlowErrors.chinese(new FlowDefinitionException("rate.yaml", 12, "unknown step 'nowhere'"), FLOW);
        assertThat(said).isEqualTo("第 12 行，步骤「pick」：跳转到不存在的步骤「nowhere」");
    }

    @Test
    void aLineAboveTheStepsNamesNoStep() {
        String said = FlowErrors.chinese(new FlowDefinitionException("rate.yaml", 3, "start step 'lst' does not exist"), FLOW);
        assertThat(said).isEqualTo("第 3 行：开始步骤「lst」不存在");
    }

    @Test
    void translationsAndRequiredStepsAreSaidInChinese() {
        assertThat(FlowErrors.reason("message 'rate.a' has no en translation")).isEqualTo("文字「rate.a」缺少 en 译文（中文和英文都必须填写）");
        assertThat(FlowErrors.reason("step 'reason' is required, a question saving 'reason': 不满意 asks why"))
                .startsWith("步骤「reason」不能删除或改名");
        assertThat(FlowErrors.reason("something new")).isEqualTo("something new");
    }
}
