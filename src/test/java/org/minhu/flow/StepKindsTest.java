package org.minhu.flow;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.minhu.outbound.BotMessage;
import org.minhu.outbound.CardContent;
import org.minhu.outbound.Chip;
import org.minhu.outbound.Content;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * What a resident meets at each kind of step, against the small flows in
 * {@code src/test/resources/flows/engine}. Plain JUnit, not a {@code @QuarkusTest}: the engine is
 * pure Java (state and input in, new state and effects out), so no application needs to start.
 */
class StepKindsTest {

    private static final Map<String, Object> CATEGORIES = Map.of("categories", List.of(
            Map.of("value", "municipal", "label", "市政设施", "description", "路灯、道路"),
            Map.of("value", "traffic", "label", "交通出行")));

    private final Chat chat = new Chat(TestFlows.engine());

    @Test
    void theFirstMessageOpensTheMenuCardWithFourOptionsInsideAndTheRestUnderIt() {
        chat.says("你好");

        BotMessage menu = chat.last();
        Content.Card card = (Content.Card) menu.content();
        assertThat(card.card().title()).isEqualTo("测试菜单");
        assertThat(card.card().description()).isEqualTo("请选择。");
        assertThat(card.card().chips()).extracting(Chip::displayText).containsExactly("反映", "选择", "路线", "调查");
        assertThat(menu.chips()).extracting(Chip::displayText, Chip::postback)
                .containsExactly(tuple("转人工", "opt:menu:menu:agent"));
    }

    @Nested
    class Say {

        @Test
        void saysTextsInOrderAndFollowsGotoStepsWithoutWaiting() {
            chat.context(Map.of("profile", Map.of("vip", true))).opens("route");

            assertThat(chat.texts()).containsExactly("贵宾", "到了");
            assertThat(chat.last().chips()).extracting(Chip::displayText, Chip::postback)
                    .containsExactly(tuple("再来", "go:route:skipped"));
            assertThat(chat.state().active()).as("the say ends the flow").isFalse();
        }

        @Test
        void aChipOfAFinishedFlowStillLeadsToItsStep() {
            chat.context(Map.of("profile", Map.of("vip", true))).opens("route").tapsLabel("再来");

            assertThat(chat.texts()).containsExactly("跳过的一步", "到了");
        }

        @Test
        void saysACardWithItsChipsAfterAnAction() {
            fileReport(chat);
            chat.says("是");
            chat.actionReturns("created", Map.of("number", "MH-7"));

            CardContent card = ((Content.Card) chat.last().content()).card();
            assertThat(card.title()).isEqualTo("已受理 MH-7");
            assertThat(card.description()).isEqualTo("路灯 · 坂田街道北门");
            assertThat(chat.last().chips()).extracting(Chip::displayText, Chip::postback).containsExactly(
                    tuple("再反映一个", "flow:report"),
                    tuple("改描述", "go:report:details"));
            assertThat(chat.state().active()).isFalse();
        }

        @Test
        void theLastStepOfAFileEndsTheFlow() {
            chat.opens("survey").says("是");

            assertThat(chat.texts()).containsExactly("谢谢！");
            assertThat(chat.state().active()).isFalse();
            chat.says("还有事");
            assertThat(chat.lastText()).startsWith("测试菜单");
        }
    }

    @Nested
    class AskText {

        @Test
        void refusesAnAnswerShorterThanMinOrLongerThanMaxWithTheStepsOwnText() {
            chat.opens("report").taps("opt:report:kind:light");
            assertThat(chat.texts()).containsExactly("请描述（5 到 20 字）。");

            chat.says("太短");
            assertThat(chat.texts()).containsExactly("描述要 5 到 20 字。", "请描述（5 到 20 字）。");
            chat.opens("report").taps("opt:report:kind:light");
            chat.says("这".repeat(21));
            assertThat(chat.texts()).containsExactly("描述要 5 到 20 字。", "请描述（5 到 20 字）。");
            assertThat(chat.vars()).doesNotContainKey("details");

            chat.says("  路灯不亮一个多月了  ");
            assertThat(chat.vars()).containsEntry("details", "路灯不亮一个多月了");
            assertThat(chat.texts()).containsExactly("车牌？");
        }

        @Test
        void countsCharactersNotBytes() {
            chat.opens("report").taps("opt:report:kind:light").says("五个汉字呀");

            assertThat(chat.vars()).containsEntry("details", "五个汉字呀");
        }

        @Test
        void refusesAnAnswerThatDoesNotMatchThePatternWithTheGeneralText() {
            chat.goesTo("report", "plate").says("ab-1234");
            assertThat(chat.texts()).containsExactly("没看懂。", "车牌？");

            chat.says("AB-1234");
            assertThat(chat.vars()).containsEntry("plate", "AB-1234");
            assertThat(chat.texts()).containsExactly("在哪里？");
        }

        @Test
        void refusesSomethingThatIsNotText() {
            chat.goesTo("report", "plate").send(new Input.Location(22.6, 114.0, "北门"));

            assertThat(chat.texts()).containsExactly("没看懂。", "车牌？");
        }
    }

    @Nested
    class AskChoice {

        @Test
        void offersEachOptionAsAChipWithItsPostbackAndTheMenuChip() {
            chat.opens("pick");

            assertThat(chat.lastText()).isEqualTo("什么颜色？");
            assertThat(chat.postbacks()).containsExactly("opt:pick:colour:red", "opt:pick:colour:green",
                    "opt:pick:colour:blue", "cmd:menu");
            assertThat(chat.labels()).containsExactly("红色", "绿色", "蓝色", "返回菜单");
        }

        @Test
        void aTappedOptionSavesItsValueAndLabel() {
            chat.opens("pick").taps("opt:pick:colour:green");

            assertThat(chat.vars()).containsEntry("colour", Map.of("value", "green", "label", "绿色"));
            assertThat(chat.texts()).first().isEqualTo("什么形状？");
        }

        @Test
        void aTypedNumberStandsForThatOption() {
            chat.opens("pick").says("3");

            assertThat(chat.vars()).containsEntry("colour", Map.of("value", "blue", "label", "蓝色"));
        }

        @Test
        void aNumberWithNoOptionIsNotUnderstood() {
            chat.opens("pick").says("4");

            assertThat(chat.texts()).hasSize(2);
            assertThat(chat.texts().get(0)).as("the re-prompt shows what is taken").startsWith("没看懂。")
                    .contains("可以直接回复：", "绿色");
            assertThat(chat.texts().get(1)).isEqualTo("什么颜色？");
            assertThat(chat.vars()).doesNotContainKey("colour");
        }

        @Test
        void aTypedLabelChoosesInChinese() {
            chat.opens("pick").says("绿色");

            assertThat(chat.vars()).containsEntry("colour", Map.of("value", "green", "label", "绿色"));
        }

        @Test
        void aTypedLabelChoosesInEnglishWhateverTheCase() {
            Chat english = new Chat(TestFlows.engine(), "en");
            english.opens("pick");
            assertThat(english.labels()).containsExactly("Red", "Green", "Blue", "Menu");

            english.says("  green ");
            assertThat(english.vars()).containsEntry("colour", Map.of("value", "green", "label", "Green"));
            assertThat(english.texts()).first().isEqualTo("Which shape?");
        }

        @Test
        void aChineseLabelIsNotUnderstoodInEnglish() {
            Chat english = new Chat(TestFlows.engine(), "en");
            english.opens("pick").says("绿色");

            assertThat(english.texts()).hasSize(2);
            assertThat(english.texts().get(0)).startsWith("Not understood.").contains("You can reply:");
            assertThat(english.texts().get(1)).isEqualTo("Which colour?");
        }

        @Test
        void displayCardPutsFourOptionsInTheCardAndTheRestUnderIt() {
            chat.goesTo("pick", "size");

            Content.Card card = (Content.Card) chat.last().content();
            assertThat(card.card().title()).isEqualTo("尺码");
            assertThat(card.card().chips()).extracting(Chip::postback).containsExactly(
                    "opt:pick:size:xs", "opt:pick:size:s", "opt:pick:size:m", "opt:pick:size:l");
            assertThat(chat.last().chips()).extracting(Chip::postback).containsExactly(
                    "opt:pick:size:xl", "opt:pick:size:xxl", "cmd:menu");

            chat.says("6");
            assertThat(chat.vars()).containsEntry("size", Map.of("value", "xxl", "label", "超大"));
        }

        @Test
        void displayCarouselAsksThenShowsOneCardPerOptionEachWithAChooseChip() {
            chat.goesTo("pick", "shape");

            assertThat(chat.replies()).hasSize(2);
            assertThat(chat.texts().get(0)).isEqualTo("什么形状？");
            Content.Carousel carousel = (Content.Carousel) chat.last().content();
            assertThat(carousel.cards()).extracting(CardContent::title, CardContent::description).containsExactly(
                    tuple("圆形", "圆圆的"),
                    tuple("方形", "四四方方"),
                    tuple("三角形", null));
            assertThat(carousel.cards()).allSatisfy(c -> assertThat(c.chips()).extracting(Chip::displayText).containsExactly("选择"));
            assertThat(carousel.cards()).extracting(c -> c.chips().get(0).postback())
                    .containsExactly("opt:pick:shape:circle", "opt:pick:shape:square", "opt:pick:shape:triangle");
            assertThat(chat.last().chips()).extracting(Chip::postback).containsExactly("cmd:menu");

            chat.taps("opt:pick:shape:square");
            assertThat(chat.vars()).containsEntry("shape", Map.of("value", "square", "label", "方形"));
        }

        @Test
        void optionsFromTheContextAreOfferedAndSavedLikeFixedOnes() {
            chat.context(CATEGORIES).goesTo("pick", "category");

            assertThat(chat.labels()).containsExactly("市政设施", "交通出行", "返回菜单");
            assertThat(chat.postbacks()).startsWith("opt:pick:category:municipal", "opt:pick:category:traffic");

            chat.says("交通出行");
            assertThat(chat.vars()).containsEntry("category", Map.of("value", "traffic", "label", "交通出行"));
        }

        @Test
        void optionsFromAnActionResultBecomeACarousel() {
            chat.context(CATEGORIES).goesTo("pick", "category").says("1");
            assertThat(chat.pending().action()).isEqualTo("list-things");

            chat.actionReturns("found", Map.of("count", 2, "items", List.of(
                    Map.of("value", "T-1", "label", "MH-1", "description", "路灯 · 已受理"),
                    Map.of("value", "T-2", "label", "MH-2"))));
            assertThat(chat.texts().get(0)).isEqualTo("哪一件？");
            Content.Carousel carousel = (Content.Carousel) chat.last().content();
            assertThat(carousel.cards()).extracting(CardContent::title).containsExactly("MH-1", "MH-2");

            chat.taps("opt:pick:thing:T-2");
            assertThat(chat.texts()).as("an unanswered value shows its default").containsExactly("选好了：没选颜色，MH-2");
        }

        @Test
        void aChoiceWithNothingToChooseFromSaysSoInsteadOfFailing() {
            chat.context(CATEGORIES).goesTo("pick", "category").says("1").actionReturns("none", Map.of("count", 0, "items", List.of()));

            assertThat(chat.texts()).containsExactly("哪一件？");
            assertThat(chat.postbacks()).containsExactly("cmd:menu");
        }
    }

    @Nested
    class AskLocation {

        @Test
        void offersTheSendLocationChip() {
            chat.goesTo("report", "place");

            assertThat(chat.last().chips()).extracting(Chip::kind, Chip::displayText).containsExactly(
                    tuple(Chip.Kind.REQUEST_LOCATION, "发送位置"),
                    tuple(Chip.Kind.REPLY, "返回菜单"));
        }

        @Test
        void aSharedLocationIsSavedWithItsLabel() {
            chat.goesTo("report", "place").send(new Input.Location(22.65, 114.06, "坂田街道北门"));

            assertThat(chat.vars().get("place")).isEqualTo(Map.of("latitude", 22.65, "longitude", 114.06, "label", "坂田街道北门"));
            assertThat(chat.texts()).containsExactly("照片（可选）？");
        }

        @Test
        void aSharedLocationWithoutALabelIsNamedByItsCoordinates() {
            chat.goesTo("report", "place").send(new Input.Location(22.65, 114.06, null));

            assertThat(Values.get(chat.vars(), "place.label")).isEqualTo("22.65000, 114.06000");
        }

        @Test
        void aTypedAddressIsSaved() {
            chat.goesTo("report", "place").says("坂田街道北门");

            assertThat(chat.vars().get("place")).isEqualTo(Map.of("label", "坂田街道北门", "address", "坂田街道北门"));
        }

        @Test
        void anAddressTooShortToFindIsRefused() {
            chat.goesTo("report", "place").says("北门");

            assertThat(chat.texts()).containsExactly("没看懂。", "在哪里？");
            assertThat(chat.vars()).doesNotContainKey("place");
        }

        @Test
        void theSendLocationChipAnsweredAsTextExplainsWhatToDo() {
            chat.goesTo("report", "place").send(new Input.Choice("loc:report:place", "发送位置", true));

            assertThat(chat.texts()).containsExactly("请分享位置。");
            assertThat(chat.state().stepId()).isEqualTo("place");
        }

        @Test
        void theSendLocationChipTappedWaitsQuietlyForTheLocation() {
            chat.goesTo("report", "place").taps("loc:report:place");

            assertThat(chat.texts()).as("the phone's location picker is open; the prompt is not repeated").isEmpty();
            assertThat(chat.state().stepId()).isEqualTo("place");
        }
    }

    @Nested
    class AskFile {

        @Test
        void aPhotoIsSaved() {
            chat.goesTo("report", "photo").send(new Input.File("media/1.jpg", "north-gate.jpg", "image/jpeg", null));

            assertThat(chat.vars().get("photo")).isEqualTo(Map.of("path", "media/1.jpg", "name", "north-gate.jpg", "type", "image/jpeg"));
            assertThat(chat.lastText()).contains("照片：north-gate.jpg");
        }

        @Test
        void anOptionalPhotoCanBeSkippedByItsChip() {
            chat.goesTo("report", "photo");
            assertThat(chat.labels()).containsExactly("跳过", "返回菜单");

            chat.tapsLabel("跳过");
            assertThat(chat.vars()).doesNotContainKey("photo");
            assertThat(chat.lastText()).contains("照片：无");
        }

        @Test
        void anOptionalPhotoCanBeSkippedByTypingSkip() {
            chat.goesTo("report", "photo").says("跳过");

            assertThat(chat.state().stepId()).isEqualTo("summary");
            assertThat(chat.vars()).doesNotContainKey("photo");
        }

        @Test
        void aFileThatCouldNotBeKeptIsAskedForAgain() {
            chat.goesTo("report", "photo").send(new Input.File(null, "big.jpg", "image/jpeg", "too large"));

            assertThat(chat.texts()).containsExactly("图片未收到。", "照片（可选）？");
            assertThat(chat.state().stepId()).isEqualTo("photo");
        }

        @Test
        void somethingThatIsNotAFileIsRefused() {
            chat.goesTo("report", "photo").send(new Input.Unsupported("application/vnd.gsma.rcs-sharedata"));

            assertThat(chat.texts()).containsExactly("无法识别。", "照片（可选）？");
        }
    }

    @Nested
    class AskConfirm {

        @Test
        void offersYesAndNoChips() {
            chat.goesTo("report", "sure");

            assertThat(chat.lastText()).isEqualTo("确定提交吗？");
            assertThat(chat.postbacks()).containsExactly("opt:report:sure:yes", "opt:report:sure:no", "cmd:menu");
            assertThat(chat.labels()).containsExactly("确认", "不对", "返回菜单");
        }

        @Test
        void theYesChipConfirms() {
            chat.goesTo("report", "sure").taps("opt:report:sure:yes");

            assertThat(chat.vars()).containsEntry("sure", true);
            assertThat(chat.pending().action()).isEqualTo("create-case");
        }

        @Test
        void theNoChipDeclines() {
            chat.goesTo("report", "sure").taps("opt:report:sure:no");

            assertThat(chat.pending()).isNull();
            assertThat(chat.state().active()).isFalse();
        }

        @Test
        void typedYesAndNoInChinese() {
            chat.goesTo("report", "sure").says("是");
            assertThat(chat.pending()).isNotNull();

            chat.goesTo("report", "sure").says("否");
            assertThat(chat.pending()).isNull();
            assertThat(chat.state().active()).isFalse();
        }

        @Test
        void typedYesAndNoInEnglish() {
            Chat english = new Chat(TestFlows.engine(), "en");
            english.goesTo("report", "sure").says("Yes");
            assertThat(english.pending()).isNotNull();

            english.goesTo("report", "sure").says("no");
            assertThat(english.pending()).isNull();
        }

        @Test
        void anythingElseIsAskedAgain() {
            chat.goesTo("report", "sure").says("也许");

            assertThat(chat.texts()).hasSize(2);
            assertThat(chat.texts().get(0)).startsWith("没看懂。").contains("可以直接回复：确认 / 不对");
            assertThat(chat.texts().get(1)).isEqualTo("确定提交吗？");
        }
    }

    @Nested
    class BranchGotoAndFlow {

        private List<String> route(Map<String, Object> profile) {
            return new Chat(TestFlows.engine()).context(Map.of("profile", profile)).opens("route").texts();
        }

        @Test
        void comparesWithEquals() {
            assertThat(route(Map.of("vip", true, "age", 30))).first().isEqualTo("贵宾");
        }

        @Test
        void comparesNumbersAndCombinesWithAndAndNot() {
            assertThat(route(Map.of("age", 70))).containsExactly("长者");
            assertThat(route(Map.of("age", 70, "phone", "13800000000"))).as("not ... is set fails").containsExactly("成人");
        }

        @Test
        void combinesWithOrAndIsSet() {
            assertThat(route(Map.of("age", 40))).containsExactly("成人");
            assertThat(route(Map.of("age", 12, "guardian", "母亲"))).containsExactly("成人");
            assertThat(route(Map.of("age", 12, "guardian", ""))).as("an empty value is not set").first().isEqualTo("未成年");
        }

        @Test
        void fallsToElseAndAFlowStepSwitchesFlow() {
            Chat minor = new Chat(TestFlows.engine()).context(Map.of("profile", Map.of("age", 12))).opens("route");

            assertThat(minor.texts()).containsExactly("未成年", "满意吗？");
            assertThat(minor.state().flowId()).isEqualTo("survey");
        }

        @Test
        void aMissingValueIsNeitherGreaterNorSet() {
            assertThat(route(Map.of())).first().isEqualTo("未成年");
        }
    }

    @Nested
    class Action {

        @Test
        void asksForTheActionWithEverythingCollected() {
            fileReport(chat);
            chat.says("是");

            Effect.CallAction call = chat.pending();
            assertThat(call.action()).isEqualTo("create-case");
            assertThat(call.vars()).containsEntry("details", "路灯不亮一个多月了")
                    .containsEntry("kind", Map.of("value", "light", "label", "路灯"))
                    .containsEntry("sure", true);
            assertThat(Values.get(call.vars(), "place.label")).isEqualTo("坂田街道北门");
            assertThat(chat.replies()).as("nothing is said while the action runs").isEmpty();
        }

        @Test
        void savesTheResultWithItsOutcome() {
            fileReport(chat);
            chat.says("是").actionReturns("created", Map.of("number", "MH-7"));

            assertThat(chat.lastText()).startsWith("已受理 MH-7");
        }

        @Test
        void anOutcomeNamedUnderOnGoesThere() {
            fileReport(chat);
            chat.says("是").actionReturns("refused", Map.of());

            assertThat(chat.texts()).containsExactly("没能提交。", "满意吗？");
            assertThat(chat.state().draft()).as("a flow that leads on to another by itself is finished").isNull();
        }

        @Test
        void theResultIsKeptUnderTheSaveName() {
            chat.context(CATEGORIES).goesTo("pick", "category").says("1").actionReturns("found", Map.of("count", 3, "items", List.of()));

            assertThat(chat.vars().get("things")).isEqualTo(Map.of("count", 3, "items", List.of(), "outcome", "found"));
        }

        @Test
        void aResultNobodyWaitsForChangesNothing() {
            chat.opens("pick");
            ConversationState before = chat.state();

            chat.actionReturns("created", Map.of("number", "MH-1"));
            assertThat(chat.replies()).isEmpty();
            assertThat(chat.state().stepId()).isEqualTo(before.stepId());
            assertThat(chat.vars()).isEqualTo(before.vars());
        }
    }

    /** Answers the report flow up to its confirmation: 路灯, a description, a plate, a place, no photo, submit. */
    static void fileReport(Chat chat) {
        chat.opens("report").taps("opt:report:kind:light").says("路灯不亮一个多月了").says("AB-1234")
                .says("坂田街道北门").says("跳过").taps("opt:report:summary:submit");
        assertThat(chat.state().stepId()).isEqualTo("sure");
    }
}
