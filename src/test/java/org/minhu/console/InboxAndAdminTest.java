package org.minhu.console;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.minhu.testing.MockCarrierResource;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The inbox pages with a keyset cursor, and the admin's accounts and canned replies. */
@QuarkusTest
@QuarkusTestResource(MockCarrierResource.class)
class InboxAndAdminTest {

    private static final Pattern NUMBER = Pattern.compile("/console/cases/(MH-\\d{8}-\\d{4,6})\"");
    private static final Pattern NEXT = Pattern.compile("hx-get=\"/console/inbox/rows\\?([^\"]*after=[0-9.]+)\" hx-target=\"#rows\">下一页");

    @Inject
    TestCases testCases;

    private static Set<String> numbers(String html) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = NUMBER.matcher(html);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void theInboxPagesNewestFirstWithACursorAndMissesNothing() {
        String tag = "翻页" + UUID.randomUUID().toString().substring(0, 8);
        List<String> filed = new ArrayList<>();
        for (int i = 0; i < Inbox.PAGE + 5; i++) {
            filed.add(testCases.file(TestCases.newPhone(), "property", "电梯故障 " + tag + " 第" + i + "件", "坂田街道").getNumber());
        }
        ConsoleSession supervisor = ConsoleSession.signIn("supervisor");

        String first = supervisor.bare().queryParam("q", tag).get("/console/inbox/rows").asString();
        Set<String> page1 = numbers(first);
        assertThat(page1).hasSize(Inbox.PAGE);
        assertThat(first).contains("全部 <b>" + (Inbox.PAGE + 5) + "</b>");
        Matcher next = NEXT.matcher(first);
        assertThat(next.find()).as("a link to the next page").isTrue();
        String second = supervisor.bare().urlEncodingEnabled(false).get("/console/inbox/rows?" + next.group(1).replace("&amp;", "&")).asString();
        Set<String> page2 = numbers(second);
        assertThat(page2).hasSize(5).doesNotContainAnyElementsOf(page1);
        assertThat(NEXT.matcher(second).find()).as("no page after the last").isFalse();

        List<String> shown = new ArrayList<>(page1);
        shown.addAll(page2);
        List<String> newestFirst = new ArrayList<>(filed);
        java.util.Collections.reverse(newestFirst);
        assertThat(shown).containsExactlyElementsOf(newestFirst);
    }

    @Test
    void anAdminManagesAccountsAndOnlyAnAdminMay() {
        ConsoleSession admin = ConsoleSession.signIn("admin");
        String username = "zhao" + (System.nanoTime() % 100_000);
        Response created = admin.form().formParam("username", username).formParam("password", "long-enough-1")
                .formParam("role", "handler").formParam("unit", TestCases.ENVIRONMENT_UNIT)
                .formParam("displayName", "执法队 赵六").post("/console/admin/users");
        assertThat(created.statusCode()).isEqualTo(303);
        ConsoleSession fresh = ConsoleSession.signIn(username, "long-enough-1");
        assertThat(fresh.bare().get("/console").asString()).contains("执法队 赵六", TestCases.ENVIRONMENT_UNIT);

        Response tooShort = admin.form().formParam("username", username + "x").formParam("password", "short")
                .formParam("role", "operator").post("/console/admin/users");
        assertThat(tooShort.statusCode()).isEqualTo(400);

        assertThat(admin.form().formParam("active", "false").post("/console/admin/users/" + username + "/active")
                .statusCode()).isEqualTo(303);
        Response refused = org.minhu.console.ConsoleSession.postSignIn(username, "long-enough-1");
        assertThat(refused.header("Location")).contains("error=true");
        assertThat(fresh.bare().get("/console").statusCode()).as("a deactivated account's session ends").isEqualTo(302);

        assertThat(ConsoleSession.signIn("supervisor").bare().get("/console/admin").statusCode()).isEqualTo(403);
        assertThat(ConsoleSession.signIn("operator").form().formParam("username", "intruder")
                .formParam("password", "long-enough-1").formParam("role", "admin").post("/console/admin/users")
                .statusCode()).isEqualTo(403);
    }

    @Test
    void cannedRepliesAreCheckedAgainstThePlatformsLimitsWhenSaved() {
        ConsoleSession admin = ConsoleSession.signIn("admin");
        assertThat(admin.form().formParam("title", "上门时间").formParam("text", "请选择上门时间")
                .formParam("chips", "周一\n周二\n周三\n周四\n周五").post("/console/admin/canned").statusCode()).isEqualTo(400);
        assertThat(admin.form().formParam("title", "已转交").formParam("text", "您的诉求已转交相关部门。")
                .formParam("chips", "好的\n还有问题").post("/console/admin/canned").statusCode()).isEqualTo(303);
        assertThat(admin.bare().get("/console/admin").asString()).contains("您的诉求已转交相关部门。");
    }
}
