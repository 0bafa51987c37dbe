package org.minhu.console;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.minhu.cases.CaseEvent;
import org.minhu.cases.CaseService;
import org.minhu.cases.ServiceCase;
import org.minhu.security.CsrfFilter;
import org.minhu.testing.MockCarrier;
import org.minhu.testing.MockCarrierResource;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may see and do what in the console, over plain HTTP: nothing without signing in, a
 * handler only within their unit, no form without its CSRF token, and residents' words shown as
 * text, never run as markup.
 */
@QuarkusTest
@QuarkusTestResource(MockCarrierResource.class)
class ConsoleAuthorizationTest {

    @Inject
    TestCases testCases;

    @Inject
    CaseService caseService;

    @Inject
    Reports reports;

    @Inject
    Labels labels;

    private List<CaseEvent> history(String number) {
        return QuarkusTransaction.requiringNew().call(() -> caseService.history(testCases.reload(number)));
    }

    @Test
    void noPageAndNoActionWithoutSigningIn() {
        ServiceCase c = testCases.file(TestCases.newPhone(), "municipal", "路灯不亮，晚上很黑", "坂田街道五和大道");
        for (String page : List.of("/console", "/console/inbox/rows", "/console/cases/" + c.getNumber(),
                "/console/cases/" + c.getNumber() + "/photo", "/console/chats", "/console/dashboard",
                "/console/reports/daily?format=csv", "/console/reports/overdue", "/console/reports/ranking?format=xlsx",
                "/console/events", "/console/admin")) {
            Response r = given().redirects().follow(false).get(page);
            assertThat(r.statusCode()).as(page).isEqualTo(302);
            assertThat(r.header("Location")).as(page).endsWith("/console/login");
        }
        for (String action : List.of("note", "reply", "accept", "resolve", "dispatch")) {
            Response r = given().redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                    .formParam("text", "x").formParam("whatWasDone", "x")
                    .post("/console/cases/" + c.getNumber() + "/" + action);
            assertThat(r.statusCode()).as(action).isEqualTo(302);
        }
        assertThat(history(c.getNumber())).extracting(CaseEvent::getKind)
                .doesNotContain(CaseEvent.Kind.NOTE, CaseEvent.Kind.ACCEPTED, CaseEvent.Kind.RESOLVED);
    }

    @Test
    void theDailyRegisterListsOnlyTheCasesTheReaderMayOpen() {
        ServiceCase own = testCases.file(TestCases.newPhone(), "municipal", "人行道地砖松动，容易绊倒", "坂田街道日登记路");
        ServiceCase other = testCases.file(TestCases.newPhone(), "environment", "河道漂浮垃圾很多", "坂田街道日登记路");
        java.time.LocalDate day = java.time.LocalDate.ofInstant(own.getCreatedAt(), labels.zone());
        java.util.function.Function<org.minhu.cases.Staff, List<Object>> numbers = who ->
                reports.daily(day, who).rows().stream().map(row -> row.get(0)).toList();

        assertThat(numbers.apply(new org.minhu.cases.Staff("handler", org.minhu.security.Role.HANDLER,
                TestCases.MUNICIPAL_UNIT, false))).contains(own.getNumber()).doesNotContain(other.getNumber());
        assertThat(numbers.apply(new org.minhu.cases.Staff("supervisor", org.minhu.security.Role.SUPERVISOR, null, false)))
                .contains(own.getNumber(), other.getNumber());
    }

    @Test
    void anAssistingUnitListsExactlyTheCasesItMayOpen() {
        ServiceCase assisted = testCases.file(TestCases.newPhone(), "environment", "垃圾清运不及时，异味大", "坂田街道岗头村东");
        ServiceCase lookalike = testCases.file(TestCases.newPhone(), "environment", "工地扬尘严重", "坂田街道岗头村东");
        assertThat(assisted.getUnit()).isEqualTo(TestCases.ENVIRONMENT_UNIT);
        assisting(assisted, "五和社区工作站," + TestCases.MUNICIPAL_UNIT);
        // another unit whose name contains the handler's unit's name is another unit
        assisting(lookalike, "前海" + TestCases.MUNICIPAL_UNIT);
        ConsoleSession handler = ConsoleSession.signIn("handler");

        String inbox = handler.bare().get("/console?q=" + "坂田街道岗头村东").asString();
        assertThat(inbox).contains(assisted.getNumber()).doesNotContain(lookalike.getNumber());
        assertThat(handler.bare().get("/console/cases/" + assisted.getNumber()).statusCode()).isEqualTo(200);
        assertThat(handler.bare().get("/console/cases/" + lookalike.getNumber()).statusCode()).isEqualTo(403);
    }

    private static void assisting(ServiceCase c, String units) {
        QuarkusTransaction.requiringNew().run(() -> io.quarkus.hibernate.orm.panache.Panache.getEntityManager()
                .createNativeQuery("update service_case set assisting_units = ?1 where id = ?2")
                .setParameter(1, units).setParameter(2, c.getId()).executeUpdate());
    }

    @Test
    void aHandlerSeesTheirOwnUnitsCasesAndGets403ForAnotherUnits() {
        ServiceCase own = testCases.file(TestCases.newPhone(), "municipal", "井盖缺失，很危险", "坂田街道雅宝路");
        ServiceCase other = testCases.file(TestCases.newPhone(), "environment", "夜间施工噪音扰民", "坂田街道岗头村");
        assertThat(own.getUnit()).isEqualTo(TestCases.MUNICIPAL_UNIT);
        assertThat(other.getUnit()).isEqualTo(TestCases.ENVIRONMENT_UNIT);
        ConsoleSession handler = ConsoleSession.signIn("handler");

        assertThat(handler.bare().get("/console/cases/" + own.getNumber()).statusCode()).isEqualTo(200);
        assertThat(handler.bare().get("/console/cases/" + other.getNumber()).statusCode()).isEqualTo(403);
        assertThat(handler.form().formParam("text", "看看").post("/console/cases/" + other.getNumber() + "/note")
                .statusCode()).isEqualTo(403);
        assertThat(handler.form().post("/console/cases/" + other.getNumber() + "/accept").statusCode()).isEqualTo(403);
        assertThat(history(other.getNumber())).extracting(CaseEvent::getKind)
                .doesNotContain(CaseEvent.Kind.NOTE, CaseEvent.Kind.ACCEPTED);

        String inbox = handler.bare().get("/console?q=" + "坂田街道").asString();
        assertThat(inbox).contains(own.getNumber()).doesNotContain(other.getNumber());
        assertThat(handler.bare().get("/console/dashboard").statusCode()).isEqualTo(403);
        assertThat(handler.bare().get("/console/chats").statusCode()).isEqualTo(403);

        ConsoleSession supervisor = ConsoleSession.signIn("supervisor");
        assertThat(supervisor.bare().get("/console/cases/" + other.getNumber()).statusCode()).isEqualTo(200);
    }

    @Test
    void anActionNoDescriptionNamesIsNotFoundOnEitherChannel() {
        ServiceCase c = testCases.file(TestCases.newPhone(), "municipal", "路灯不亮，晚上很黑", "坂田街道五和大道");
        ConsoleSession operator = ConsoleSession.signIn("operator");
        assertThat(operator.form().formParam("text", "x").post("/console/cases/" + c.getNumber() + "/explode").statusCode())
                .isEqualTo(404);
        // the console's slug is not the API's path, nor the other way round
        assertThat(operator.form().post("/console/cases/" + c.getNumber() + "/notes").statusCode()).isEqualTo(404);
        assertThat(given().auth().preemptive().basic("operator", org.minhu.security.DemoAccounts.PASSWORD)
                .contentType("application/json").body("{\"reason\": \"x\"}")
                .post("/api/cases/" + c.getNumber() + "/note").statusCode()).isEqualTo(404);
        assertThat(history(c.getNumber())).extracting(CaseEvent::getKind).doesNotContain(CaseEvent.Kind.NOTE);
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() {
        ServiceCase c = testCases.file(TestCases.newPhone(), "municipal", "路面坑洼", "坂田街道稼先路");
        ConsoleSession operator = ConsoleSession.signIn("operator");
        String note = "/console/cases/" + c.getNumber() + "/note";

        Response missing = operator.bare().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("text", "没有令牌").post(note);
        assertThat(missing.statusCode()).isEqualTo(403);
        Response wrong = operator.bare().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam(CsrfFilter.FIELD, "A".repeat(43)).formParam("text", "令牌不对").post(note);
        assertThat(wrong.statusCode()).isEqualTo(403);
        Response noCookie = given().redirects().follow(false).cookie(ConsoleSession.SESSION_COOKIE, operator.session())
                .cookie(org.minhu.security.SessionSeal.COOKIE, operator.version())
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam(CsrfFilter.FIELD, operator.csrf())
                .formParam("text", "没有 cookie").post(note);
        assertThat(noCookie.statusCode()).isEqualTo(403);
        assertThat(history(c.getNumber())).extracting(CaseEvent::getKind).doesNotContain(CaseEvent.Kind.NOTE);

        Response ok = operator.form().formParam("text", "已电话联系居民").post(note);
        assertThat(ok.statusCode()).isEqualTo(303);
        Response byHeader = operator.bare().header(CsrfFilter.HEADER, operator.csrf())
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("text", "htmx 带请求头").post(note);
        assertThat(byHeader.statusCode()).isEqualTo(303);
        assertThat(history(c.getNumber())).filteredOn(e -> e.getKind() == CaseEvent.Kind.NOTE)
                .extracting(CaseEvent::getNote).containsExactly("已电话联系居民", "htmx 带请求头");
    }

    @Test
    void aReplyReachesThePhoneAndIsKeptInTheCasesHistory() {
        String phone = TestCases.newPhone();
        MockCarrier.text(phone, "你好");
        int before = MockCarrier.awaitBotMessages(phone, 1, Duration.ofSeconds(15)).size();
        ServiceCase c = testCases.file(phone, "municipal", "井盖松动，车过有响声", "坂田街道雪岗路");
        ConsoleSession operator = ConsoleSession.signIn("operator");

        Response sent = operator.form().formParam("text", "已通知养护单位今天下午到场").post("/console/cases/" + c.getNumber() + "/reply");
        assertThat(sent.statusCode()).isEqualTo(303);
        assertThat(MockCarrier.awaitBotMessages(phone, before + 1, Duration.ofSeconds(15)))
                .anySatisfy(m -> assertThat((String) m.get("text")).contains("已通知养护单位今天下午到场"));
        assertThat(history(c.getNumber())).filteredOn(e -> e.getKind() == CaseEvent.Kind.REPLIED)
                .extracting(CaseEvent::getActor, CaseEvent::getNote)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("operator", "已通知养护单位今天下午到场"));

        ServiceCase noPhone = testCases.file(TestCases.newPhone(), "municipal", "没有发过消息的居民", "坂田街道");
        Response refused = operator.form().formParam("text", "您好").post("/console/cases/" + noPhone.getNumber() + "/reply");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(history(noPhone.getNumber())).extracting(CaseEvent::getKind).doesNotContain(CaseEvent.Kind.REPLIED);
    }

    @Test
    void anOperatorMarksADuplicateAndItsResidentFollowsTheMainCase() {
        ServiceCase main = testCases.file(TestCases.newPhone(), "municipal", "桥下积水，车辆无法通行", "坂田街道岗头路");
        ServiceCase duplicate = testCases.file(TestCases.newPhone(), "municipal", "岗头路桥洞又积水了", "坂田街道岗头路桥");
        ServiceCase otherKind = testCases.file(TestCases.newPhone(), "property", "电梯坏了", "坂田街道某小区");
        ConsoleSession operator = ConsoleSession.signIn("operator");
        String page = operator.bare().get("/console/cases/" + duplicate.getNumber()).asString();
        assertThat(page).contains("标记为重复件");

        Response linked = operator.form().formParam("parent", main.getNumber()).post("/console/cases/" + duplicate.getNumber() + "/link");
        assertThat(linked.statusCode()).isEqualTo(303);
        assertThat(testCases.reload(duplicate.getNumber()).getLinkedTo()).isEqualTo(main.getNumber());
        assertThat(history(duplicate.getNumber())).extracting(CaseEvent::getKind).contains(CaseEvent.Kind.LINKED);
        assertThat(operator.bare().get("/console/cases/" + duplicate.getNumber()).asString())
                .contains("关联主诉求", "/console/cases/" + main.getNumber()).doesNotContain("标记为重复件");

        Response refused = operator.form().formParam("parent", main.getNumber()).post("/console/cases/" + otherKind.getNumber() + "/link");
        assertThat(refused.statusCode()).as("another category is not the same matter").isEqualTo(409);
        assertThat(testCases.reload(otherKind.getNumber()).getLinkedTo()).isNull();
        ServiceCase inHandlersUnit = testCases.file(TestCases.newPhone(), "municipal", "岗头路桥洞积水", "坂田街道岗头路");
        ConsoleSession handler = ConsoleSession.signIn("handler");
        assertThat(handler.bare().get("/console/cases/" + inHandlersUnit.getNumber()).asString())
                .as("the handler sees the case").contains(inHandlersUnit.getNumber()).doesNotContain("标记为重复件");
        Response byHandler = handler.form().formParam("parent", main.getNumber())
                .post("/console/cases/" + inHandlersUnit.getNumber() + "/link");
        assertThat(byHandler.statusCode()).as("handlers do not dispatch").isEqualTo(403);
        assertThat(testCases.reload(inHandlersUnit.getNumber()).getLinkedTo()).isNull();
    }

    @Test
    void whatAResidentSentIsShownAsTextNeverRun() {
        String phone = TestCases.newPhone();
        String attack = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        MockCarrier.text(phone, attack);
        assertThat(MockCarrier.awaitBotMessages(phone, 1, Duration.ofSeconds(15))).as("the bot answered").isNotEmpty();
        ServiceCase c = testCases.file(phone, "municipal", "路灯坏了 " + attack, "<b>坂田</b>街道");
        ConsoleSession supervisor = ConsoleSession.signIn("supervisor");

        String page = supervisor.bare().get("/console/cases/" + c.getNumber()).asString();
        assertThat(page).doesNotContain("<script>alert", "<img src=x", "<b>坂田</b>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;");
        String inbox = supervisor.bare().get("/console?q=" + c.getNumber()).asString();
        assertThat(inbox).contains(c.getNumber()).doesNotContain("<script>alert", "<img src=x");
        assertThat(supervisor.bare().get("/console/cases/" + c.getNumber()).header("Content-Security-Policy"))
                .contains("script-src 'self'");
    }

    @Test
    void phoneNumbersAreMaskedForRolesThatDoNotCallResidents() {
        ServiceCase c = testCases.file("tel:+8613812348000", "municipal", "人行道护栏损坏", "坂田街道环城南路");
        String handler = ConsoleSession.signIn("handler").bare().get("/console/cases/" + c.getNumber()).asString();
        assertThat(handler).contains("138****8000").doesNotContain("13812348000");
        String operator = ConsoleSession.signIn("operator").bare().get("/console/cases/" + c.getNumber()).asString();
        assertThat(operator).contains("13812348000");
    }

    @Test
    void photosAreServedOnlyToStaffWhoMaySeeTheCaseAndNeverFromOutsideTheMediaFolder() throws Exception {
        java.nio.file.Path folder = java.nio.file.Path.of("target", "test-data", "media", "console-test");
        java.nio.file.Files.createDirectories(folder);
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};
        java.nio.file.Files.write(folder.resolve("lamp.jpg"), jpeg);
        ServiceCase c = testCases.file(TestCases.newPhone(), "environment", "垃圾堆放", "坂田街道", "console-test/lamp.jpg");
        ServiceCase sneaky = testCases.file(TestCases.newPhone(), "municipal", "路灯", "坂田街道", "../../../pom.xml");

        Response photo = ConsoleSession.signIn("handler-env").bare().get("/console/cases/" + c.getNumber() + "/photo");
        assertThat(photo.statusCode()).isEqualTo(200);
        assertThat(photo.contentType()).startsWith("image/jpeg");
        assertThat(photo.asByteArray()).isEqualTo(jpeg);
        assertThat(ConsoleSession.signIn("handler").bare().get("/console/cases/" + c.getNumber() + "/photo")
                .statusCode()).isEqualTo(403);
        assertThat(ConsoleSession.signIn("supervisor").bare().get("/console/cases/" + sneaky.getNumber() + "/photo")
                .statusCode()).isEqualTo(404);
    }

    @Test
    void theEchoWallIsPublicAndNamesNobody() {
        testCases.file("tel:+8613812349999", "municipal", "我是张三，家住12栋，路灯坏了", "坂田街道五和社区12栋3单元501");
        Response wall = given().get("/echo-wall");
        assertThat(wall.statusCode()).isEqualTo(200);
        assertThat(wall.asString()).contains("回音壁", "市政设施", "第五园社区")
                .doesNotContain("13812349999", "张三", "12栋", "3单元");
    }
}
