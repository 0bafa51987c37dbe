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
    void fileARequestOnA5gPhoneInSixTurns() {
        Phone phone = phone();
        phone.send("你好");

        List<Map<String, Object>> shown = phone.tap("我要反映");                                      // 1
        assertThat(shown).extracting(m -> m.get("kind")).containsExactly("text", "carousel");
        assertThat(text(shown.get(1))).contains("市政设施", "物业服务");

        shown = phone.tapPostback("opt:file-request:category:municipal");                             // 2
        assertThat(all(shown)).contains("请简要描述发生了什么");

        shown = phone.send("小区北门的路灯坏了一个多月了，晚上很黑");                                      // 3
        assertThat(all(shown)).contains("问题发生在哪里");
        assertThat(chips(shown.get(shown.size() - 1))).contains("发送位置");

        double[] spot = quietSpot();
        shown = phone.share(spot[0], spot[1], "第五园三期北门");                                        // 4
        assertThat(all(shown)).contains("现场照片");
        assertThat(chips(shown.get(shown.size() - 1))).contains("跳过");

        shown = phone.tap("跳过");                                                                     // 5
        assertThat(shown).hasSize(1);
        assertThat(shown.get(0).get("kind")).isEqualTo("card");
        assertThat(text(shown.get(0))).contains("请确认您的反映", "市政设施", "小区北门的路灯坏了", "第五园三期北门", "照片：无");
        assertThat(chips(shown.get(0))).contains("确认提交", "修改类别", "修改描述", "修改地点", "修改照片");

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
        assertThat(filed.getFlowVersion()).isEqualTo(1);
    }

    @Test
    void fileARequestByPlainSmsWithTypedNumbersAndATypedAddress() {
        Phone phone = phone().smsOnly();
        String menu = all(phone.send("你好"));

        String categories = all(phone.send(numberOf(menu, "我要反映")));
        assertThat(categories).contains("请选择您要反映的问题类别");
        assertThat(all(phone.send(numberOf(categories, "环境卫生")))).contains("请简要描述发生了什么");
        assertThat(all(phone.send("工地晚上十一点还在施工，噪音很大"))).contains("问题发生在哪里");
        assertThat(all(phone.send("坂田街道五和大道 88 号工地"))).contains("现场照片");
        String summary = all(phone.send("跳过"));
        assertThat(summary).contains("请确认您的反映", "环境卫生", "五和大道 88 号", "回复1 确认提交");

        String created = all(phone.send(numberOf(summary, "确认提交")));
        String number = caseNumber(created);
        assertThat(created).contains("已受理");
        ServiceCase filed = casesOf(phone).get(0);
        assertThat(filed.getNumber()).isEqualTo(number);
        assertThat(filed.getCategory()).isEqualTo("environment");
        assertThat(filed.getAddress()).contains("五和大道 88 号");
        assertThat(filed.getLatitude()).isNull();
    }

    @Test
    void correctingOneFieldOnTheSummaryComesBackToTheSummary() {
        Phone phone = phone();
        phone.send("你好");
        phone.tap("我要反映");
        phone.tapPostback("opt:file-request:category:property");
        phone.send("电梯坏了三天没人修");
        phone.send("第五园三期 5 栋");
        phone.tap("跳过");

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
        first.tap("跳过");
        String number = caseNumber(all(first.tap("确认提交")));

        Phone second = phone();
        second.send("你好");
        second.tap("我要反映");
        second.tapPostback("opt:file-request:category:municipal");
        second.send("五和大道路口井盖丢了");
        second.share(spot[0] + 0.0002, spot[1] + 0.0001, "五和大道");
        List<Map<String, Object>> offer = second.tap("跳过");
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
        List<Map<String, Object>> resumed = phone.tap("继续填写");
        assertThat(all(resumed)).contains("问题发生在哪里");
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
        assertThat(theirsAnswer).contains("没有找到这条诉求").isEqualTo(noneAnswer);
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
        assertThat(after.getRating()).isEqualTo(Rating.UNSATISFIED);
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
