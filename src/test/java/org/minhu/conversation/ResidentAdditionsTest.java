package org.minhu.conversation;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.minhu.cases.CaseAddition;
import org.minhu.cases.CaseEvent;
import org.minhu.cases.CaseFigures;
import org.minhu.cases.CaseLifecycle;
import org.minhu.cases.CaseService;
import org.minhu.cases.NewCase;
import org.minhu.cases.ServiceCase;
import org.minhu.cases.ServiceCaseRepository;
import org.minhu.console.ConsoleSession;
import org.minhu.console.LiveEvents;
import org.minhu.console.TestCases;
import org.minhu.security.DemoAccounts;
import org.minhu.testing.MockCarrier;
import org.minhu.testing.MockCarrierResource;
import org.minhu.testing.Phone;
import org.minhu.testing.Pushes;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.minhu.testing.Phone.all;
import static org.minhu.testing.Phone.chips;
import static org.minhu.testing.Phone.text;

/**
 * Residents add to a case already filed (补充材料) and nudge it (催一下) from its progress card, over
 * the carrier as a 5G phone and a plain-SMS phone show it; the handler sees both in the console,
 * and nudges are counted in the figures.
 */
@QuarkusTest
@QuarkusTestResource(MockCarrierResource.class)
class ResidentAdditionsTest {

    private static final AtomicInteger NEXT = new AtomicInteger();
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1};

    @Inject
    CaseService cases;

    @Inject
    CaseLifecycle lifecycle;

    @Inject
    CaseFigures figures;

    @Inject
    ServiceCaseRepository repository;

    @Inject
    LiveEvents live;

    private static Phone phone() {
        return new Phone("tel:+861390000" + String.format("%04d", NEXT.incrementAndGet() + 7000));
    }

    /** A case of the municipal unit, where the demo account handler works; not placed, so no hot spot gathers them. */
    private ServiceCase file(Phone phone, String description) {
        return QuarkusTransaction.requiringNew().call(() -> cases.file(new NewCase(phone.number(), "municipal", description,
                null, null, "第五园北门", null, "file-request", 1)));
    }

    private List<CaseEvent> history(String number) {
        return QuarkusTransaction.requiringNew().call(() -> cases.history(repository.findByNumber(number).orElseThrow()));
    }

    private List<CaseAddition> additions(String number) {
        return QuarkusTransaction.requiringNew().call(() -> cases.additions(repository.findByNumber(number).orElseThrow()));
    }

    private ServiceCase reload(String number) {
        return QuarkusTransaction.requiringNew().call(() -> repository.findByNumber(number).orElseThrow());
    }

    private static long count(List<CaseEvent> history, CaseEvent.Kind kind) {
        return history.stream().filter(e -> e.getKind() == kind).count();
    }

    /** The number an SMS gives an option, found by its label: "回复2 补充材料". */
    private static String numberOf(String sms, String label) {
        Matcher m = Pattern.compile("(?:回复)?(\\d+) " + Pattern.quote(label)).matcher(sms);
        assertThat(m.find()).as("option %s in: %s", label, sms).isTrue();
        return m.group(1);
    }

    /** The progress card of a case: 我的诉求, then the case. */
    private static List<Map<String, Object>> progressCard(Phone phone, String number) {
        phone.send("菜单");
        phone.tap("我的诉求");
        return phone.tap(number);
    }

    /** The update card that says {@code what}, once it is on the phone; the phone has then seen everything so far. */
    private static Map<String, Object> awaitCard(Phone phone, String what) {
        List<Map<String, Object>> shown = org.awaitility.Awaitility.await("a card saying " + what)
                .atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> MockCarrier.botMessages(phone.number()),
                        seen -> seen.stream().anyMatch(m -> String.valueOf(m.get("text")).contains(what)));
        phone.answers();
        return shown.stream().filter(m -> String.valueOf(m.get("text")).contains(what)).reduce((a, b) -> b).orElseThrow();
    }

    private long nudgesToday() {
        Instant now = Instant.now();
        List<CaseFigures.Figures> all = figures.compute(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)), CaseFigures.By.ALL);
        return all.isEmpty() ? 0 : all.get(0).nudged();
    }

    @Test
    void aResidentAddsATextAndAPhotoToAnOpenCaseAndItsHandlerSeesThem() {
        Phone phone = phone();
        ServiceCase filed = file(phone, "北门井盖松动，车开过去哐哐响");
        String number = filed.getNumber();

        List<Map<String, Object>> card = progressCard(phone, number);
        Map<String, Object> detail = card.get(card.size() - 1);
        assertThat(text(detail)).contains(number);
        assertThat(chips(detail)).contains("补充材料", "催一下", "返回列表");

        String asked = all(phone.tap("补充材料"));
        assertThat(asked).contains("请发送要补充给诉求 " + number, TestCases.MUNICIPAL_UNIT);

        String note = "井盖旁边的路面又塌了一块，晚上看不清 " + UUID.randomUUID().toString().substring(0, 6);
        assertThat(all(phone.send(note))).contains("已补充到诉求 " + number, "完成");
        assertThat(all(phone.photo("井盖.jpg", JPEG))).contains("已补充到诉求 " + number);
        assertThat(all(phone.tap("完成"))).contains("已转给承办单位");

        List<CaseAddition> added = additions(number);
        assertThat(added).hasSize(2);
        assertThat(added.get(0).getText()).isEqualTo(note);
        assertThat(added.get(1).getMediaPath()).as("kept in the media store like a filing photo").isNotBlank();
        assertThat(added.get(1).getMediaType()).startsWith("image/");
        assertThat(count(history(number), CaseEvent.Kind.ADDED)).isEqualTo(2);
        assertThat(reload(number).getResidentActivity().getAddedAt()).isNotNull();

        // the handler of the case's unit sees both on the case page, and the photo is served to them
        ConsoleSession handler = ConsoleSession.signIn("handler");
        String page = handler.bare().get("/console/cases/" + number).then().statusCode(200).extract().asString();
        String photoUrl = "/console/cases/" + number + "/additions/" + added.get(1).getId();
        assertThat(page).contains("居民补充材料", note, photoUrl);
        Response photo = handler.bare().get(photoUrl);
        assertThat(photo.statusCode()).isEqualTo(200);
        assertThat(photo.asByteArray()).isEqualTo(JPEG);
        assertThat(handler.bare().get("/console/cases/" + number + "/additions").asString()).contains(note);
        assertThat(handler.bare().get("/console").asString()).as("the inbox marks it").contains("有补充");

        // nobody signed in gets it
        Response anonymous = given().redirects().follow(false).get(photoUrl);
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.header("Location")).endsWith("/console/login");

        // another unit's handler sees neither the case nor the photo
        ConsoleSession other = ConsoleSession.signIn("handler-env");
        assertThat(other.bare().get(photoUrl).statusCode()).isEqualTo(403);
        assertThat(other.bare().get("/console/cases/" + number + "/additions").statusCode()).isEqualTo(403);

        // never published: the echo wall and Open311 show nothing of it
        assertThat(given().get("/echo-wall").asString()).doesNotContain(note);
    }

    @Test
    void openPagesAreSignalledWhenTheResidentAdds() {
        Phone phone = phone();
        String number = file(phone, "小区喷泉的水泵坏了，水池发臭").getNumber();
        progressCard(phone, number);
        phone.tap("补充材料");

        List<LiveEvents.Signal> signals = new java.util.concurrent.CopyOnWriteArrayList<>();
        io.smallrye.mutiny.subscription.Cancellable listening = live.stream().subscribe().with(signals::add);
        try {
            // a page that starts listening first fetches everything once; changes after that are signalled with the cases' units
            org.awaitility.Awaitility.await("the first look").atMost(Duration.ofSeconds(15))
                    .until(() -> signals.stream().anyMatch(sig -> LiveEvents.CASES.equals(sig.name())));
            signals.clear();
            phone.send("水泵旁边还有电线露在外面");
            String conversation = QuarkusTransaction.requiringNew().call(() -> live.channel(phone.number()));
            org.awaitility.Awaitility.await("the inbox of the case's unit and the case page told").atMost(Duration.ofSeconds(15))
                    .until(() -> signals.stream().anyMatch(sig -> LiveEvents.CASES.equals(sig.name()) && sig.cases() != null
                            && sig.cases().stream().anyMatch(c -> TestCases.MUNICIPAL_UNIT.equals(c.unit())))
                            && signals.stream().anyMatch(sig -> conversation.equals(sig.name())));
        } finally {
            listening.cancel();
        }
        assertThat(additions(number)).extracting(CaseAddition::getText).containsExactly("水泵旁边还有电线露在外面");
    }

    @Test
    void theSamePushDeliveredTwiceIsAddedOnce() {
        Phone phone = phone();
        String number = file(phone, "路灯一闪一闪的，晚上看不清路").getNumber();
        progressCard(phone, number);
        phone.tap("补充材料");

        String note = "重复推送的补充说明 " + UUID.randomUUID().toString().substring(0, 6);
        String body = Pushes.fixtureFrom("inbound-text.json", phone.number()).replace("小区门口的路灯坏了一个多月了", note);
        for (int i = 0; i < 2; i++) {
            assertThat(MockCarrier.raw(phone.number(), body).jsonPath().getInt("status")).isEqualTo(204);
        }
        org.minhu.testing.Settled.await(phone.number());

        assertThat(additions(number)).extracting(CaseAddition::getText).containsExactly(note);
        assertThat(count(history(number), CaseEvent.Kind.ADDED)).isEqualTo(1);
    }

    @Test
    void aClosedCaseRefusesPolitelyAndRecordsNothing() {
        Phone phone = phone();
        String number = file(phone, "垃圾桶满了没人清理").getNumber();
        QuarkusTransaction.requiringNew().run(() -> lifecycle.accept(number, "handler"));
        QuarkusTransaction.requiringNew().run(() -> lifecycle.resolve(number, "handler", "已清运", null));
        awaitCard(phone, "已办结");

        progressCard(phone, number);
        List<Map<String, Object>> refused = phone.tap("补充材料");
        assertThat(all(refused)).contains("诉求 " + number + " 已经已办结，不能再补充材料", "评价办理", "反映一个新的问题")
                .doesNotContain("请发送要补充");
        assertThat(chips(refused.get(refused.size() - 1))).contains("评价办理", "我要反映");

        progressCard(phone, number);
        assertThat(all(phone.tap("催一下"))).contains("不需要再催办");

        ServiceCase after = reload(number);
        assertThat(additions(number)).isEmpty();
        assertThat(after.getResidentActivity().getNudges()).isZero();
        assertThat(count(history(number), CaseEvent.Kind.ADDED) + count(history(number), CaseEvent.Kind.NUDGED)).isZero();
    }

    @Test
    void aNudgeIsRecordedOnceADayAndCountedInTheFigures() {
        Phone phone = phone();
        String number = file(phone, "小区门口人行道的地砖翘起来了").getNumber();
        long before = nudgesToday();

        progressCard(phone, number);
        assertThat(all(phone.tap("催一下"))).contains("已为您催办诉求 " + number, TestCases.MUNICIPAL_UNIT);
        progressCard(phone, number);
        assertThat(all(phone.tap("催一下"))).contains("今天已催办过，我们会尽快处理");

        assertThat(count(history(number), CaseEvent.Kind.NUDGED)).isEqualTo(1);
        assertThat(reload(number).getResidentActivity().getNudges()).isEqualTo(1);
        assertThat(nudgesToday()).isEqualTo(before + 1);

        // the figures API counts it, by unit too
        Instant now = Instant.now();
        List<Map<String, Object>> byUnit = given().auth().preemptive().basic("supervisor", DemoAccounts.PASSWORD)
                .queryParam("from", now.minus(Duration.ofDays(1)).toString()).queryParam("to", now.plus(Duration.ofDays(1)).toString())
                .queryParam("by", "UNIT").get("/api/cases/figures").then().statusCode(200).extract().jsonPath().getList("");
        assertThat(byUnit).filteredOn(f -> TestCases.MUNICIPAL_UNIT.equals(f.get("key")))
                .singleElement().satisfies(f -> assertThat(((Number) f.get("nudged")).longValue()).isGreaterThanOrEqualTo(1));

        // the case's unit sees it: a marker in the inbox, the count and the history row on the case page
        ConsoleSession handler = ConsoleSession.signIn("handler");
        assertThat(handler.bare().get("/console").asString()).contains("催办1");
        assertThat(handler.bare().get("/console/cases/" + number).asString()).contains("居民催办 1 次", "居民催办");
        // and the supervisor's dashboard shows the count
        String dashboard = ConsoleSession.signIn("supervisor").bare().get("/console/dashboard").asString();
        Matcher shown = Pattern.compile("居民催办</span><b>(\\d+)</b>").matcher(dashboard);
        assertThat(shown.find()).as("the 居民催办 figure on the dashboard").isTrue();
        assertThat(Long.parseLong(shown.group(1))).isGreaterThanOrEqualTo(1);
    }

    @Test
    void theProgressUpdateOffersBothChipsToo() {
        Phone phone = phone();
        String number = file(phone, "消防通道被车堵住了").getNumber();
        QuarkusTransaction.requiringNew().run(() -> lifecycle.accept(number, "handler"));
        Map<String, Object> card = awaitCard(phone, "已签收");
        assertThat(text(card)).contains(number, "已签收");
        assertThat(chips(card)).contains("查询进度", "补充材料", "催一下");

        assertThat(all(phone.tap("催一下"))).contains("已为您催办诉求 " + number);
        assertThat(reload(number).getResidentActivity().getNudges()).isEqualTo(1);

        // a chip made up by hand for someone else's case reads like a case that does not exist
        Phone stranger = phone();
        stranger.send("你好");
        assertThat(all(forged(stranger, "催一下", "flow:my-requests?nudging=" + number))).contains("没有找到您提交的这条诉求");
        assertThat(all(forged(stranger, "补充材料", "flow:my-requests?adding=" + number))).contains("没有找到您提交的这条诉求");
        assertThat(reload(number).getResidentActivity().getNudges()).isEqualTo(1);
        assertThat(additions(number)).isEmpty();
    }

    /** A tap on a chip the service never sent this phone, pushed as the platform would push it. */
    private static List<Map<String, Object>> forged(Phone phone, String displayText, String postback) {
        String body = Pushes.fixtureFrom("inbound-suggestion-response.json", phone.number())
                .replace("\"displayText\": \"我要反映\"", "\"displayText\": \"" + displayText + "\"")
                .replace("\"data\": \"menu:file\"", "\"data\": \"" + postback + "\"");
        assertThat(body).contains(postback);
        assertThat(MockCarrier.raw(phone.number(), body).jsonPath().getInt("status")).isEqualTo(204);
        return phone.answers();
    }

    @Test
    void aPlainSmsPhoneIsOfferedBothByNumber() {
        Phone phone = phone().smsOnly();
        String number = file(phone, "楼下餐馆油烟很大，窗户都不能开").getNumber();
        String menu = all(phone.send("你好"));
        String list = all(phone.send(numberOf(menu, "我的诉求")));
        String detail = all(phone.send(numberOf(list, number)));
        assertThat(detail).contains(number, "补充材料", "催一下");

        assertThat(all(phone.send(numberOf(detail, "催一下")))).contains("已为您催办诉求 " + number);

        list = all(phone.send(numberOf(all(phone.send("菜单")), "我的诉求")));
        detail = all(phone.send(numberOf(list, number)));
        String asked = all(phone.send(numberOf(detail, "补充材料")));
        assertThat(asked).contains("请发送要补充给诉求 " + number, "不补充了");
        assertThat(all(phone.send("晚上七点到九点最严重"))).contains("已补充到诉求 " + number);

        assertThat(additions(number)).extracting(CaseAddition::getText).containsExactly("晚上七点到九点最严重");
        assertThat(reload(number).getResidentActivity().getNudges()).isEqualTo(1);
    }
}
