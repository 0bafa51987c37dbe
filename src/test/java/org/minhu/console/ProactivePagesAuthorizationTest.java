package org.minhu.console;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.minhu.proactive.notice.NoticeRepository;
import org.minhu.proactive.notice.Notices;
import org.minhu.testing.MockCarrierResource;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hot-spot and notice pages over plain HTTP: only supervisors and admins see them or act on
 * them, and a refusal from the services comes back as a page that says what is wrong, with its
 * status, never as a stack trace.
 */
@QuarkusTest
@QuarkusTestResource(MockCarrierResource.class)
class ProactivePagesAuthorizationTest {

    private static final List<String> PAGES = List.of("/console/hotspots", "/console/notices", "/console/notices/new");

    @Inject
    Notices notices;

    @Inject
    NoticeRepository noticeRows;

    private long noticeCount() {
        return QuarkusTransaction.requiringNew().call(() -> noticeRows.count());
    }

    private static Response composeTo(ConsoleSession staff, String phones) {
        return staff.form().formParam("title", "停水通知").formParam("text", "明天 9:00 至 12:00 停水，请提前储水。")
                .formParam("audience", "list").formParam("phones", phones).post("/console/notices");
    }

    @Test
    void operatorsAndHandlersGet403AndChangeNothing() {
        long before = noticeCount();
        for (String username : List.of("operator", "handler")) {
            ConsoleSession staff = ConsoleSession.signIn(username);
            for (String page : PAGES) {
                assertThat(staff.bare().get(page).statusCode()).as(username + " " + page).isEqualTo(403);
            }
            assertThat(composeTo(staff, "13800138000").statusCode()).as(username + " composing").isEqualTo(403);
            assertThat(staff.form().post("/console/hotspots/1/merge").statusCode()).as(username + " merging").isEqualTo(403);
            assertThat(staff.bare().get("/console").asString()).as(username + "'s nav")
                    .doesNotContain("/console/hotspots", "/console/notices");
        }
        assertThat(noticeCount()).as("no notice was created").isEqualTo(before);

        for (String page : PAGES) {
            Response anonymous = given().redirects().follow(false).get(page);
            assertThat(anonymous.statusCode()).as(page).isEqualTo(302);
            assertThat(anonymous.header("Location")).endsWith("/console/login");
        }
        for (String username : List.of("supervisor", "admin")) {
            ConsoleSession staff = ConsoleSession.signIn(username);
            for (String page : PAGES) {
                assertThat(staff.bare().get(page).statusCode()).as(username + " " + page).isEqualTo(200);
            }
            assertThat(staff.bare().get("/console").asString()).contains("热点预警", "群发通知");
        }
    }

    @Test
    void refusalsComeBackAsAPageThatSaysWhatIsWrong() {
        ConsoleSession supervisor = ConsoleSession.signIn("supervisor");

        Response badPhone = composeTo(supervisor, "13800138000\n12345");
        assertThat(badPhone.statusCode()).isEqualTo(400);
        assertThat(badPhone.contentType()).startsWith("text/html");
        assertThat(badPhone.asString()).contains("第 2 个手机号", "12345", "停水通知").doesNotContain("Exception", "at org.");

        Response created = composeTo(supervisor, "13800138000");
        assertThat(created.statusCode()).isEqualTo(303);
        String notice = created.header("Location").replaceAll(".*/console/notices/(\\d+).*", "$1");

        Response pause = supervisor.form().post("/console/notices/" + notice + "/pause");
        assertThat(pause.statusCode()).as("a draft cannot be paused").isEqualTo(409);
        assertThat(pause.contentType()).startsWith("text/html");
        assertThat(pause.asString()).contains("当前状态不允许此操作", "停水通知", "草稿").doesNotContain("Exception", "at org.");

        Response cancel = supervisor.form().post("/console/notices/" + notice + "/cancel");
        assertThat(cancel.statusCode()).isEqualTo(303);
        Response again = supervisor.form().post("/console/notices/" + notice + "/cancel");
        assertThat(again.statusCode()).as("cancelled twice").isEqualTo(409);
        assertThat(again.asString()).contains("当前状态不允许此操作", "已取消");

        Response merge = supervisor.form().post("/console/hotspots/999999/merge");
        assertThat(merge.statusCode()).isEqualTo(404);
        assertThat(merge.asString()).contains("找不到").doesNotContain("Exception");
    }
}
