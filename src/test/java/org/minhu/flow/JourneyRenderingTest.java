package org.minhu.flow;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.minhu.carrier.outbound.PlatformRenderer;
import org.minhu.outbound.BotMessage;
import org.minhu.outbound.Chip;
import org.minhu.outbound.Content;
import org.minhu.outbound.SmsRenderer;
import org.minhu.outbound.SmsRendering;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every journey of the real flows, in both languages, with action results shaped as the
 * service's actions return them (long texts included), and renders every message the engine
 * builds for 5G Messages and for plain SMS. Plain JUnit, not a {@code @QuarkusTest}: the engine
 * and the renderers are pure Java.
 */
class JourneyRenderingTest {

    /** A message key or a placeholder that reached the resident unfilled. */
    private static final Pattern LEAK = Pattern.compile("\\{[A-Za-z_][\\w.|-]*}|\\b(engine|menu|file|mine|rate|ask|agent)\\.[a-z-]+(\\.[a-z-]+)*\\b");

    private static final String LONG_DESCRIPTION = "小区北门的路灯已经不亮一个多月了，晚上非常黑，老人和孩子出行很不安全。".repeat(40).substring(0, 1000);
    private static final String PLACE = "深圳市龙岗区坂田街道第五园三期北门东侧人行道".repeat(6).substring(0, 120);

    private Chat chat(String language) {
        return new Chat(RealFlows.engine(), language).context(RealFlows.context(language));
    }

    private static String skip(String language) {
        return language.equals("en") ? "skip" : "跳过";
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "en"})
    void fileARequestThenFollowACaseNearby(String language) {
        Chat chat = chat(language).says("hi");
        assertThat(chat.last().content()).isInstanceOf(Content.Card.class);

        chat.chooses("opt:menu:menu:file");
        Content.Carousel categories = (Content.Carousel) chat.last().content();
        assertThat(categories.cards()).hasSize(10);

        chat.chooses("opt:file-request:category:municipal").says(LONG_DESCRIPTION)
                .send(new Input.Location(22.65, 114.06, PLACE));
        assertThat(chat.pending().action()).isEqualTo("find-nearby-cases");

        chat.actionReturns("found", Map.of("count", 1, "number", "MH-20250602-0003", "description", "北门路灯不亮", "distance", 120L))
                .chooses("opt:file-request:offer-follow:follow");
        assertThat(chat.pending().action()).isEqualTo("follow-case");

        chat.actionReturns("followed", Map.of("number", "MH-20250602-0003"));
        assertThat(chat.lastText()).contains("MH-20250602-0003");
        assertAllRender(chat);
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "en"})
    void fileARequestCorrectingItOnTheSummary(String language) {
        Chat chat = chat(language).says("hi").chooses("opt:menu:menu:file").says("2")
                .says("小区北门路灯不亮一个多月了").says("坂田街道第五园北门")
                .actionReturns("none", Map.of("count", 0));
        assertThat(chat.state().stepId()).isEqualTo("summary");
        assertThat(((Content.Card) chat.last().content()).card().chips()).hasSize(4);

        chat.chooses("opt:file-request:summary:category").chooses("opt:file-request:category:environment")
                .send(new Input.File("media/2025/06/b.png", "photo.png", "image/png", null))
                .chooses("opt:file-request:summary:place").send(new Input.Location(22.6, 114.0, null))
                .chooses("opt:file-request:summary:description").says(LONG_DESCRIPTION);
        assertThat(chat.lastText()).contains("photo.png");

        chat.chooses("opt:file-request:summary:submit").actionReturns("created", Map.of("number", "MH-20250602-0004",
                "unit", "坂田街道城市管理和综合执法队", "due", "2025-06-03 09:00", "category", "环境卫生"));
        assertThat(chat.lastText()).contains("MH-20250602-0004");

        chat.chooses("flow:my-requests");
        assertThat(chat.pending().action()).isEqualTo("list-my-cases");
        assertAllRender(chat);
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "en"})
    void openingWithTheProblemFilesInFourMessages(String language) {
        Chat chat = chat(language);
        chat.begins("file-request", Map.of("description", "小区门口的路灯坏了"));                         // 1: the problem
        assertThat(chat.pending().action()).isEqualTo("guess-category");
        chat.actionReturns("found", Map.of("value", "municipal", "label", language.equals("en") ? "Municipal facilities" : "市政设施"));
        Content.Card proposal = (Content.Card) chat.last().content();
        assertThat(proposal.card().title()).contains(language.equals("en") ? "Municipal facilities" : "是市政设施吗");
        assertThat(proposal.card().description()).contains("小区门口的路灯坏了");

        chat.says(language.equals("en") ? "yes" : "对");                                              // 2: 是
        assertThat(chat.state().stepId()).isEqualTo("place");
        chat.send(new Input.Location(22.65, 114.06, "第五园三期北门"))                                  // 3: where
                .actionReturns("none", Map.of("count", 0));
        assertThat(chat.state().stepId()).isEqualTo("summary");
        assertThat(chat.lastText()).contains("小区门口的路灯坏了", "第五园三期北门");

        chat.says(language.equals("en") ? "ok" : "确认");                                             // 4: confirm
        assertThat(chat.pending().action()).isEqualTo("create-case");
        assertThat(chat.vars()).containsEntry("category", Map.of("outcome", "found", "value", "municipal",
                "label", language.equals("en") ? "Municipal facilities" : "市政设施"));
        assertAllRender(chat);
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "en"})
    void aDescriptionTypedAtTheCategoryIsKeptAndItsCategoryProposed(String language) {
        Chat chat = chat(language).says("hi").chooses("opt:menu:menu:file").says("路口的井盖不见了很危险");
        assertThat(chat.pending().action()).isEqualTo("guess-category");
        assertThat(chat.vars()).containsEntry("description", "路口的井盖不见了很危险");

        chat.actionReturns("none", Map.of());
        assertThat(chat.last().content()).as("no guess: the categories to choose from").isInstanceOf(Content.Carousel.class);
        chat.says(language.equals("en") ? "municipal facilities" : "路灯");
        assertThat(chat.state().stepId()).as("a keyword chooses its category; the description is kept").isEqualTo("place");
        assertAllRender(chat);
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "en"})
    void followMyRequests(String language) {
        Chat chat = chat(language).says("hi").chooses("opt:menu:menu:mine").actionReturns("none", Map.of("count", 0, "items", List.of()));
        chat.chooses("flow:file-request");

        chat.says("菜单").chooses("opt:menu:menu:mine").actionReturns("found", Map.of("count", 3, "items", List.of(
                item("MH-20250602-0001", "市政设施 · 办理中\n" + LONG_DESCRIPTION.substring(0, 60)),
                item("MH-20250601-0007", "环境卫生 · 已办结\n夜间施工噪音"),
                item("MH-20250530-0002", "交通出行 · 已受理\n公交站牌损坏"))));
        assertThat(((Content.Carousel) chat.last().content()).cards()).hasSize(3);

        chat.chooses("opt:my-requests:pick:MH-20250601-0007").actionReturns("found", Map.of(
                "number", "MH-20250601-0007", "state", "已办结", "progress", "●●●●○ 已办结",
                "category", "环境卫生", "place", PLACE, "unit", "坂田街道城市管理和综合执法队", "due", "2025-06-02 09:00",
                "description", LONG_DESCRIPTION.substring(0, 200), "timeline", timeline(40)));
        chat.chooses("go:my-requests:list").actionReturns("found", Map.of("count", 1, "items", List.of(
                item("MH-20250601-0007", "环境卫生 · 已办结"))));
        assertThat(chat.last().content()).as("a carousel of one is a card").isInstanceOf(Content.Card.class);

        chat.chooses("opt:my-requests:pick:MH-20250601-0007").actionReturns("not-found", Map.of());
        assertAllRender(chat);
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "en"})
    void addToAndNudgeARequestFromItsCard(String language) {
        String number = "MH-20250601-0007";
        Map<String, Object> shown = Map.of("number", number, "state", "办理中", "progress", "●●●○○ 办理中",
                "category", "环境卫生", "place", PLACE, "unit", "坂田街道城市管理和综合执法队", "due", "2025-06-02 09:00",
                "description", "夜间施工噪音", "timeline", timeline(3));
        Chat chat = chat(language).opens("my-requests").actionReturns("found", Map.of("count", 1, "items", List.of(
                item(number, "环境卫生 · 办理中"))));
        chat.chooses("opt:my-requests:pick:" + number).actionReturns("found", shown);
        assertThat(chat.postbacks()).as("the card's chips carry the case number")
                .contains("flow:my-requests?adding=" + number, "flow:my-requests?nudging=" + number);
        assertThat(chat.state().active()).as("the card ends the flow").isFalse();

        // later, from the old card: the chip still names its case
        chat.says("菜单").taps("flow:my-requests?nudging=" + number);
        assertThat(chat.pending().action()).isEqualTo("nudge-case");
        assertThat(chat.pending().vars()).containsEntry("nudging", number).doesNotContainKey("adding");
        chat.actionReturns("already", Map.of("number", number, "state", "办理中", "unit", "坂田街道城市管理和综合执法队"));
        assertThat(chat.lastText()).contains(language.equals("en") ? "already asked" : "今天已催办过");

        // a photo, then a note, then done
        chat.taps("flow:my-requests?adding=" + number);
        assertThat(chat.pending().action()).isEqualTo("check-addable");
        chat.actionReturns("open", Map.of("number", number, "state", "办理中", "unit", "坂田街道城市管理和综合执法队"));
        assertThat(chat.lastText()).contains(number);
        chat.send(new Input.File("media/2025/06/02/x.jpg", "x.jpg", "image/jpeg", null));
        assertThat(chat.pending().action()).isEqualTo("add-to-case");
        assertThat(chat.pending().vars()).containsEntry("adding", number).containsKey("addition");
        chat.actionReturns("added", Map.of("number", number, "state", "办理中", "unit", "坂田街道城市管理和综合执法队"));
        chat.says("晚上十一点以后最吵");
        assertThat(chat.pending().vars()).containsEntry("addition", "晚上十一点以后最吵");
        chat.actionReturns("added", Map.of("number", number, "state", "办理中", "unit", "坂田街道城市管理和综合执法队"));
        chat.says(language.equals("en") ? "done" : "完成");
        assertThat(chat.state().active()).isFalse();

        // a chip made up by hand carries only the names a with: gives the flow
        chat.taps("flow:my-requests?nudging=" + number + "&picked=MH-20000101-0001&description=x");
        assertThat(chat.pending().vars()).containsEntry("nudging", number).doesNotContainKeys("picked", "description");
        assertAllRender(chat);
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "en"})
    void rateResolvedRequests(String language) {
        Map<String, Object> rateable = Map.of("count", 2, "items", List.of(
                item("MH-20250601-0007", "环境卫生 · 已办结\n夜间施工噪音"), item("MH-20250520-0001", "市政设施 · 已办结\n路灯")));
        Chat chat = chat(language).says("hi").chooses("opt:menu:menu:rate").actionReturns("none", Map.of("count", 0, "items", List.of()));

        chat.says("menu").chooses("opt:menu:menu:rate").actionReturns("found", rateable)
                .chooses("opt:rate:pick:MH-20250601-0007").chooses("opt:rate:score:UNSATISFIED")
                .says("噪音还是每天晚上都有".repeat(51)).says("噪音还是每天晚上都有");
        assertThat(chat.pending().action()).isEqualTo("rate-case");
        chat.actionReturns("reopened", Map.of("number", "MH-20250601-0007"));
        assertThat(chat.lastText()).contains("MH-20250601-0007");

        chat.says("menu").chooses("opt:menu:menu:rate").actionReturns("found", rateable)
                .chooses("opt:rate:pick:MH-20250520-0001").chooses("opt:rate:score:SATISFIED").actionReturns("rated", Map.of("number", "MH-20250520-0001"));
        chat.says("menu").chooses("opt:menu:menu:rate").actionReturns("found", rateable)
                .chooses("opt:rate:pick:MH-20250520-0001").chooses("opt:rate:score:MOSTLY_SATISFIED").actionReturns("refused", Map.of("number", "MH-20250520-0001"));
        assertThat(chat.texts()).hasSize(1);
        assertAllRender(chat);
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "en"})
    void askAQuestionThenAPerson(String language) {
        Chat chat = chat(language).says("hi").chooses("opt:menu:menu:ask").says("路灯坏了找谁？");
        assertThat(chat.pending().action()).isEqualTo("search-knowledge");

        chat.actionReturns("found", Map.of("found", true, "count", 2, "question", "怎么反映问题？", "answer", "点击菜单中的“我要反映”。".repeat(100)));
        assertThat(chat.last().content()).isInstanceOf(Content.Card.class);
        chat.chooses("opt:ask-question:answer:again").says("垃圾多久清运一次").actionReturns("none", Map.of("found", false, "count", 0));
        chat.chooses("opt:ask-question:nothing:person");
        assertThat(chat.pending().action()).isEqualTo("hand-off");
        chat.actionReturns("queued", Map.of("position", 4L, "wait", "，前面还有 4 位"));
        assertThat(chat.lastText()).contains("4");
        assertAllRender(chat);
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "en"})
    void outsideWorkingHoursTheResidentHearsWhenAPersonAnswersAndTheBotKeepsServing(String language) {
        Chat chat = chat(language).says("hi").says("人工");
        assertThat(chat.pending().action()).isEqualTo("hand-off");
        chat.actionReturns("closed", Map.of("open", false, "opens", "明天 08:30", "hours", "每天 08:30–20:30", "service", "人工服务"));
        if (language.equals("zh-CN")) {
            assertThat(chat.lastText()).contains("明天 08:30").contains("每天 08:30–20:30").contains("智能助手继续为您服务");
        } else {
            assertThat(chat.lastText()).contains("working hours");
        }
        assertAllRender(chat);
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "en"})
    void whatTheEngineItselfSays(String language) {
        Chat chat = chat(language).says("hi").chooses("opt:menu:menu:file").chooses("opt:file-request:category:traffic");
        chat.says("back").says("1").says("短").says("短").says("短")
                .says("公交站牌损坏了好几天").taps("loc:file-request:place").send(new Input.Unsupported("application/x-vcard"))
                .says("坂田街道五和大道").send(new Input.File(null, "huge.mp4", "video/mp4", "too large"))
                .taps("opt:menu:menu:rate").actionReturns("none", Map.of("count", 0, "items", List.of()))
                .after(Duration.ofHours(2)).says("hi").chooses("cmd:resume").says("English").says("中文")
                .says("cancel").says("agent").actionReturns("queued", Map.of("position", 0));
        assertAllRender(chat);
    }

    private static Map<String, Object> item(String number, String description) {
        return Map.of("value", number, "label", number, "description", description);
    }

    private static String timeline(int events) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            lines.add("06-0" + (i % 9 + 1) + " 09:00 办理中：" + "工作人员已到现场查看并联系施工方整改。");
        }
        return String.join("\n", lines);
    }

    private static void assertAllRender(Chat chat) {
        assertThat(chat.transcript()).isNotEmpty();
        for (BotMessage message : chat.transcript()) {
            assertThat(PlatformRenderer.render(message)).isNotEmpty();
            SmsRendering sms = SmsRenderer.render(message);
            assertThat(sms.text()).isNotBlank().doesNotContainPattern(LEAK);
            for (Chip chip : message.allChips()) {
                assertThat(chip.postback()).as("a postback the engine understands")
                        .matches("(opt|go):[\\w-]+:[\\w-]+(:.+)?|flow:[\\w-]+(\\?[\\w-]+=[^&]+(&[\\w-]+=[^&]+)*)?|cmd:(menu|agent|resume|discard)|loc:[\\w-]+:[\\w-]+|dial:\\d+|url");
            }
        }
    }
}
