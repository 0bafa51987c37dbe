package org.minhu.console;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.minhu.cases.ServiceCase;
import org.minhu.testing.MockCarrierResource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * People on cases in Chromium: a handler takes an unassigned case of their unit (我来办), the unit's
 * head assigns another to a colleague, the colleague passes it back; the inbox's 我的诉求 and
 * 本单位未分派 tabs hold the right cases; the history names people; another unit cannot assign.
 */
@QuarkusTest
@QuarkusTestResource(MockCarrierResource.class)
class AssigneeBrowserTest extends BrowserTestBase {

    @Inject
    TestCases testCases;

    private static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    private void openView(Page page, String tab) {
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("视图"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(tab).setExact(true)).click();
        assertThat(page.locator("nav.views a.active")).hasText(tab);
    }

    private static Locator row(Page page, ServiceCase c) {
        return page.locator("table.inbox tr", new Page.LocatorOptions().setHas(page.getByText(c.getNumber(), new Page.GetByTextOptions().setExact(true))));
    }

    @Test
    void aHandlerTakesACaseTheHeadAssignsAnotherAndTheColleaguePassesItBack() {
        ServiceCase lamp = testCases.file(TestCases.newPhone(), "municipal", "路灯不亮，晚上很黑", "坂田街道五和大道");
        ServiceCase road = testCases.file(TestCases.newPhone(), "municipal", "人行道砖块松动", "坂田街道雪岗路");
        assertThat(lamp.getUnit()).isEqualTo(TestCases.MUNICIPAL_UNIT);

        // 李强 finds both among his unit's unassigned cases and takes the first
        Page li = signIn("handler");
        openView(li, "本单位未分派");
        assertThat(row(li, lamp)).isVisible();
        assertThat(row(li, road)).isVisible();
        li.getByRole(AriaRole.LINK, named(lamp.getNumber())).click();
        assertThat(li.locator("dd.assignee")).hasText("尚未分派");
        li.getByRole(AriaRole.BUTTON, named("我来办")).click();
        assertThat(li.locator(".flash.ok")).hasText("您已是这件诉求的承办人");
        assertThat(li.locator("dd.assignee")).containsText("城建办 李强");
        assertThat(li.locator("dd.assignee")).containsText("0755-8900 1201");
        assertThat(li.locator(".history")).containsText("城建办 李强 认领承办");
        assertThat(li.locator(".history")).not().containsText("handler");
        assertThat(li.getByRole(AriaRole.BUTTON, named("我来办"))).hasCount(0);

        li.navigate(url("/console"));
        openView(li, "我的诉求");
        assertThat(row(li, lamp)).isVisible();
        assertThat(row(li, lamp).locator("td.assignee")).hasText("城建办 李强");
        assertThat(row(li, road)).hasCount(0);
        openView(li, "本单位未分派");
        assertThat(row(li, road)).isVisible();
        assertThat(row(li, lamp)).hasCount(0);

        // the unit's head hands the other to 王磊; 李强, not the head, is offered no such form on it
        Page head = signIn("head");
        head.navigate(url("/console/cases/" + road.getNumber()));
        head.getByLabel("分派给").selectOption("handler-2");
        head.getByLabel("分派说明").fill("你熟悉雪岗路");
        head.getByRole(AriaRole.BUTTON, named("分派")).click();
        assertThat(head.locator(".flash.ok")).hasText("已分派承办人");
        assertThat(head.locator("dd.assignee")).containsText("城建办 王磊");
        assertThat(head.locator(".history")).containsText("分派给 城建办 王磊：你熟悉雪岗路");
        assertThat(head.locator(".history")).containsText("城建办主任 黄涛");

        li.navigate(url("/console/cases/" + road.getNumber()));
        assertThat(li.locator("dd.assignee")).containsText("城建办 王磊");
        assertThat(li.getByLabel("分派给")).hasCount(0);
        assertThat(li.getByLabel("转交给")).hasCount(0);
        assertThat(li.getByRole(AriaRole.BUTTON, named("签收"))).hasCount(0);

        // 王磊 sees it as his, and passes it back to 李强
        Page wang = signIn("handler-2");
        openView(wang, "我的诉求");
        assertThat(row(wang, road)).isVisible();
        assertThat(row(wang, lamp)).hasCount(0);
        wang.getByRole(AriaRole.LINK, named(road.getNumber())).click();
        wang.getByLabel("转交给").selectOption("handler");
        wang.getByRole(AriaRole.BUTTON, named("转交")).click();
        assertThat(wang.locator(".flash.ok")).hasText("已转交同事");
        assertThat(wang.locator("dd.assignee")).containsText("城建办 李强");
        assertThat(wang.locator(".history")).containsText("城建办 王磊 转交给 城建办 李强");

        li.navigate(url("/console?view=mine"));
        assertThat(row(li, lamp)).isVisible();
        assertThat(row(li, road)).isVisible();
        assertThat(row(li, road).locator("td.assignee")).hasText("城建办 李强");
        screenshot(li, "inbox-mine");
    }

    @Test
    void someoneOfAnotherUnitCannotAssignNorTake() {
        ServiceCase c = testCases.file(TestCases.newPhone(), "municipal", "井盖缺失", "坂田街道五和大道");
        ConsoleSession other = ConsoleSession.signIn("handler-env");
        assertThat(other.form().formParam("assignee", "handler-2").post("/console/cases/" + c.getNumber() + "/assign")
                .statusCode()).isEqualTo(403);
        assertThat(other.form().post("/console/cases/" + c.getNumber() + "/take").statusCode()).isEqualTo(403);
        assertThat(testCases.reload(c.getNumber()).getOwner()).isNull();

        // nor can a unit's head hand a case to someone outside the unit: a clear refusal on the page
        Page head = signIn("head");
        head.navigate(url("/console/cases/" + c.getNumber()));
        assertThat(head.getByLabel("分派给").locator("option", new Locator.LocatorOptions().setHasText("执法队 陈静")))
                .hasCount(0);
        assertThat(ConsoleSession.signIn("head").form().formParam("assignee", "handler-env")
                .post("/console/cases/" + c.getNumber() + "/assign").asString()).contains("承办人须是本单位在岗的承办人员");
        assertThat(testCases.reload(c.getNumber()).getOwner()).isNull();
    }
}
