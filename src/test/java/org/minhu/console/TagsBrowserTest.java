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

/**
 * Labels (标签) in Chromium: an admin makes one (and renames and recolours it), a member of staff
 * puts it on two cases at once from the inbox, counts and filters by it there, and takes it off one
 * case on its page.
 */
@QuarkusTest
@QuarkusTestResource(MockCarrierResource.class)
class TagsBrowserTest extends BrowserTestBase {

    @Inject
    TestCases testCases;

    private static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    private static Locator row(Page page, ServiceCase c) {
        return page.locator("table.inbox tbody tr", new Page.LocatorOptions()
                .setHas(page.getByText(c.getNumber(), new Page.GetByTextOptions().setExact(true))));
    }

    @Test
    void anAdminMakesALabelStaffPutItOnTwoCasesFromTheInboxAndFilterByIt() {
        Page admin = signIn("admin");
        admin.navigate(url("/console/admin"));
        admin.getByLabel("新标签名称").fill("路灯");
        admin.getByLabel("新标签颜色").fill("#1f6feb");
        admin.getByRole(AriaRole.BUTTON, named("添加标签")).click();
        assertThat(admin.locator(".flash.ok")).hasText("已保存");
        // renamed and recoloured
        admin.getByLabel("标签 路灯 的名称").fill("路灯故障");
        admin.getByLabel("标签 路灯 的颜色").fill("#d1242f");
        admin.getByLabel("标签 路灯 的名称").press("Enter");
        assertThat(admin.locator(".flash.ok")).hasText("已保存");
        Locator chip = admin.locator("#tags .tag", new Page.LocatorOptions().setHasText("路灯故障"));
        assertThat(chip).hasCSS("background-color", "rgb(209, 36, 47)");
        // a second label with the same name is refused in words
        admin.getByLabel("新标签名称").fill("路灯故障");
        admin.getByRole(AriaRole.BUTTON, named("添加标签")).click();
        assertThat(admin.locator(".flash.error")).hasText("已有名为「路灯故障」的标签");

        ServiceCase first = testCases.file(TestCases.newPhone(), "municipal", "路灯不亮，晚上很黑", "坂田街道五和大道");
        ServiceCase second = testCases.file(TestCases.newPhone(), "municipal", "路灯闪烁", "坂田街道雪岗路");
        ServiceCase other = testCases.file(TestCases.newPhone(), "municipal", "人行道砖块松动", "坂田街道雪岗路");

        Page operator = signIn("operator");
        assertThat(row(operator, other)).isVisible();
        operator.getByLabel("选择 " + first.getNumber()).check();
        operator.getByLabel("选择 " + second.getNumber()).check();
        operator.getByLabel("要加的标签").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("路灯故障"));
        operator.getByRole(AriaRole.BUTTON, named("给勾选的诉求加标签")).click();
        assertThat(operator.locator(".flash.ok")).hasText("已为 2 件诉求加上标签「路灯故障」");
        assertThat(row(operator, first).locator(".tag")).hasText("路灯故障");
        assertThat(row(operator, second).locator(".tag")).hasText("路灯故障");
        assertThat(row(operator, other).locator(".tag")).hasCount(0);

        // counted, and filtered by a click on the count
        Locator count = operator.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("按标签"))
                .locator("a", new Locator.LocatorOptions().setHasText("路灯故障"));
        assertThat(count).hasText("路灯故障 2");
        count.click();
        assertThat(operator.locator("table.inbox tbody tr")).hasCount(2);
        assertThat(row(operator, other)).hasCount(0);
        screenshot(operator, "inbox-tags");

        // and by the filter
        operator.navigate(url("/console"));
        operator.getByLabel("标签", new Page.GetByLabelOptions().setExact(true))
                .selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("路灯故障"));
        assertThat(operator.locator("table.inbox tbody tr")).hasCount(2);

        // taken off one case on its page
        operator.navigate(url("/console/cases/" + first.getNumber()));
        assertThat(operator.locator(".case-tags .tag")).containsText("路灯故障");
        operator.getByRole(AriaRole.BUTTON, named("去掉标签 路灯故障")).click();
        assertThat(operator.locator(".flash.ok")).hasText("已去掉标签");
        assertThat(operator.locator(".case-tags .tag")).hasCount(0);
        assertThat(operator.locator(".history")).containsText("去掉标签「路灯故障」");
        operator.navigate(url("/console"));
        assertThat(count).hasText("路灯故障 1");
    }

    @Test
    void casesTickedInTheInboxStayTickedWhenItsRowsAreFetchedAgain() {
        ServiceCase ticked = testCases.file(TestCases.newPhone(), "municipal", "井盖缺失", "坂田街道五和大道");
        Page operator = signIn("operator");
        assertThat(row(operator, ticked)).isVisible();
        operator.getByLabel("选择 " + ticked.getNumber()).check();
        // a case filed anywhere brings the inbox's rows again
        ServiceCase later = testCases.file(TestCases.newPhone(), "municipal", "路面塌陷", "坂田街道雪岗路");
        assertThat(row(operator, later)).isVisible();
        assertThat(operator.getByLabel("选择 " + ticked.getNumber())).isChecked();
    }
}
