package org.minhu.flow;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.minhu.outbound.Chip;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * Words that work at any question (menu, cancel, back, agent, language), correcting one answer
 * from a summary, the cap on repeating a question, and chips from older messages. Plain JUnit,
 * not a {@code @QuarkusTest}: the engine is pure Java.
 */
class GlobalCommandsTest {

    private final Chat chat = new Chat(TestFlows.engine());

    /** In the report flow, at the plate question, with the kind and the description answered. */
    private Chat atPlate() {
        chat.opens("report").taps("opt:report:kind:light").says("路灯不亮一个多月了");
        assertThat(chat.lastText()).isEqualTo("车牌？");
        return chat;
    }

    @Nested
    class Menu {

        @ParameterizedTest
        @ValueSource(strings = {"菜单", "menu", "MENU", "0", "０", " 主菜单 "})
        void opensTheMenuFromAnyQuestion(String typed) {
            chat.opens("survey").says(typed);

            assertThat(chat.lastText()).startsWith("测试菜单");
            assertThat(chat.state().flowId()).isEqualTo("menu");
        }

        @Test
        void theMenuChipOpensTheMenu() {
            chat.opens("survey").taps("cmd:menu");

            assertThat(chat.lastText()).startsWith("测试菜单");
        }
    }

    @Nested
    class Cancel {

        @ParameterizedTest
        @ValueSource(strings = {"取消", "cancel", "Cancel", "退出"})
        void saysCancelledThenShowsTheMenuAndKeepsNoDraft(String typed) {
            atPlate().says(typed);

            assertThat(chat.texts()).hasSize(2);
            assertThat(chat.texts().get(0)).isEqualTo("已取消。");
            assertThat(chat.texts().get(1)).startsWith("测试菜单");
            assertThat(chat.state().draft()).isNull();
            assertThat(chat.vars()).isEmpty();
        }

        @Test
        void saysCancelledInTheResidentsLanguage() {
            Chat english = new Chat(TestFlows.engine(), "en");
            english.opens("report").taps("opt:report:kind:light").says("cancel");

            assertThat(english.texts().get(0)).isEqualTo("Cancelled.");
            assertThat(english.texts().get(1)).startsWith("Test menu");
        }

        @Test
        void cancellingTheMenuItselfJustShowsItAgain() {
            chat.says("你好").says("取消");

            assertThat(chat.texts()).hasSize(1);
            assertThat(chat.lastText()).startsWith("测试菜单");
        }
    }

    @Nested
    class Back {

        @ParameterizedTest
        @ValueSource(strings = {"返回", "back", "上一步"})
        void asksThePreviousQuestionAgain(String typed) {
            atPlate().says(typed);

            assertThat(chat.texts()).containsExactly("请描述（5 到 20 字）。");
            chat.says("路灯坏了三天了");
            assertThat(chat.vars()).containsEntry("details", "路灯坏了三天了");
            assertThat(chat.lastText()).isEqualTo("车牌？");
        }

        @Test
        void goesBackOneQuestionAtATime() {
            atPlate().says("返回").says("返回");

            assertThat(chat.texts()).containsExactly("什么问题？");
        }

        @Test
        void atTheFirstQuestionSaysSoAndAsksItAgain() {
            chat.opens("report").says("返回");

            assertThat(chat.texts()).containsExactly("已经是第一步。", "什么问题？");
        }
    }

    @Nested
    class Agent {

        @ParameterizedTest
        @ValueSource(strings = {"人工", "agent", "转人工", "人工服务"})
        void startsTheTalkToPersonFlow(String typed) {
            atPlate().says(typed);

            assertThat(chat.state().flowId()).isEqualTo("talk-to-person");
            assertThat(chat.pending().action()).isEqualTo("hand-off");

            chat.actionReturns("queued", Map.of("position", 3));
            assertThat(chat.texts()).containsExactly("前面还有 3 位。");
        }

        @Test
        void theAgentChipDoesTheSame() {
            chat.opens("survey").taps("cmd:agent");

            assertThat(chat.pending().action()).isEqualTo("hand-off");
        }
    }

    @Nested
    class Language {

        @ParameterizedTest
        @ValueSource(strings = {"English", "english", "EN"})
        void englishSwitchesAndAsksTheSameQuestionInEnglish(String typed) {
            atPlate().says(typed);

            assertThat(chat.texts()).containsExactly("OK, English.", "Number plate?");
            assertThat(chat.state().language()).isEqualTo("en");
            assertThat(chat.vars()).as("nothing answered is lost").containsKey("details");
            assertThat(chat.labels()).containsExactly("Menu");
        }

        @Test
        void chineseSwitchesBack() {
            atPlate().says("English").says("中文");

            assertThat(chat.texts()).containsExactly("好的，用中文。", "车牌？");
            assertThat(chat.state().language()).isEqualTo("zh-CN");
        }

        @Test
        void whenIdleTheMenuFollowsInTheNewLanguage() {
            chat.says("English");

            assertThat(chat.texts()).hasSize(2);
            assertThat(chat.texts().get(1)).startsWith("Test menu");
        }

        @Test
        void theLanguageOutlivesTheFlow() {
            chat.says("English").opens("survey").says("yes");

            assertThat(chat.texts()).containsExactly("Thanks!");
            chat.says("hello");
            assertThat(chat.lastText()).startsWith("Test menu");
        }
    }

    @Nested
    class EditFromASummary {

        private Chat atSummary() {
            chat.opens("report").taps("opt:report:kind:light").says("路灯不亮一个多月了").says("AB-1234")
                    .says("坂田街道北门").says("跳过");
            assertThat(chat.lastText()).startsWith("请确认");
            return chat;
        }

        @Test
        void answersOneQuestionAgainAndComesBackToTheSummary() {
            atSummary().tapsLabel("修改描述");
            assertThat(chat.texts()).containsExactly("请描述（5 到 20 字）。");

            chat.says("路灯闪烁不停");
            assertThat(chat.lastText()).startsWith("请确认").contains("问题：路灯闪烁不停").contains("地点：坂田街道北门");
            assertThat(chat.vars()).containsEntry("plate", "AB-1234");
        }

        @Test
        void aChangedLocationShowsInTheSummary() {
            atSummary().tapsLabel("修改地点").send(new Input.Location(22.6, 114.0, "南门"));

            assertThat(chat.lastText()).contains("地点：南门");
        }

        @Test
        void anOptionThatLeadsElsewhereStillComesBackToTheSummary() {
            atSummary().tapsLabel("修改类别").tapsLabel("其他");

            assertThat(chat.lastText()).startsWith("请确认").contains("类别：其他");
            chat.tapsLabel("提交");
            assertThat(chat.lastText()).as("the next answer goes on as usual").isEqualTo("确定提交吗？");
        }

        @Test
        void anInvalidCorrectionIsAskedAgainAndStillComesBack() {
            atSummary().tapsLabel("修改描述").says("短").says("灯还是不亮的");

            assertThat(chat.lastText()).startsWith("请确认").contains("问题：灯还是不亮的");
        }
    }

    @Nested
    class RepromptCap {

        @Test
        void afterTwoInvalidAnswersTheQuestionIsNotRepeatedButMenuAndPersonAreOffered() {
            atPlate().says("不知道");
            assertThat(chat.texts()).containsExactly("没看懂。", "车牌？");

            chat.says("还是不知道");
            assertThat(chat.texts()).containsExactly("不太顺利。");
            assertThat(chat.last().chips()).extracting(Chip::displayText, Chip::postback)
                    .containsExactly(tuple("返回菜单", "cmd:menu"), tuple("转人工", "cmd:agent"));
        }

        @Test
        void aRightAnswerAfterwardsIsStillTaken() {
            atPlate().says("a").says("b").says("c").says("AB-1234");

            assertThat(chat.vars()).containsEntry("plate", "AB-1234");
            assertThat(chat.lastText()).isEqualTo("在哪里？");
        }

        @Test
        void aRightAnswerStartsTheCountAgain() {
            atPlate().says("a").says("AB-1234").says("b");

            assertThat(chat.texts()).containsExactly("没看懂。", "在哪里？");
        }

        @Test
        void theCapIsASetting() {
            Chat strict = new Chat(new Engine(TestFlows.flows(), new Engine.Settings(0, Duration.ofMinutes(30), Duration.ofDays(7))));
            strict.opens("survey").says("也许");

            assertThat(strict.texts()).containsExactly("不太顺利。");
        }
    }

    @Nested
    class OlderChips {

        @Test
        void anOptionOfAnEarlierQuestionHasExpiredAndTheCurrentQuestionIsAskedAgain() {
            atPlate().taps("opt:report:kind:noise");

            assertThat(chat.texts()).containsExactly("选项已过期。", "车牌？");
            assertThat(chat.vars()).containsEntry("kind", Map.of("value", "light", "label", "路灯"));
            assertThat(chat.state().stepId()).isEqualTo("plate");
        }

        @Test
        void anOptionOfAnotherFlowsQuestionHasExpiredToo() {
            atPlate().taps("opt:pick:colour:red");

            assertThat(chat.texts()).containsExactly("选项已过期。", "车牌？");
        }

        @Test
        void anOldMenuOptionThatOpensAFlowStillOpensIt() {
            atPlate().taps("opt:menu:menu:survey");

            assertThat(chat.texts()).containsExactly("满意吗？");
        }

        @Test
        void aFlowChipJumpsFromAnywhere() {
            atPlate().taps("flow:pick");

            assertThat(chat.texts()).containsExactly("什么颜色？");
            assertThat(chat.vars()).isEmpty();
        }

        @Test
        void aGoChipJumpsToItsStepFromAnywhere() {
            atPlate().taps("go:pick:size");

            assertThat(chat.lastText()).startsWith("尺码");
            assertThat(chat.state().flowId()).isEqualTo("pick");
        }

        @Test
        void aChipToAFlowThatNoLongerExistsIsNotUnderstood() {
            atPlate().taps("flow:gone");

            assertThat(chat.texts()).containsExactly("没看懂。", "车牌？");
        }
    }
}
