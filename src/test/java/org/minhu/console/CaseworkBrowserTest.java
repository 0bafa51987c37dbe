package org.minhu.console;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.minhu.cases.CaseLifecycle;
import org.minhu.cases.CaseService;
import org.minhu.cases.CaseState;
import org.minhu.cases.HandlingClass;
import org.minhu.cases.Rating;
import org.minhu.cases.ServiceCase;
import org.minhu.testing.MockCarrier;
import org.minhu.testing.MockCarrierResource;
import org.minhu.testing.TestClock;

import java.time.Duration;
import java.util.Base64;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The casework steps in Chromium: type and class on the case page, 不予受理 told to the resident,
 * the operators' call-back list, and the 复查 a different person does (with a photo) before archiving.
 */
@QuarkusTest
@QuarkusTestResource(MockCarrierResource.class)
class CaseworkBrowserTest extends BrowserTestBase {

    /** A 1×1 PNG. */
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    @Inject
    TestCases testCases;

    @Inject
    CaseLifecycle lifecycle;

    @Inject
    CaseService cases;

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    private void resolved(ServiceCase c) {
        QuarkusTransaction.requiringNew().run(() -> lifecycle.accept(c.getNumber(), "handler"));
        QuarkusTransaction.requiringNew().run(() -> lifecycle.resolve(c.getNumber(), "handler", "已清理完毕", null));
    }

    @Test
    void anOperatorMakesACaseComplexAndDeclinesAnotherWhoseResidentIsToldWhereToGo() {
        ServiceCase c = testCases.file(TestCases.newPhone(), "property", "楼道灯坏了", "第五园三期");
        Page page = signIn("operator");
        page.navigate(url("/console/cases/" + c.getNumber()));
        assertThat(page.locator(".casework .request-type")).hasText("投诉");
        assertThat(page.locator(".casework .handling-class")).containsText("易办件");

        page.getByText("调整类型与类别").click();
        page.getByLabel("办理类别").selectOption(HandlingClass.HARD.name());
        page.getByRole(AriaRole.BUTTON, named("保存")).click();
        assertThat(page.locator(".flash.ok")).containsText("办结时限随之调整");
        assertThat(page.locator(".casework .handling-class")).containsText("疑难件");
        assertThat(page.locator(".casework .handling-class")).containsText("3 日内出具办理意见");
        assertThat(page.locator(".history")).containsText("调整分类");

        String phone = TestCases.newPhone();
        ServiceCase other = testCases.file(phone, "neighbour", "楼下商铺的老板欠我工钱，法院已经立案了", "第五园");
        page.navigate(url("/console/cases/" + other.getNumber()));
        page.locator("summary").getByText("不予受理", new com.microsoft.playwright.Locator.GetByTextOptions().setExact(true)).click();
        page.getByLabel("不予受理理由").selectOption("litigation");
        page.getByRole(AriaRole.BUTTON, named("不予受理")).click();
        assertThat(page.locator(".flash.ok")).containsText("已告知居民");
        assertThat(page.locator(".case-head .state")).hasText("不予受理");
        assertThat(page.locator(".casework .decline-reason")).containsText("已进入诉讼");
        screenshot(page, "case-declined");

        await("the resident is told why and where to go").atMost(Duration.ofSeconds(20))
                .until(() -> MockCarrier.botMessages(phone).stream().map(m -> String.valueOf(m.get("text")))
                        .anyMatch(t -> t.contains("不予受理") && t.contains("法院")));
        assertThat(page.getByRole(AriaRole.BUTTON, named("不予受理"))).hasCount(0);
    }

    @Test
    void anOperatorRecordsACallBackFromTheListAndASecondPersonReviewsBeforeArchiving() {
        ServiceCase quiet = testCases.file(TestCases.newPhone(), "property", "小区垃圾房很臭", "第五园三期");
        resolved(quiet);
        ServiceCase poor = testCases.file(TestCases.newPhone(), "property", "地下车库积水", "第五园二期");
        resolved(poor);
        QuarkusTransaction.requiringNew().run(() -> cases.rate(poor.getPhone(), poor.getNumber(), Rating.UNSATISFIED, "还有积水"));
        QuarkusTransaction.requiringNew().run(() -> lifecycle.resolve(poor.getNumber(), "handler", "疏通了排水沟", null));
        QuarkusTransaction.requiringNew().run(() -> cases.rate(poor.getPhone(), poor.getNumber(), Rating.SATISFIED, null));
        clock.advance(Duration.ofDays(3).plusHours(1));

        Page operator = signIn("operator");
        operator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("回访复查")).click();
        var row = operator.locator("#call-back-" + quiet.getNumber());
        assertThat(row).containsText("已清理完毕");
        row.getByLabel("回访结果 " + quiet.getNumber()).selectOption("UNSATISFIED");
        row.getByLabel("回访记录 " + quiet.getNumber()).fill("垃圾房还是很臭");
        row.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("记录")).click();
        assertThat(operator.locator(".flash.ok")).containsText("回访结果已记录");
        assertThat(operator.locator(".case-head")).containsText("差评件");
        assertThat(operator.locator(".case-head .state")).hasText("办理中");
        operator.navigate(url("/console/follow-up"));
        assertThat(operator.locator("#call-backs")).not().containsText(quiet.getNumber());
        assertThat(operator.locator("#reviews")).hasCount(0);

        Page supervisor = signIn("supervisor");
        supervisor.navigate(url("/console/cases/" + poor.getNumber()));
        supervisor.locator("summary").getByText("归档", new com.microsoft.playwright.Locator.GetByTextOptions().setExact(true)).click();
        supervisor.getByRole(AriaRole.BUTTON, named("归档")).click();
        assertThat(supervisor.locator(".flash.error")).containsText("复查");

        supervisor.navigate(url("/console/follow-up"));
        supervisor.locator("#review-" + poor.getNumber()).getByRole(AriaRole.LINK).click();
        supervisor.getByLabel("复查结论").selectOption("yes");
        supervisor.locator("input[name=photo]").last().setInputFiles(new FilePayload("site.png", "image/png", PNG));
        supervisor.getByRole(AriaRole.BUTTON, named("提交复查")).click();
        assertThat(supervisor.locator(".flash.ok")).containsText("复查结果已记录");
        assertThat(supervisor.locator(".history")).containsText("复查通过");
        supervisor.locator("summary").getByText("归档", new com.microsoft.playwright.Locator.GetByTextOptions().setExact(true)).click();
        supervisor.getByRole(AriaRole.BUTTON, named("归档")).click();
        assertThat(supervisor.locator(".case-head .state")).hasText("已归档");
        org.assertj.core.api.Assertions.assertThat(testCases.reload(poor.getNumber()).getState()).isEqualTo(CaseState.ARCHIVED);
    }

    @Test
    void anOperatorFilesACallersRequestWhoseCategoryIsGuessedAndTheResidentHearsWhoFiledIt() {
        Page page = signIn("operator");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("代为登记")).click();
        page.getByLabel("居民手机号").fill("138 0013 9" + String.format("%03d", (int) (System.nanoTime() % 1000)));
        page.getByLabel("诉求内容").fill("小区楼下的路灯不亮好几天了，晚上很黑");
        page.getByRole(AriaRole.BUTTON, named("登记并派单")).click();
        assertThat(page.locator(".flash.ok")).containsText("已代为登记");
        assertThat(page.locator(".facts").first()).containsText("渠道 电话");
        assertThat(page.locator(".case-head .state")).hasText("已派单");
        String number = page.locator(".case-head h1").textContent().strip();
        ServiceCase filed = testCases.reload(number);
        org.assertj.core.api.Assertions.assertThat(filed.getCategory()).as("guessed from the description").isEqualTo("municipal");
        await("the resident is told who filed it for them").atMost(Duration.ofSeconds(20))
                .until(() -> MockCarrier.botMessages(filed.getPhone()).stream().map(m -> String.valueOf(m.get("text")))
                        .anyMatch(t -> t.contains("接线员") && t.contains("已为您登记")));

        page.navigate(url("/console/intake"));
        page.getByLabel("居民手机号").fill("12345");
        page.getByLabel("诉求内容").fill("噪音扰民");
        page.getByRole(AriaRole.BUTTON, named("登记并派单")).click();
        assertThat(page.locator(".flash.error")).containsText("11 位手机号码");
        assertThat(page.getByLabel("诉求内容")).hasValue("噪音扰民");
    }

    @Test
    void aGridWorkerFilesWhatTheyMetOnPatrolAndSeesOnlyTheirGrid() {
        // in another grid (福田街道中心区第 5 网格, where 福华路 lies)
        ServiceCase elsewhere = testCases.fileAt(TestCases.newPhone(), "traffic", "福华路路口违停", "福华路", 22.5380, 114.0520);
        Page page = signIn("grid");
        assertThat(page.locator(".me .role")).containsText("网格员");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("代为登记")).click();
        assertThat(page.getByLabel("诉求来源")).hasValue("patrol");
        page.getByLabel("诉求内容").fill("第五园二期北门外人行道砖松动翘起，容易绊倒行人，巡查时发现");
        page.getByLabel("类别").selectOption("municipal");
        page.getByLabel("地点").fill("第五园二期北门");
        page.getByRole(AriaRole.BUTTON, named("登记并派单")).click();
        // other tests' cases may lie near: then the page offers them first, and filing anyway is a second click
        page.locator(".flash.ok, #nearby").first().waitFor();
        if (page.locator("#nearby").count() > 0) {
            page.getByRole(AriaRole.BUTTON, named("仍然登记为新诉求")).click();
        }
        assertThat(page.locator(".flash.ok")).containsText("已代为登记");
        assertThat(page.locator(".facts").first()).containsText("渠道 网格巡查");
        assertThat(page.locator(".facts").first()).containsText("坂田街道第五园社区第 3 网格");
        assertThat(page.locator(".history")).containsText("网格员 赵磊");

        page.navigate(url("/console"));
        assertThat(page.locator("table.inbox")).not().containsText(elsewhere.getNumber());
        var response = page.request().get(url("/console/cases/" + elsewhere.getNumber()));
        org.assertj.core.api.Assertions.assertThat(response.status()).as("another grid's case").isEqualTo(403);
    }
}
