package org.minhu.conversation;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.minhu.cases.CaseService;
import org.minhu.cases.CaseState;
import org.minhu.cases.Rating;
import org.minhu.cases.ServiceCase;
import org.minhu.resident.ResidentRepository;
import org.minhu.testing.MockCarrier;
import org.minhu.testing.MockCarrierResource;
import org.minhu.testing.Phone;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.minhu.testing.Phone.all;
import static org.minhu.testing.Phone.chips;
import static org.minhu.testing.Phone.text;

/**
 * Golden transcripts: each resident journey end to end, through the carrier webhook and the mock
 * carrier, as a 5G phone shows it and as a plain-SMS phone shows it.
 */
@QuarkusTest
@QuarkusTestResource(MockCarrierResource.class)
class JourneyTest {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final Pattern CASE_NUMBER = Pattern.compile("MH-\\d{8}-\\d{4}");

    @Inject
    CaseService cases;

    @Inject
    ResidentRepository residents;

    @Inject
    org.minhu.cases.CaseLifecycle lifecycle;

    @Inject
    org.minhu.carrier.inbound.InboundMessageRepository inbound;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "minhu.data-dir")
    String dataDir;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "minhu.public-url", defaultValue = "http://127.0.0.1:8080")
    String publicUrl;

    private void resolve(String number, String whatWasDone) {
        QuarkusTransaction.requiringNew().run(() -> lifecycle.accept(number, "handler"));
        QuarkusTransaction.requiringNew().run(() -> lifecycle.resolve(number, "handler", whatWasDone, null));
    }

    private static Phone phone() {
        return new Phone("tel:+861380000" + String.format("%04d", NEXT.incrementAndGet() + 4000));
    }

    /** A spot on the map no other test uses, so no open case lies close by unless the test puts one there. */
    private static double[] quietSpot() {
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        return new double[]{30 + r.nextDouble(10), 100 + r.nextDouble(10)};
    }

    private static String caseNumber(String text) {
        Matcher m = CASE_NUMBER.matcher(text);
        assertThat(m.find()).as("a case number in: %s", text).isTrue();
        return m.group();
    }

    /** The number an SMS gives an option, found by its label: "2 市政设施" or "回复2 确认提交". */
    private static String numberOf(String sms, String label) {
        Matcher m = Pattern.compile("(?:回复)?(\\d+) " + Pattern.quote(label)).matcher(sms);
        assertThat(m.find()).as("option %s in: %s", label, sms).isTrue();
        return m.group(1);
    }

    private List<ServiceCase> casesOf(Phone phone) {
        return QuarkusTransaction.requiringNew().call(() -> cases.forResident(phone.number(), 10));
    }

    // ---- welcome and menu ----

    @Test
    void welcomeMenuAsACard() {
        Phone phone = phone();
        List<Map<String, Object>> shown = phone.send("你好");

        assertThat(shown).hasSize(1);
        assertThat(shown.get(0).get("kind")).isEqualTo("card");
        assertThat(text(shown.get(0))).startsWith("民呼 · 接诉即办");
        assertThat(chips(shown.get(0))).containsExactly("我要反映", "我的诉求", "评价办理", "咨询问题", "转人工", "订阅通知", "拨打热线");
    }

    @Test
    void welcomeMenuAsAnSms() {
        Phone phone = phone().smsOnly();
        List<Map<String, Object>> shown = phone.send("你好");

        assertThat(shown).hasSize(1);
        assertThat(shown.get(0).get("kind")).isEqualTo("sms");
        assertThat(text(shown.get(0))).contains("民呼 · 接诉即办", "回复1 我要反映", "回复2 我的诉求", "回复3 评价办理",
                "回复4 咨询问题", "回复5 转人工", "拨打热线：12345");
    }

    @Test
    void thePlatformsFixedMenuOpensTheFlows() {
        // the service uploads its menu once it has started: 204 until then
        io.restassured.response.Response response = await("the fixed menu at the platform").atMost(Duration.ofSeconds(10))
                .until(() -> io.restassured.RestAssured.given().baseUri(MockCarrier.base()).get("/sim/menu"),
                        r -> r.statusCode() != 204);
        Map<String, Object> menu = response.then().statusCode(200).extract().jsonPath().getMap("menu");
        assertThat(menu.toString()).contains("我要反映", "我的诉求", "更多", "转人工");

        Phone phone = phone();
        io.restassured.RestAssured.given().baseUri(MockCarrier.base()).urlEncodingEnabled(false)
                .contentType("application/json").body(Map.of("text", "我要反映", "menu", true))
                .post("/sim/phones/" + java.net.URLEncoder.encode(phone.number(), java.nio.charset.StandardCharsets.UTF_8) + "/tap")
                .then().statusCode(200);
        assertThat(all(phone.answers())).contains("请选择您要反映的问题类别");
    }

    // ---- file a request ----

    @Test
    void fileARequestOnA5gPhoneInSixTurnsFromHello() {
        Phone phone = phone();
        phone.send("你好");                                                                           // 1

        List<Map<String, Object>> shown = phone.tap("我要反映");                                      // 2
        assertThat(shown).extracting(m -> m.get("kind")).containsExactly("text", "carousel");
        assertThat(text(shown.get(1))).contains("市政设施", "物业服务");

        shown = phone.tapPostback("opt:file-request:category:municipal");                             // 3
        assertThat(all(shown)).contains("请简要描述发生了什么");

        shown = phone.send("小区北门的路灯坏了一个多月了，晚上很黑");                                      // 4
        assertThat(all(shown)).contains("问题发生在哪里");
        assertThat(chips(shown.get(shown.size() - 1))).contains("发送位置");

        double[] spot = quietSpot();
        shown = phone.share(spot[0], spot[1], "第五园三期北门");                                        // 5
        assertThat(shown).hasSize(1);
        assertThat(shown.get(0).get("kind")).isEqualTo("card");
        assertThat(text(shown.get(0))).contains("请确认您的反映", "市政设施", "小区北门的路灯坏了", "第五园三期北门", "照片：无",
                "现在发送即可附上");
        assertThat(chips(shown.get(0))).contains("确认提交", "修改类别", "修改描述", "修改地点");

        shown = phone.tap("确认提交");                                                                 // 6
        assertThat(shown).hasSize(1);
        String number = caseNumber(text(shown.get(0)));
        assertThat(text(shown.get(0))).contains("已受理", "承办", "预计");
        assertThat(chips(shown.get(0))).contains("查询进度");

        ServiceCase filed = casesOf(phone).get(0);
        assertThat(filed.getNumber()).isEqualTo(number);
        assertThat(filed.getCategory()).isEqualTo("municipal");
        assertThat(filed.getState()).as("routed by the dispatch rules at once").isEqualTo(CaseState.DISPATCHED);
        assertThat(filed.getLatitude()).isCloseTo(spot[0], org.assertj.core.data.Offset.offset(1e-3));
        assertThat(filed.getFlowId()).isEqualTo("file-request");
        assertThat(filed.getFlowVersion()).isEqualTo(2);
    }

    @Test
    void fileARequestByPlainSmsInSixTurnsFromHello() {
        Phone phone = phone().smsOnly();
        String menu = all(phone.send("你好"));                                                        // 1

        String categories = all(phone.send(numberOf(menu, "我要反映")));                                // 2
        assertThat(categories).contains("请选择您要反映的问题类别").doesNotContain("Reply");
        assertThat(all(phone.send(numberOf(categories, "环境卫生")))).contains("请简要描述发生了什么");    // 3
        assertThat(all(phone.send("工地晚上十一点还在施工，噪音很大"))).contains("问题发生在哪里");           // 4
        String summary = all(phone.send("坂田街道某某工业区 8 号楼后面的工地"));                             // 5
        assertThat(summary).contains("请确认您的反映", "环境卫生", "某某工业区 8 号楼", "回复1 确认提交");

        String created = all(phone.send(numberOf(summary, "确认提交")));                                // 6
        String number = caseNumber(created);
        assertThat(created).contains("已受理");
        ServiceCase filed = casesOf(phone).get(0);
        assertThat(filed.getNumber()).isEqualTo(number);
        assertThat(filed.getCategory()).isEqualTo("environment");
        assertThat(filed.getAddress()).as("kept as typed").contains("某某工业区 8 号楼");
        assertThat(filed.getLatitude()).as("a place the gazetteer does not know is not placed").isNull();
    }

    @Test
    void openingWithTheProblemFilesInFourTurnsOnA5gPhone() {
        Phone phone = phone();
        List<Map<String, Object>> shown = phone.send("小区门口的路灯坏了，晚上一片漆黑");                      // 1
        assertThat(shown).hasSize(1);
        assertThat(shown.get(0).get("kind")).isEqualTo("card");
        assertThat(text(shown.get(0))).contains("是市政设施吗？", "小区门口的路灯坏了，晚上一片漆黑");
        assertThat(chips(shown.get(0))).containsSubsequence("是", "换一个");

        assertThat(all(phone.tap("是"))).contains("问题发生在哪里");                                      // 2
        double[] spot = quietSpot();
        shown = phone.share(spot[0], spot[1], "第五园三期北门");                                          // 3
        assertThat(text(shown.get(0))).contains("请确认您的反映", "市政设施", "小区门口的路灯坏了");

        String created = all(phone.tap("确认提交"));                                                     // 4
        ServiceCase filed = casesOf(phone).get(0);
        assertThat(filed.getNumber()).isEqualTo(caseNumber(created));
        assertThat(filed.getCategory()).isEqualTo("municipal");
        assertThat(filed.getDescription()).isEqualTo("小区门口的路灯坏了，晚上一片漆黑");
    }

    @Test
    void openingWithTheProblemFilesInFourTurnsByPlainSmsWithTypedAnswers() {
        Phone phone = phone().smsOnly();
        String proposal = all(phone.send("有人在楼道里给电动车充电，很危险"));                                  // 1
        assertThat(proposal).contains("是电动车充电吗？", "回复1 是", "回复2 换一个");

        assertThat(all(phone.send("对"))).contains("问题发生在哪里");                                       // 2: a yes word
        String summary = all(phone.send("五和地铁站A出口旁边那栋楼"));                                      // 3
        if (summary.contains("附近已有")) {
            summary = all(phone.send("新建"));
        }
        assertThat(summary).contains("请确认您的反映", "电动车充电");

        String created = all(phone.send("确认"));                                                       // 4: typed, not a number
        ServiceCase filed = casesOf(phone).get(0);
        assertThat(filed.getNumber()).isEqualTo(caseNumber(created));
        assertThat(filed.getCategory()).isEqualTo("ebike");
        assertThat(filed.getLatitude()).as("the typed address is placed by the gazetteer").isNotNull();
        assertThat(filed.getUnits().getGrid()).isEqualTo("坂田街道五和社区第 1 网格");
    }

    @Test
    void typedAnswersAreTakenAtEveryStep() {
        Phone phone = phone();
        phone.send("你好");
        assertThat(all(phone.send("我要投诉"))).contains("请选择您要反映的问题类别");
        assertThat(all(phone.send("路灯"))).as("a category's keyword").contains("请简要描述发生了什么");
        phone.send("北门的灯不亮好几天了");
        double[] spot = quietSpot();
        phone.share(spot[0], spot[1], "北门");
        assertThat(all(phone.send("确认"))).contains("已受理");
        assertThat(casesOf(phone).get(0).getCategory()).isEqualTo("municipal");
    }

    @Test
    void aDescriptionTypedAtTheCategoryStepIsKeptAndItsCategoryProposed() {
        Phone phone = phone();
        phone.send("你好");
        phone.tap("我要反映");
        List<Map<String, Object>> shown = phone.send("楼上邻居家漏水，渗到我家天花板了");
        assertThat(text(shown.get(0))).contains("是邻里纠纷吗？", "楼上邻居家漏水");
        assertThat(all(phone.tap("换一个"))).contains("请选择最接近的一类");
        phone.tapPostback("opt:file-request:pick:property");
        double[] spot = quietSpot();
        assertThat(all(phone.share(spot[0], spot[1], "3 栋"))).contains("物业服务", "楼上邻居家漏水");
    }

    @Test
    void aQuestionAsTheFirstMessageIsAnsweredAtOnceAndAFollowUpToo() {
        Phone phone = phone();
        List<Map<String, Object>> answer = phone.send("停水了怎么办");
        assertThat(answer).hasSize(1);
        assertThat(text(answer.get(0))).contains("停水", "办理：");
        assertThat(chips(answer.get(0))).contains("没解决？我要反映", "再问一个", "转人工");

        List<Map<String, Object>> next = phone.send("家里突然停电了");
        assertThat(text(next.get(0))).contains("95598");
        assertThat(chips(next.get(0))).contains("拨打 95598");

        List<Map<String, Object>> filing = phone.tap("没解决？我要反映");
        assertThat(all(filing)).as("the question becomes the description").contains("家里突然停电了");
    }

    @Test
    void anEmergencyIsToldWhomToCallFirstThenFiledAsUrgent() {
        Phone phone = phone();
        List<Map<String, Object>> shown = phone.send("楼下垃圾站着火了，烟很大");
        assertThat(text(shown.get(0))).contains("119");
        assertThat(chips(shown.get(0))).contains("拨打 119 火警");
        assertThat(all(shown.subList(1, shown.size()))).contains("楼下垃圾站着火了");

        Phone sms = phone().smsOnly();
        String told = all(sms.send("有人落水了，在河边"));
        assertThat(told).contains("110", "120", "拨打 110：110");
    }

    @Test
    void correctingOneFieldOnTheSummaryComesBackToTheSummary() {
        Phone phone = phone();
        phone.send("你好");
        phone.tap("我要反映");
        phone.tapPostback("opt:file-request:category:property");
        phone.send("电梯坏了三天没人修");
        double[] spot = quietSpot();
        phone.share(spot[0], spot[1], "第五园三期 5 栋");

        assertThat(all(phone.tap("修改描述"))).contains("请简要描述发生了什么");
        List<Map<String, Object>> summary = phone.send("5 栋电梯坏了三天，老人上下楼很困难");
        assertThat(text(summary.get(0))).contains("请确认您的反映", "老人上下楼很困难", "第五园三期 5 栋");
    }

    @Test
    void anOpenCaseCloseByCanBeFollowedInsteadOfFilingAnother() {
        Phone first = phone();
        first.send("你好");
        first.tap("我要反映");
        first.tapPostback("opt:file-request:category:municipal");
        first.send("路口的井盖不见了，很危险");
        double[] spot = quietSpot();
        first.share(spot[0], spot[1], "五和大道路口");
        String number = caseNumber(all(first.tap("确认提交")));

        Phone second = phone();
        second.send("你好");
        second.tap("我要反映");
        second.tapPostback("opt:file-request:category:municipal");
        second.send("五和大道路口井盖丢了");
        List<Map<String, Object>> offer = second.share(spot[0] + 0.0002, spot[1] + 0.0001, "五和大道");
        assertThat(all(offer)).contains("附近已有一条同类诉求", number);

        assertThat(all(second.tap("关注这一条"))).contains("已为您关注诉求 " + number);
        assertThat(casesOf(second)).isEmpty();
        assertThat(QuarkusTransaction.requiringNew().call(() -> cases.followers(
                cases.forResident(first.number(), number).orElseThrow()))).contains(second.number());
    }

    @Test
    void aRequestLeftHalfWayIsOfferedAgainAndResumes() {
        Phone phone = phone();
        phone.send("你好");
        phone.tap("我要反映");
        phone.tapPostback("opt:file-request:category:traffic");
        phone.send("红绿灯一直是红灯，车都堵住了");

        List<Map<String, Object>> menu = phone.send("菜单");
        assertThat(all(menu)).contains("您有一条未提交完的反映");
        assertThat(chips(menu.get(menu.size() - 1))).as("on the menu card").contains("继续", "不用了");
        List<Map<String, Object>> resumed = phone.tap("继续");
        assertThat(all(resumed)).contains("问题发生在哪里");
    }

    @Test
    void tappingSendLocationIsNotAnsweredWithTheSamePromptAgain() {
        Phone phone = phone();
        phone.send("你好");
        phone.tap("我要反映");
        phone.tapPostback("opt:file-request:category:traffic");
        assertThat(all(phone.send("路口的信号灯一直不亮"))).contains("问题发生在哪里");

        MockCarrier.tap(phone.number(), "发送位置");
        double[] spot = quietSpot();
        List<Map<String, Object>> shown = phone.share(spot[0], spot[1], "路口");
        assertThat(all(shown)).as("the tap opened the phone's location picker; the location answers")
                .contains("请确认您的反映").doesNotContain("请点击“发送位置”");
    }

    @Test
    void aVoiceNoteIsKeptAndTakenAsTheDescription() {
        Phone phone = phone();
        phone.send("你好");
        phone.tap("我要反映");
        phone.tapPostback("opt:file-request:category:elderly");
        MockCarrier.file(phone.number(), "voice-0001.amr", "audio/amr", "#!AMR\n voice".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(all(phone.answers())).contains("问题发生在哪里");
        double[] spot = quietSpot();
        phone.share(spot[0], spot[1], "长者饭堂");
        phone.tap("确认提交");
        assertThat(casesOf(phone).get(0).getDescription()).contains("语音留言");
        assertThat(QuarkusTransaction.requiringNew().call(() -> inbound.forPhone(phone.number())).stream()
                .filter(m -> "audio/amr".equals(m.getFileType())).findFirst().orElseThrow().getMediaPath())
                .as("the voice note is kept").isNotNull();
    }

    @Test
    void afterSwitchingLanguageEachMessageIsInOneLanguage() {
        Phone sms = phone().smsOnly();
        sms.send("English");
        String menu = all(sms.send("menu"));
        assertThat(menu).contains("Reply 1 Report a problem", "Reply with a number.").doesNotContain("回复");

        Phone phone = phone();
        phone.send("English");
        phone.send("menu");
        phone.tap("Report a problem");
        List<Map<String, Object>> chinese = phone.send("中文");
        Map<String, Object> carousel = chinese.get(chinese.size() - 1);
        assertThat(carousel.get("kind")).isEqualTo("carousel");
        assertThat(text(carousel)).contains("市政设施").doesNotContain("Municipal");
        assertThat(chips(carousel)).contains("选择").doesNotContain("Choose");
    }

    @Test
    void residentsSeeNoInternalGrade() {
        Phone phone = phone();
        ServiceCase filed = QuarkusTransaction.requiringNew().call(() -> cases.file(new org.minhu.cases.NewCase(
                phone.number(), "ebike", "楼道里有人给电动车充电", null, null, "5 栋", null, "test", 1)));
        phone.send("你好");
        phone.tap("我的诉求");
        String detail = all(phone.tap(filed.getNumber()));
        assertThat(detail).contains("派往").doesNotContainPattern("[ABC] ?类");
    }

    @Test
    void aRatingTappedWhileTalkingToAPersonIsKept() {
        Phone phone = phone();
        ServiceCase filed = QuarkusTransaction.requiringNew().call(() -> cases.file(new org.minhu.cases.NewCase(
                phone.number(), "municipal", "井盖松动", null, null, "北门", null, "test", 1)));
        phone.send("你好");
        phone.tap("转人工");
        resolve(filed.getNumber(), "已更换井盖");
        List<Map<String, Object>> card = MockCarrier.awaitBotMessages(phone.number(), 4, java.time.Duration.ofSeconds(15));
        assertThat(chips(card.get(card.size() - 1))).contains("满意");
        phone.answers();

        assertThat(all(phone.tap("满意"))).contains("感谢您的评价");
        assertThat(QuarkusTransaction.requiringNew().call(() -> cases.forResident(phone.number(), filed.getNumber())
                .orElseThrow().getState())).isEqualTo(CaseState.RATED);
        assertThat(QuarkusTransaction.requiringNew().call(() -> residents.findByPhone(phone.number()).orElseThrow().isWithAgent()))
                .as("the person keeps the conversation").isTrue();
    }

    @Test
    void aResolutionPhotoIsLinkedFromThePublicUrlAndServed() throws Exception {
        Phone phone = phone();
        ServiceCase filed = QuarkusTransaction.requiringNew().call(() -> cases.file(new org.minhu.cases.NewCase(
                phone.number(), "municipal", "路灯不亮", null, null, "南门", null, "test", 1)));
        String relative = "resolutions/test/" + filed.getNumber() + ".png";
        java.nio.file.Path file = java.nio.file.Path.of(dataDir, "media", relative);
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.write(file, java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="));
        QuarkusTransaction.requiringNew().run(() -> lifecycle.accept(filed.getNumber(), "handler"));
        QuarkusTransaction.requiringNew().run(() -> lifecycle.resolve(filed.getNumber(), "handler", "已修好", relative));

        // The resolution card is the last update; earlier progress cards may be merged into it when they are
        // still waiting to be sent, so wait for the card that says 办结 rather than for a count of messages.
        List<Map<String, Object>> shown = org.awaitility.Awaitility.await("the resolution card on " + phone.number())
                .atMost(java.time.Duration.ofSeconds(15)).pollInterval(java.time.Duration.ofMillis(100))
                .until(() -> MockCarrier.botMessages(phone.number()),
                        seen -> seen.stream().anyMatch(m -> String.valueOf(m.get("text")).contains("已办结")));
        String payload = String.valueOf(shown.stream().filter(m -> String.valueOf(m.get("text")).contains("已办结"))
                .reduce((a, b) -> b).orElseThrow().get("payload"));
        assertThat(payload).contains(publicUrl + "/media/" + relative);
        io.restassured.RestAssured.given().get("/media/" + relative).then().statusCode(200).contentType("image/png");
    }

    // ---- my requests ----

    @Test
    void myRequestsShowsOnlyMyOwnCasesAndTheirProgress() {
        Phone mine = phone();
        ServiceCase own = QuarkusTransaction.requiringNew().call(() -> cases.file(new org.minhu.cases.NewCase(
                mine.number(), "property", "楼道灯坏了", null, null, "3 栋 2 单元", null, "test", 1)));
        Phone other = phone();
        ServiceCase theirs = QuarkusTransaction.requiringNew().call(() -> cases.file(new org.minhu.cases.NewCase(
                other.number(), "property", "别人的诉求", null, null, "9 栋", null, "test", 1)));

        mine.send("你好");
        List<Map<String, Object>> list = mine.tap("我的诉求");
        assertThat(all(list)).contains(own.getNumber()).doesNotContain(theirs.getNumber());

        List<Map<String, Object>> detail = mine.tap(own.getNumber());
        assertThat(all(detail)).contains(own.getNumber(), "受理 ✓", "派单 ✓", "办理 ●", "3 栋 2 单元");

        mine.send("菜单");
        mine.tap("我的诉求");
        String theirsAnswer = all(mine.send(theirs.getNumber()));
        mine.send("菜单");
        mine.tap("我的诉求");
        String noneAnswer = all(mine.send("MH-20000101-9999"));
        assertThat(theirsAnswer).contains("没有找到您提交的诉求 " + theirs.getNumber()).doesNotContain("没有看懂");
        assertThat(noneAnswer).contains("没有找到您提交的诉求 MH-20000101-9999");
        assertThat(theirsAnswer.replace(theirs.getNumber(), "X")).as("another's reads like one that does not exist")
                .isEqualTo(noneAnswer.replace("MH-20000101-9999", "X"));

        assertThat(all(mine.send(own.getNumber()))).as("typed anywhere, one's own number is shown").contains("受理 ✓");
        String typedAtIdle = all(mine.send("我的诉求 " + theirs.getNumber() + " 怎么样了"));
        assertThat(typedAtIdle).contains("没有找到您提交的诉求 " + theirs.getNumber()).doesNotContain("别的诉求");
    }

    @Test
    void myRequestsByPlainSms() {
        Phone phone = phone().smsOnly();
        ServiceCase own = QuarkusTransaction.requiringNew().call(() -> cases.file(new org.minhu.cases.NewCase(
                phone.number(), "municipal", "路灯不亮", null, null, "北门", null, "test", 1)));
        String menu = all(phone.send("你好"));
        String list = all(phone.send(numberOf(menu, "我的诉求")));
        assertThat(list).contains(own.getNumber(), "回复1 " + own.getNumber());
        assertThat(all(phone.send("1"))).contains(own.getNumber(), "受理 ✓");
    }

    // ---- rate ----

    @Test
    void notSatisfiedAsksWhyAndReopensTheCaseUnderSupervision() {
        Phone phone = phone();
        ServiceCase filed = QuarkusTransaction.requiringNew().call(() -> cases.file(new org.minhu.cases.NewCase(
                phone.number(), "environment", "垃圾站很臭", null, null, "南门", null, "test", 1)));
        resolve(filed.getNumber(), "已清运");

        phone.send("你好");
        assertThat(all(phone.tap("评价办理"))).contains(filed.getNumber());
        assertThat(all(phone.tap(filed.getNumber()))).contains("您对办理结果满意吗");
        assertThat(all(phone.tap("不满意"))).contains("哪里还没解决好");
        assertThat(all(phone.send("只清运了一次，第二天又堆满了"))).contains("已重新办理", filed.getNumber());

        ServiceCase after = QuarkusTransaction.requiringNew().call(() -> cases.forResident(phone.number(), filed.getNumber()).orElseThrow());
        assertThat(after.getState()).isEqualTo(CaseState.IN_PROGRESS);
        assertThat(after.isFlagged()).isTrue();
        assertThat(after.getFollowUp().getRating()).isEqualTo(Rating.UNSATISFIED);
    }

    @Test
    void satisfiedRatesTheCaseByPlainSms() {
        Phone phone = phone().smsOnly();
        ServiceCase filed = QuarkusTransaction.requiringNew().call(() -> cases.file(new org.minhu.cases.NewCase(
                phone.number(), "municipal", "路面坑洼", null, null, "东门", null, "test", 1)));
        resolve(filed.getNumber(), "已修补");

        String menu = all(phone.send("你好"));
        String list = all(phone.send(numberOf(menu, "评价办理")));
        String score = all(phone.send(numberOf(list, filed.getNumber())));
        assertThat(score).contains("回复1 满意", "回复2 基本满意", "回复3 不满意");
        assertThat(all(phone.send("1"))).contains("感谢您的评价");
        assertThat(QuarkusTransaction.requiringNew().call(() -> cases.forResident(phone.number(), filed.getNumber())
                .orElseThrow().getState())).isEqualTo(CaseState.RATED);
    }

    // ---- ask a question ----

    @Test
    void theKnowledgeBaseAnswersAtOnceAndOffersAPersonWhenItCannot() {
        Phone phone = phone();
        phone.send("你好");
        assertThat(all(phone.tap("咨询问题"))).contains("请输入您想咨询的问题");
        List<Map<String, Object>> answer = phone.send("电动车可以在楼道里充电吗");
        assertThat(answer.get(0).get("kind")).isEqualTo("card");
        assertThat(text(answer.get(0))).contains("充电");
        assertThat(chips(answer.get(0))).contains("再问一个", "转人工");

        phone.tap("再问一个");
        List<Map<String, Object>> none = phone.send("qwerty asdfgh zxcvb");
        assertThat(all(none)).contains("暂时没有找到相关解答");
        assertThat(chips(none.get(none.size() - 1))).contains("转人工");
    }

    @Test
    void askingInEnglish() {
        Phone phone = phone();
        assertThat(all(phone.send("English"))).contains("answer in English");
        List<Map<String, Object>> menu = phone.send("menu");
        assertThat(chips(menu.get(0))).contains("Report a problem", "My requests", "Talk to a person");
        assertThat(all(phone.tap("Ask a question"))).contains("What would you like to ask");
    }

    // ---- talk to a person ----

    @Test
    void aPersonTakesOverUntilTheResidentAsksForTheMenu() {
        Phone phone = phone();
        phone.send("你好");
        assertThat(all(phone.tap("转人工"))).contains("已为您转接人工服务");
        assertThat(QuarkusTransaction.requiringNew().call(() -> residents.findByPhone(phone.number()).orElseThrow().isWithAgent()))
                .isTrue();

        assertThat(phone.send("我家楼上漏水，想找人处理")).as("the bot stays quiet while staff have it").isEmpty();
        assertThat(MockCarrier.botMessages(phone.number())).hasSize(2);

        assertThat(text(phone.send("菜单").get(0))).contains("民呼");
        assertThat(QuarkusTransaction.requiringNew().call(() -> residents.findByPhone(phone.number()).orElseThrow().isWithAgent()))
                .isFalse();
    }

    // ---- commands and re-prompts ----

    @Test
    void afterTwoInvalidAnswersTheBotStopsRepeatingAndOffersMenuOrPerson() {
        Phone phone = phone();
        phone.send("你好");
        phone.tap("我要反映");
        phone.tapPostback("opt:file-request:category:municipal");
        assertThat(all(phone.send("短"))).contains("描述太短或太长了", "请简要描述发生了什么");
        List<Map<String, Object>> second = phone.send("短");
        assertThat(all(second)).contains("这一步不太顺利").doesNotContain("描述太短或太长了");
        assertThat(chips(second.get(0))).containsExactly("返回菜单", "转人工");
    }

    @Test
    void cancelAndBackWorkFromAnyStep() {
        Phone phone = phone();
        phone.send("你好");
        phone.tap("我要反映");
        phone.tapPostback("opt:file-request:category:municipal");
        phone.send("路灯坏了一个多月了");
        assertThat(all(phone.send("返回"))).contains("请简要描述发生了什么");
        List<Map<String, Object>> cancelled = phone.send("取消");
        assertThat(all(cancelled)).contains("已取消", "民呼").doesNotContain("未提交完");
    }
}
