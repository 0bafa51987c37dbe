package org.minhu.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.minhu.cases.CaseLifecycle;
import org.minhu.cases.CaseService;
import org.minhu.cases.NewCase;
import org.minhu.cases.ServiceCase;
import org.minhu.console.ConsoleSession;
import org.minhu.console.TestCases;
import org.minhu.testing.MockCarrier;
import org.minhu.testing.MockCarrierResource;
import org.minhu.testing.Phone;
import org.minhu.testing.Settled;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.minhu.testing.Phone.all;

/**
 * What residents, the public and other staff receive (issue 13, items 2, 4, 5 and the resolve
 * photo of 7): staff notes and reasons never reach a resident's phone; the echo wall shows neither
 * the resident's words nor the staff's note, only the answer written for the public; the case API
 * reads through the same unit rule as the console and masks numbers as the console does.
 */
@QuarkusTest
@QuarkusTestResource(MockCarrierResource.class)
class NothingLeaksTest {

    private static final List<String> INTERNAL = List.of("内部备注：居民情绪激动", "退单理由：非本单位职责",
            "延期理由：等待配件到货", "转办理由：属环卫范围", "重开理由：督办发现未整改", "驳回理由：材料不全");

    @Inject
    CaseService cases;

    @Inject
    CaseLifecycle lifecycle;

    @Inject
    TestCases testCases;

    private static int next = (int) (System.nanoTime() % 9000);

    private static Phone phone() {
        return new Phone(String.format("tel:+86139%08d", 10_000_000 + next++));
    }

    @Test
    void notesReasonsAndEscalationsNeverReachTheResidentsPhone() {
        Phone phone = phone();
        phone.send("你好");
        ServiceCase c = QuarkusTransaction.requiringNew().call(() -> cases.file(new NewCase(phone.number(), "municipal",
                "路灯不亮", null, null, "北门", null, "test", 1)));
        String n = c.getNumber();
        ConsoleSession supervisor = ConsoleSession.signIn("supervisor");
        String base = "/console/cases/" + n;
        assertThat(supervisor.form().formParam("text", INTERNAL.get(0)).post(base + "/note").statusCode()).isEqualTo(303);
        assertThat(supervisor.form().formParam("reason", INTERNAL.get(1)).post(base + "/return").statusCode()).isEqualTo(303);
        assertThat(supervisor.form().formParam("unit", TestCases.MUNICIPAL_UNIT).formParam("note", "派单备注：先查台账")
                .post(base + "/dispatch").statusCode()).isEqualTo(303);
        assertThat(supervisor.form().formParam("until", "2099-01-01T00:00").formParam("reason", INTERNAL.get(2))
                .post(base + "/extend").statusCode()).isEqualTo(303);
        assertThat(supervisor.form().formParam("reason", INTERNAL.get(5)).post(base + "/reject-extension").statusCode()).isEqualTo(303);
        assertThat(supervisor.form().formParam("unit", TestCases.ENVIRONMENT_UNIT).formParam("reason", INTERNAL.get(3))
                .post(base + "/transfer").statusCode()).isEqualTo(303);
        assertThat(supervisor.form().post(base + "/accept").statusCode()).isEqualTo(303);
        assertThat(supervisor.form().formParam("whatWasDone", "办理情况：联系人刘先生 13912345678")
                .formParam("publicReply", "路灯已修复，感谢您的反映").post(base + "/resolve").statusCode()).isEqualTo(303);
        assertThat(supervisor.form().formParam("reason", INTERNAL.get(4)).post(base + "/reopen").statusCode()).isEqualTo(303);
        Settled.await(phone.number());

        phone.send("菜单");
        phone.tap("我的诉求");
        String detail = all(phone.tap(n));
        assertThat(detail).contains(n, "已派单", "已转办", "重新办理", "路灯已修复，感谢您的反映");
        String everything = String.join("\n", MockCarrier.botMessages(phone.number()).stream()
                .map(m -> String.valueOf(m.get("text")) + " " + m.get("payload")).toList());
        assertThat(everything).as("every card and answer the phone received")
                .contains("路灯已修复，感谢您的反映")
                .doesNotContain(INTERNAL.toArray(String[]::new))
                .doesNotContain("派单备注", "刘先生", "13912345678");
    }

    @Test
    void theEchoWallShowsTheAreaFromReferenceDataAndTheAnswerForThePublicOnly() {
        ServiceCase c = QuarkusTransaction.requiringNew().call(() -> cases.file(new NewCase(TestCases.newPhone(), "municipal",
                "楼下路灯坏了好几天", 35.0, 105.0, "老王家楼下小卖部旁边", null, "test", 1)));
        assertThat(c.getUnits().getGrid()).as("outside every grid").isNull();
        ConsoleSession supervisor = ConsoleSession.signIn("supervisor");
        String base = "/console/cases/" + c.getNumber();
        assertThat(supervisor.form().post(base + "/accept").statusCode()).isEqualTo(303);
        assertThat(supervisor.form().formParam("whatWasDone", "联系人刘先生 13912345678 住3栋502，已上门更换灯具")
                .formParam("publicReply", "已更换损坏的路灯灯具").post(base + "/resolve").statusCode()).isEqualTo(303);

        String wall = given().get("/echo-wall").asString();
        assertThat(wall).contains("已更换损坏的路灯灯具", "辖区内")
                .doesNotContain("老王家", "小卖部", "刘先生", "3栋502", "上门更换灯具", "楼下路灯坏了好几天");
    }

    @Test
    void theCaseApiReadsOnlyWhatTheUnitMaySeeAndMasksNumbersLikeTheConsole() {
        String phone = TestCases.newPhone();
        ServiceCase c = testCases.file(phone, "municipal", "井盖缺失", "坂田街道雅宝路");
        String full = phone.substring("tel:+86".length());
        String masked = full.substring(0, 3) + "****" + full.substring(7);

        Response otherUnit = given().auth().preemptive().basic("handler-env", DemoAccounts.PASSWORD)
                .get("/api/cases/" + c.getNumber());
        assertThat(otherUnit.statusCode()).isEqualTo(403);
        assertThat(given().auth().preemptive().basic("handler-env", DemoAccounts.PASSWORD)
                .get("/api/cases/" + c.getNumber() + "/history").statusCode()).isEqualTo(403);
        for (String user : List.of("handler", "supervisor", "admin")) {
            String history = given().auth().preemptive().basic(user, DemoAccounts.PASSWORD)
                    .get("/api/cases/" + c.getNumber() + "/history").then().statusCode(200).extract().asString();
            assertThat(history).as(user).contains(masked).doesNotContain(full);
        }
        String byOperator = given().auth().preemptive().basic("operator", DemoAccounts.PASSWORD)
                .get("/api/cases/" + c.getNumber() + "/history").then().statusCode(200).extract().asString();
        assertThat(byOperator).as("operators call residents back").contains(full);
    }

    @Test
    void aResolutionThroughTheApiCannotPointAtAStoredFile() {
        ServiceCase c = testCases.file(TestCases.newPhone(), "municipal", "路面坑洼", "坂田街道稼先路");
        given().auth().preemptive().basic("handler", DemoAccounts.PASSWORD).contentType("application/json").post("/api/cases/" + c.getNumber() + "/accept")
                .then().statusCode(200);
        given().auth().preemptive().basic("handler", DemoAccounts.PASSWORD).contentType("application/json")
                .body(Map.of("whatWasDone", "已修补", "photoPath", "../../minhu.mv.db"))
                .post("/api/cases/" + c.getNumber() + "/resolve").then().statusCode(200);
        assertThat(testCases.reload(c.getNumber()).getResolution().getPhoto()).isNull();
    }

    @Test
    void aHandlersCasePageShowsOnlyTheConversationOfThatCase() {
        Phone phone = phone();
        // the first case filed through the conversation, as residents do (problem first, four turns)
        assertThat(all(phone.send("路口的井盖缺失很危险，联系人电话 13900001111"))).contains("是市政设施吗？");
        phone.tap("是");
        phone.share(31.5, 101.5, "雅宝路口");
        String created = all(phone.tap("确认提交"));
        ServiceCase municipal = QuarkusTransaction.requiringNew().call(() -> cases.forResident(phone.number(), 10)).get(0);
        assertThat(created).contains(municipal.getNumber());
        phone.send("另一件事：垃圾没人清运，在幸福里三栋");
        ServiceCase environment = testCases.file(phone.number(), "environment", "垃圾清运不及时", "坂田街道岗头村");
        assertThat(municipal.getUnit()).isEqualTo(TestCases.MUNICIPAL_UNIT);
        assertThat(environment.getUnit()).isEqualTo(TestCases.ENVIRONMENT_UNIT);

        String first = ConsoleSession.signIn("handler").bare().get("/console/cases/" + municipal.getNumber()).asString();
        assertThat(first).contains("联系人电话 13900001111").doesNotContain("垃圾没人清运");
        ConsoleSession other = ConsoleSession.signIn("handler-env");
        String second = other.bare().get("/console/cases/" + environment.getNumber()).asString();
        assertThat(second).contains("垃圾没人清运").doesNotContain("13900001111", "井盖缺失很危险");
        assertThat(other.bare().get("/console/cases/" + environment.getNumber() + "/conversation").asString())
                .contains("垃圾没人清运").doesNotContain("13900001111");
    }
}
