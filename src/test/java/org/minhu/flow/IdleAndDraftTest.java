package org.minhu.flow;

import org.junit.jupiter.api.Test;
import org.minhu.outbound.Chip;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * A conversation left alone: after the idle timeout the next message starts afresh, and a
 * half-filled request is kept as a draft the resident may resume for seven days. Plain JUnit,
 * not a {@code @QuarkusTest}: the engine is pure Java and the test moves its clock.
 */
class IdleAndDraftTest {

    private final Chat chat = new Chat(TestFlows.engine());

    /** Half-way through the report flow: kind and description answered, at the plate question. */
    private Chat halfFilled() {
        chat.opens("report").taps("opt:report:kind:light").says("路灯不亮一个多月了");
        assertThat(chat.state().stepId()).isEqualTo("plate");
        return chat;
    }

    private void assertResumeOffered() {
        assertThat(chat.texts()).hasSize(2);
        assertThat(chat.texts().get(0)).isEqualTo("您有未完成的反映。");
        assertThat(chat.texts().get(1)).startsWith("测试菜单");
        // on the menu itself: a plain-SMS phone numbers them with the menu's options
        assertThat(chat.replies().get(1).chips()).extracting(Chip::displayText, Chip::postback)
                .containsSubsequence(tuple("继续填写", "cmd:resume"), tuple("不用了", "cmd:discard"));
    }

    @Test
    void withinThirtyMinutesTheAnswerIsTaken() {
        halfFilled().after(Duration.ofMinutes(29)).says("AB-1234");

        assertThat(chat.lastText()).isEqualTo("在哪里？");
    }

    @Test
    void afterThirtyMinutesTheNextMessageStartsAtTheMenuAndOffersTheDraft() {
        halfFilled().after(Duration.ofMinutes(31)).says("AB-1234");

        assertResumeOffered();
        assertThat(chat.state().flowId()).isEqualTo("menu");
        assertThat(chat.state().draft().flowId()).isEqualTo("report");
        assertThat(chat.state().draft().stepId()).isEqualTo("plate");
    }

    @Test
    void resumingAsksTheQuestionLeftOffAndKeepsTheAnswersGiven() {
        halfFilled().after(Duration.ofHours(5)).says("你好").tapsLabel("继续填写");

        assertThat(chat.texts()).containsExactly("车牌？");
        assertThat(chat.vars()).containsEntry("details", "路灯不亮一个多月了")
                .containsEntry("kind", Map.of("value", "light", "label", "路灯"));
        assertThat(chat.state().draft()).isNull();

        chat.says("AB-1234").says("坂田街道北门").says("跳过");
        assertThat(chat.lastText()).contains("类别：路灯").contains("问题：路灯不亮一个多月了");
    }

    @Test
    void typingResumeWorksToo() {
        halfFilled().after(Duration.ofDays(2)).says("你好").says("继续");

        assertThat(chat.texts()).containsExactly("车牌？");
        assertThat(chat.state().flowId()).isEqualTo("report");
    }

    @Test
    void resumeWithoutADraftIsAnOrdinaryMessage() {
        chat.says("继续");

        assertThat(chat.texts()).hasSize(1);
        assertThat(chat.lastText()).startsWith("测试菜单");
    }

    @Test
    void aDraftIsOfferedUntilSevenDaysHavePassed() {
        halfFilled().after(Duration.ofHours(1)).says("你好");
        assertResumeOffered();

        chat.after(Duration.ofDays(6)).says("你好");
        assertResumeOffered();

        chat.after(Duration.ofDays(1).plusMinutes(1)).says("你好");
        assertThat(chat.texts()).hasSize(1);
        assertThat(chat.state().draft()).isNull();
        chat.says("继续");
        assertThat(chat.state().flowId()).as("继续 means nothing once the draft is gone").isEqualTo("menu");
    }

    @Test
    void aRequestLeftAloneForMoreThanSevenDaysIsNotOffered() {
        halfFilled().after(Duration.ofDays(8)).says("你好");

        assertThat(chat.texts()).hasSize(1);
        assertThat(chat.lastText()).startsWith("测试菜单");
        assertThat(chat.state().draft()).isNull();
    }

    @Test
    void declinedDraftsAreGone() {
        halfFilled().after(Duration.ofHours(1)).says("你好").tapsLabel("不用了");

        assertThat(chat.texts()).hasSize(1);
        assertThat(chat.state().draft()).isNull();
    }

    @Test
    void aFlowThatIsNotResumableLeavesNoDraft() {
        chat.opens("pick").taps("opt:pick:colour:red").after(Duration.ofHours(1)).says("你好");

        assertThat(chat.texts()).hasSize(1);
        assertThat(chat.state().draft()).isNull();
    }

    @Test
    void aRequestNotYetStartedLeavesNoDraft() {
        chat.opens("report").after(Duration.ofHours(1)).says("你好");

        assertThat(chat.state().draft()).isNull();
    }

    @Test
    void goingToTheMenuHalfWayKeepsTheDraft() {
        halfFilled().says("菜单");

        assertResumeOffered();
    }

    @Test
    void askingForAPersonHalfWayKeepsTheDraftForLater() {
        halfFilled().says("人工").actionReturns("queued", Map.of("position", 1)).says("菜单");

        assertResumeOffered();
        chat.tapsLabel("继续填写");
        assertThat(chat.texts()).containsExactly("车牌？");
    }

    @Test
    void anOldChipToAnotherFlowHalfWayKeepsTheDraft() {
        halfFilled().taps("go:pick:size").says("菜单");

        assertResumeOffered();
    }

    @Test
    void finishingTheRequestClearsTheDraft() {
        halfFilled().says("菜单").tapsLabel("继续填写").says("AB-1234").says("坂田街道北门").says("跳过")
                .tapsLabel("提交").says("是").actionReturns("created", Map.of("number", "MH-9"));

        assertThat(chat.state().draft()).isNull();
        chat.says("你好");
        assertThat(chat.texts()).hasSize(1);
    }

    @Test
    void aDraftOfAFlowThatWasRemovedIsDroppedOnResume() {
        ConversationState stale = new ConversationState(null, 0, null, Map.of(), 0, null, null, "zh-CN", Chat.START,
                new ConversationState.Draft("retired", 1, "ask", Map.of("x", 1), Chat.START));
        StepResult result = TestFlows.engine().step(stale, new Input.Choice("cmd:resume", null), Map.of(), Chat.START);

        assertThat(result.state().draft()).isNull();
        assertThat(result.state().flowId()).isEqualTo("menu");
    }

    @Test
    void aConversationWaitingAtAStepThatNoLongerExistsStartsAfresh() {
        ConversationState stale = new ConversationState("report", 1, "removed-step", Map.of("details", "x"), 0, null, null,
                "zh-CN", Chat.START, null);
        StepResult result = TestFlows.engine().step(stale, new Input.Text("AB-1234"), Map.of(), Chat.START);

        assertThat(result.state().flowId()).isEqualTo("menu");
    }
}
