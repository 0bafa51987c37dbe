package org.minhu.console;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.minhu.cases.Categories;
import org.minhu.cases.DispatchRules;
import org.minhu.console.ReferenceDocuments;
import org.minhu.conversation.WorkingHours;
import org.minhu.testing.MockCarrierResource;

import java.time.Instant;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin edits the categories and the dispatch rules as forms in Chromium: adds a category (with a
 * unit of its own) and a dispatch rule that sends its cases in one area to another unit, both chosen
 * from selects; sees the category in the inbox's filter and the rule route cases; has an invalid row
 * refused in Chinese naming the row and field, with what was typed still on the page; and goes back
 * to the previous versions, the category a rule still names being refused until the rule is gone.
 */
@QuarkusTest
@QuarkusTestResource(MockCarrierResource.class)
class ReferenceFormsBrowserTest extends BrowserTestBase {

    private static final String PET_UNIT = "坂田街道宠物驿站";
    private static final String ENFORCEMENT = "坂田街道城市管理和综合执法队";

    @Inject
    ReferenceDocuments references;

    @Inject
    Categories categories;

    @Inject
    DispatchRules rules;

    @Inject
    WorkingHours hours;

    /** Every test class shares one application: the shipped documents are in use again afterwards. */
    @AfterEach
    void backToTheShippedVersions() {
        for (String name : List.of(DispatchRules.DOCUMENT, Categories.DOCUMENT, WorkingHours.DOCUMENT)) {
            references.restoreShipped(name, "test");
        }
    }

    private static final Locator.GetByLabelOptions EXACT = new Locator.GetByLabelOptions().setExact(true);

    private static Locator rows(Page page, String section) {
        return page.locator("#table-" + section + " > tbody > tr");
    }

    private static void save(Page page) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存").setExact(true)).click();
    }

    @Test
    void anAdminAddsACategoryAndARuleThroughTheFormsAndGoesBack() {
        Page page = signIn("admin");
        page.navigate(url("/console/admin"));
        page.locator("#reference tr", new Page.LocatorOptions().setHasText("诉求类别")).getByText("编辑").click();
        assertThat(page.locator("h2").first()).containsText("诉求类别");
        assertThat(rows(page, "categories")).hasCount(categories.all().size());
        assertThat(rows(page, "categories").first().getByLabel("代码")).hasValue("property");

        // saved unchanged first: the version to go back to
        save(page);
        assertThat(page.locator(".flash.ok")).containsText("已保存");
        int before = references.current(Categories.DOCUMENT).version();
        assertThat(categories.find("property").orElseThrow().unit()).isEqualTo("坂田街道住房和建设办公室");

        // a new category, with a unit no category had
        page.getByText("添加一行（类别）").click();
        Locator row = rows(page, "categories").last();
        row.getByLabel("代码").fill("lostpet");
        row.getByLabel("名称（中文）").fill("宠物走失");
        row.getByLabel("名称（英文）").fill("Lost pets");
        row.getByLabel("说明（中文）").fill("走失、捡到的宠物");
        row.getByLabel("说明（英文）").fill("Lost and found pets");
        row.getByLabel("承办单位", new Locator.GetByLabelOptions().setExact(true)).selectOption(new SelectOption().setLabel("其他单位（在右侧填写）"));
        row.getByLabel("承办单位（其他单位）").fill(PET_UNIT);
        row.getByLabel("优先级").selectOption("C");
        row.getByLabel("办理时限（小时）").fill("72");
        row.getByLabel("关键词").fill("走失\n宠物走丢");
        save(page);
        assertThat(page.locator(".flash.ok")).containsText("第 " + (before + 1) + " 版");
        assertThat(categories.find("lostpet").orElseThrow().unit()).isEqualTo(PET_UNIT);

        // live: the inbox's category filter offers it
        page.navigate(url("/console"));
        assertThat(page.getByLabel("类别", new Page.GetByLabelOptions().setExact(true)).locator("option", new Locator.LocatorOptions().setHasText("宠物走失"))).hasCount(1);

        // a dispatch rule: lost pets found in 第五园 go to the enforcement team, chosen from selects
        page.navigate(url("/console/admin/reference/" + DispatchRules.DOCUMENT));
        assertThat(page.getByText("紧急情况、提升优先级的关键词")).isVisible();
        save(page);
        assertThat(page.locator(".flash.ok")).containsText("已保存");
        int rulesBefore = references.current(DispatchRules.DOCUMENT).version();
        page.getByText("添加一行（规则）").click();
        Locator rule = rows(page, "assignments").last();
        rule.getByLabel("类别", new Locator.GetByLabelOptions().setExact(true)).selectOption(new SelectOption().setLabel("宠物走失（lostpet）"));
        rule.getByLabel("区域").selectOption(new SelectOption().setLabel("第五园社区（wuyuan）"));
        rule.getByLabel("承办单位", new Locator.GetByLabelOptions().setExact(true)).selectOption(ENFORCEMENT);
        save(page);
        assertThat(page.locator(".flash.ok")).containsText("已保存");
        DispatchRules.Area wuyuan = rules.area("wuyuan").orElseThrow();
        DispatchRules.Area wuhe = rules.area("wuhe").orElseThrow();
        assertThat(rules.route("lostpet", "捡到一只狗", wuyuan.latitude(), wuyuan.longitude()).unit()).isEqualTo(ENFORCEMENT);
        assertThat(rules.route("lostpet", "捡到一只狗", wuhe.latitude(), wuhe.longitude()).unit()).isEqualTo(PET_UNIT);
        assertThat(rows(page, "assignments").last().getByLabel("类别", new Locator.GetByLabelOptions().setExact(true))).hasValue("lostpet");
        // the emergencies, not in the form, are as they were
        assertThat(rules.emergency("楼下着火了")).isPresent();

        // an invalid row: refused in Chinese with the row and field, the typed values still there
        page.navigate(url("/console/admin/reference/" + Categories.DOCUMENT));
        int version = references.current(Categories.DOCUMENT).version();
        page.getByText("添加一行（类别）").click();
        Locator wrong = rows(page, "categories").last();
        wrong.getByLabel("代码").fill("lostcat");
        wrong.getByLabel("名称（中文）").fill("走失的猫");
        wrong.getByLabel("名称（英文）").fill("Lost cats");
        wrong.getByLabel("说明（中文）").fill("走失的猫");
        wrong.getByLabel("说明（英文）").fill("Lost cats");
        wrong.getByLabel("承办单位", new Locator.GetByLabelOptions().setExact(true)).selectOption(PET_UNIT);
        wrong.getByLabel("优先级").selectOption("C");
        wrong.getByLabel("办理时限（小时）").fill("三天");
        wrong.getByLabel("关键词").fill("猫");
        save(page);
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("诉求类别第 12 行「办理时限（小时）」应为正整数，填写的是“三天”");
        assertThat(rows(page, "categories")).hasCount(12);
        Locator kept = rows(page, "categories").last();
        assertThat(kept.getByLabel("代码")).hasValue("lostcat");
        assertThat(kept.getByLabel("名称（中文）")).hasValue("走失的猫");
        assertThat(kept.getByLabel("办理时限（小时）")).hasValue("三天");
        assertThat(kept.getByLabel("承办单位", new Locator.GetByLabelOptions().setExact(true))).hasValue(PET_UNIT);
        assertThat(references.current(Categories.DOCUMENT).version()).as("nothing saved").isEqualTo(version);
        assertThat(categories.find("lostcat")).isEmpty();

        // back to the version before the category: refused while the rule names it
        page.navigate(url("/console/admin/reference/" + Categories.DOCUMENT));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("回到第 " + before + " 版")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("派单规则的指定承办单位仍引用以下类别，不能删除：lostpet");
        assertThat(categories.find("lostpet")).isPresent();

        // the rule first, then the category
        page.navigate(url("/console/admin/reference/" + DispatchRules.DOCUMENT));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("回到第 " + rulesBefore + " 版")).click();
        assertThat(page.locator(".flash.ok")).containsText("已保存");
        assertThat(rows(page, "assignments")).hasCount(0);
        page.navigate(url("/console/admin/reference/" + Categories.DOCUMENT));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("回到第 " + before + " 版")).click();
        assertThat(page.locator(".flash.ok")).containsText("已保存");
        assertThat(categories.find("lostpet")).isEmpty();
        assertThat(rows(page, "categories")).hasCount(categories.all().size());
        page.navigate(url("/console"));
        assertThat(page.getByLabel("类别", new Page.GetByLabelOptions().setExact(true)).locator("option", new Locator.LocatorOptions().setHasText("宠物走失"))).hasCount(0);
    }

    @Test
    void anAdminSetsTheWorkingHoursWithCheckboxesTimesAndDates() {
        Page page = signIn("admin");
        page.navigate(url("/console/admin"));
        page.locator("#reference tr", new Page.LocatorOptions().setHasText("工作时间")).getByText("编辑").click();
        assertThat(page.locator("h2").first()).containsText("工作时间");
        Locator service = rows(page, "services").first();
        assertThat(service.getByLabel("名称")).hasValue("人工服务");
        assertThat(service.getByLabel("周六")).isChecked();
        int version = references.current(WorkingHours.DOCUMENT).version();

        // reached from the admin page (not a reload): adding and removing dates works at once
        // weekdays only, 09:00 to 17:30, shut on two holidays, one of them added by mistake and removed
        service.getByLabel("周六").uncheck();
        service.getByLabel("周日").uncheck();
        service.getByLabel("开始时间").fill("09:00");
        service.getByLabel("结束时间").fill("17:30");
        service.getByText("添加日期").click();
        service.getByLabel("休息日", EXACT).last().fill("2026-12-25");
        service.getByText("添加日期").click();
        service.getByLabel("休息日", EXACT).last().fill("2026-12-26");
        service.getByText("添加日期").click();
        service.getByLabel("休息日", EXACT).last().fill("2027-01-01");
        service.locator(".date-item").nth(1).getByText("删除").click();
        assertThat(service.locator(".date-item")).hasCount(2);
        save(page);
        assertThat(page.locator(".flash.ok")).containsText("第 " + (version + 1) + " 版");
        assertThat(hours.status(WorkingHours.LIVE_CHAT, Instant.parse("2026-12-25T02:00:00Z")).hours())
                .isEqualTo("周一至周五 09:00–17:30");
        assertThat(WorkingHours.parse(references.current(WorkingHours.DOCUMENT).text(), "saved").services()
                .get(WorkingHours.LIVE_CHAT).closed()).containsExactly("2026-12-25", "2027-01-01");
        service = rows(page, "services").first();
        assertThat(service.getByLabel("周六")).not().isChecked();
        assertThat(service.getByLabel("周五")).isChecked();
        assertThat(service.getByLabel("休息日", EXACT)).hasCount(2);

        // closing before opening: refused in Chinese naming the service, what was typed still there
        service.getByLabel("结束时间").fill("08:00");
        save(page);
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("服务时间第 1 行：人工服务 的结束时间须晚于开始时间");
        service = rows(page, "services").first();
        assertThat(service.getByLabel("结束时间")).hasValue("08:00");
        assertThat(service.getByLabel("周六")).not().isChecked();
        assertThat(service.getByLabel("休息日", EXACT)).hasCount(2);
        assertThat(references.current(WorkingHours.DOCUMENT).version()).as("nothing saved").isEqualTo(version + 1);
    }
}
