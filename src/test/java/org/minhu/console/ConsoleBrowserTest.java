package org.minhu.console;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.minhu.cases.CaseState;
import org.minhu.cases.ServiceCase;
import org.minhu.testing.MockCarrier;
import org.minhu.testing.MockCarrierResource;
import org.minhu.testing.Phone;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console in a real browser (the system's Chromium, headless; Playwright never downloads
 * one): staff sign in, filter the inbox, answer a resident and see the answer arrive on the mock
 * carrier's phone, resolve a case and see the rating card arrive, take a live chat and hand it
 * back, and watch new cases appear without reloading. Screenshots of the main pages go to
 * {@code target/screenshots/}.
 */
@QuarkusTest
@QuarkusTestResource(MockCarrierResource.class)
class ConsoleBrowserTest extends BrowserTestBase {

    private static final Duration PHONE_WAIT = Duration.ofSeconds(20);

    @Inject
    TestCases testCases;

    /** A resident who has texted the chatbot, so the service knows their phone. */
    private static Phone resident() {
        Phone phone = new Phone(TestCases.newPhone());
        phone.send("你好");
        return phone;
    }

    private static Optional<Map<String, Object>> botMessageContaining(String phone, String text) {
        return await("a message with " + text + " on " + phone).atMost(PHONE_WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> MockCarrier.botMessages(phone).stream()
                        .filter(m -> String.valueOf(m.get("text")).contains(text)).findFirst(), Optional::isPresent);
    }

    private void seedInbox() {
        testCases.file(TestCases.newPhone(), "environment", "小区门口工地夜间施工，噪音很大，影响休息", "坂田街道岗头村工业区");
        testCases.file(TestCases.newPhone(), "traffic", "五和地铁站路口信号灯坏了，车辆乱行", "坂田街道五和大道与雅宝路交叉口");
        testCases.file(TestCases.newPhone(), "property", "电梯经常停运，物业不处理", "坂田街道万科城");
        testCases.file(TestCases.newPhone(), "ebike", "楼道里有人飞线给电动车充电，很危险", "坂田街道第五园");
        testCases.file(TestCases.newPhone(), "elderly", "想咨询长者饭堂怎么办理", "坂田街道五和社区");
    }

    @Test
    void anOperatorFiltersTheInboxAndAnswersAResidentWhoseAnswerArrivesOnThePhone() {
        seedInbox();
        Phone resident = resident();
        ServiceCase c = testCases.file(resident.number(), "municipal", "五和大道路灯不亮好几天了，晚上很黑", "坂田街道五和大道 88 号");
        ServiceCase noise = testCases.file(TestCases.newPhone(), "environment", "广场舞音响声音太大", "坂田街道五和广场");

        Page page = signIn("operator");
        assertThat(page.locator("table.inbox")).containsText(c.getNumber());
        page.navigate(url("/console?q=" + java.net.URLEncoder.encode("坂田街道", java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(page.locator("table.inbox")).containsText(noise.getNumber());
        screenshot(page, "inbox");

        page.locator("select[name=category]").selectOption("municipal");
        assertThat(page.locator("table.inbox")).containsText(c.getNumber());
        assertThat(page.locator("table.inbox")).not().containsText(noise.getNumber());
        page.locator("#q").fill(c.getNumber());
        assertThat(page.locator("table.inbox tbody tr")).hasCount(1);

        page.locator("table.inbox").getByText(c.getNumber()).click();
        assertThat(page.locator("h1")).hasText(c.getNumber());
        assertThat(page.locator(".facts .phone")).containsText(resident.number().substring(7));
        String answer = "您好，已安排城建办今晚检修五和大道路灯，请留意。";
        page.locator("form.reply textarea[name=text]").fill(answer);
        page.locator("form.reply").getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("发送")).click();
        assertThat(page.locator(".flash.ok")).containsText("回复已发送");
        assertThat(page.locator("#conversation .msg.staff")).containsText(answer);

        assertThat(botMessageContaining(resident.number(), answer)).as("the answer on the resident's phone").isPresent();
        screenshot(page, "case");
    }

    @Test
    void aHandlerAcceptsAndResolvesACaseAndTheResidentIsAskedToRate() {
        Phone resident = resident();
        ServiceCase c = testCases.file(resident.number(), "municipal", "雅宝路井盖松动，踩上去会响", "坂田街道雅宝路 12 号");

        Page page = signIn("handler");
        page.navigate(url("/console/cases/" + c.getNumber()));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("签收")).click();
        assertThat(page.locator(".flash.ok")).containsText("已签收");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("开始办理")).click();
        assertThat(page.locator(".flash.ok")).containsText("已开始办理");
        page.getByLabel("办理情况").fill("联系物业王经理 13912345678 后更换");
        page.getByLabel("答复居民").fill("已更换井盖并加固，现场已清理。");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("办结").setExact(true)).click();
        assertThat(page.locator(".flash.ok")).containsText("已办结");
        assertThat(page.locator(".case-head .state")).hasText("已办结");
        screenshot(page, "case-resolved");

        assertThat(testCases.reload(c.getNumber()).getState()).isEqualTo(CaseState.RESOLVED);
        Optional<Map<String, Object>> card = botMessageContaining(resident.number(), "已更换井盖");
        assertThat(card).as("the resolution card on the resident's phone").isPresent();
        assertThat(Phone.chips(card.get())).as("rating chips").contains("满意", "基本满意", "不满意");
    }

    @Test
    void newCasesAppearInTheInboxWithoutReloading() {
        Page page = signIn("supervisor");
        assertThat(page.locator("table.inbox")).isVisible();
        awaitLive(page);
        ServiceCase fresh = testCases.file(TestCases.newPhone(), "traffic", "坂雪岗大道违停严重", "坂田街道坂雪岗大道");
        assertThat(page.locator("table.inbox")).containsText(fresh.getNumber(),
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(15_000));
    }

    @Test
    void anOperatorTakesALiveChatAndHandsItBackToTheBot() {
        Phone resident = resident();
        assertThat(Phone.all(resident.send("人工"))).contains("人工");

        Page page = signIn("operator");
        page.navigate(url("/console/chats"));
        screenshot(page, "chats");
        page.locator("tr", new Page.LocatorOptions().setHasText(resident.number().substring(7)))
                .getByText("打开会话").click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("接入会话")).click();
        assertThat(page.locator(".case-head")).containsText("接线员 王芳 接待中");
        String answer = "您好，我是接线员王芳，请问有什么可以帮您？";
        page.locator("form.reply textarea[name=text]").fill(answer);
        page.locator("form.reply").getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("发送")).click();
        assertThat(botMessageContaining(resident.number(), "接线员王芳")).isPresent();

        MockCarrier.text(resident.number(), "我家楼下的路灯坏了");
        assertThat(page.locator("#messages")).containsText("我家楼下的路灯坏了",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(15_000));
        screenshot(page, "chat");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("结束并转回智能助手")).click();
        assertThat(page).hasURL(url("/console/chats"));
        assertThat(botMessageContaining(resident.number(), "人工服务已结束")).isPresent();
    }

    @Test
    void aSupervisorSeesTheDashboardAndTheEchoWallIsPublic() {
        Page page = signIn("supervisor");
        page.navigate(url("/console/dashboard"));
        assertThat(page.locator("#trend canvas")).isVisible();
        assertThat(page.locator("#ranking canvas")).isVisible();
        screenshot(page, "dashboard");
        var csv = page.request().get(url("/console/reports/daily?format=csv"));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.text()).contains("编号", "承办单位");
        var xlsx = page.request().get(url("/console/reports/monthly?format=xlsx"));
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(new String(xlsx.body(), 0, 2)).isEqualTo("PK");

        Page wall = browser.newPage();
        wall.navigate(url("/echo-wall"));
        assertThat(wall.locator("h1")).hasText("回音壁");
        screenshot(wall, "echo-wall");
        wall.close();
    }
}
