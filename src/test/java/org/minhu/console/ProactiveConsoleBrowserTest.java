package org.minhu.console;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.minhu.cases.CaseService;
import org.minhu.cases.NewCase;
import org.minhu.cases.ServiceCase;
import org.minhu.proactive.hotspot.HotspotAlert;
import org.minhu.proactive.hotspot.HotspotAlertRepository;
import org.minhu.testing.MockCarrier;
import org.minhu.testing.MockCarrierResource;
import org.minhu.testing.Phone;
import org.minhu.testing.Settled;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 未诉先办 pages in a real browser (the system's Chromium, headless; Playwright never downloads
 * one): a supervisor composes a notice, sees the card and the SMS change as they type, is told
 * what is wrong with the form, sends it, watches it finish and the residents' phones get the card;
 * and a supervisor finds a hot spot, merges it into one parent case, opens its notice and closes
 * it. Screenshots go to {@code target/screenshots/}.
 */
@QuarkusTest
@QuarkusTestResource(MockCarrierResource.class)
class ProactiveConsoleBrowserTest extends BrowserTestBase {

    /** A spot of its own, in Guangzhou, far from where other tests file cases; about 111 m a step. */
    private static final double[] SPOT = {23.62, 113.30};
    private static final double STEP = 0.001;

    @Inject
    TestCases testCases;

    @Inject
    CaseService cases;

    @Inject
    HotspotAlertRepository alerts;

    @Inject
    org.minhu.proactive.hotspot.HotspotDetector detector;

    private static Locator button(Locator within, String name) {
        return within.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    /** The number as staff type it: 137xxxxxxxx for tel:+86137xxxxxxxx. */
    private static String typed(String phone) {
        return phone.substring("tel:+86".length());
    }

    @Test
    void aSupervisorComposesANoticeSeesBothRenderingsSendsItAndThePhonesGetTheCard() {
        List<Phone> phones = List.of(new Phone(TestCases.newPhone()), new Phone(TestCases.newPhone()), new Phone(TestCases.newPhone()));
        String title = "坂田北路今晚施工 " + System.nanoTime() % 10_000;

        Page page = signIn("supervisor");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("群发通知")).click();
        assertThat(page).hasURL(url("/console/notices"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("新建通知")).click();
        assertThat(page).hasURL(url("/console/notices/new"));

        Locator preview = page.locator("#preview");
        // the form opens with nothing wrong in it: a hint, not an error
        assertThat(preview.locator(".preview-hint")).containsText("填写标题和正文");
        assertThat(preview.locator(".preview-problem")).hasCount(0);
        Locator form = page.locator("#compose");
        form.getByLabel("标题").fill(title);
        // what is missing is said in Chinese as the user types
        assertThat(preview.locator(".preview-problem")).hasText("请检查“正文”：请填写正文");
        form.getByLabel("正文").fill("今晚 22:00 至次日 6:00 坂田北路半幅封闭，请绕行。");
        form.getByLabel("第 2 个按钮的文字").fill("查看详情");
        form.getByLabel("第 2 个按钮的动作").selectOption("url");
        // 查看详情 has no link yet
        assertThat(preview.locator(".preview-problem")).containsText("第 2 个按钮");
        assertThat(preview.locator(".preview-problem")).not().containsText("chips");
        form.getByLabel("第 2 个按钮的去向").fill("https://www.example.gov.cn/notice/1");

        assertThat(preview.locator("#card-preview .card-title")).hasText(title);
        assertThat(preview.locator("#card-preview .card-text")).containsText("请绕行");
        // with the line on how to leave
        assertThat(preview.locator("#card-preview .card-text")).containsText("退订");
        assertThat(preview.locator("#card-preview .chips")).containsText("我也遇到了");
        assertThat(preview.locator("#card-preview .chips")).containsText("查看详情");
        assertThat(preview.locator("#sms-preview .sms")).containsText(title);
        assertThat(preview.locator("#sms-preview .sms")).containsText("查看详情：https://www.example.gov.cn/notice/1");
        assertThat(preview.locator("#sms-preview .sms")).containsText("回复1 我也遇到了");
        form.getByLabel("正文").fill("今晚 22:00 至次日 6:00 坂田北路全幅封闭，请绕行。");
        // the preview follows the typing
        assertThat(preview.locator("#card-preview .card-text")).containsText("全幅封闭");
        screenshot(page, "notice-compose");

        form.getByLabel("手机号，每行一个").fill(typed(phones.get(0).number()) + "\n12345");
        button(form, "保存为草稿").click();
        assertThat(page.locator(".flash.error")).containsText("第 2 个手机号");
        // what was typed is kept
        assertThat(page.locator("#compose").getByLabel("标题")).hasValue(title);

        page.locator("#compose").getByLabel("手机号，每行一个")
                .fill(String.join("\n", phones.stream().map(p -> typed(p.number())).toList()));
        button(page.locator("#compose"), "保存为草稿").click();
        assertThat(page).hasURL(Pattern.compile(".*/console/notices/\\d+\\?done=created$"));
        assertThat(page.locator(".flash.ok")).containsText("草稿已保存");
        assertThat(page.locator("#notice-state")).hasText("草稿");
        assertThat(page.locator("#preview #card-preview .card-title")).hasText(title);
        assertThat(page.locator("#preview #sms-preview .sms")).containsText("全幅封闭");
        Locator progress = page.locator("#progress");
        assertThat(button(progress, "暂停")).not().isVisible();
        assertThat(button(progress, "继续发送")).not().isVisible();

        button(progress, "发送给 3 位居民").click();
        assertThat(page.locator(".flash.ok")).containsText("已开始发送");
        assertThat(page.locator("#notice-state")).hasText("已完成",
                new LocatorAssertions.HasTextOptions().setTimeout(30_000));
        assertThat(page.locator("#figure-sent")).hasText("3 / 3", new LocatorAssertions.HasTextOptions().setTimeout(15_000));
        assertThat(button(page.locator("#progress"), "暂停")).not().isVisible();
        assertThat(button(page.locator("#progress"), "取消发送")).not().isVisible();
        screenshot(page, "notice-done");

        Settled.await(phones.stream().map(Phone::number).toList());
        for (Phone phone : phones) {
            List<Map<String, Object>> shown = MockCarrier.botMessages(phone.number());
            assertThat(shown).as(phone.number()).hasSize(1);
            assertThat(Phone.text(shown.get(0))).contains(title, "全幅封闭");
            assertThat(Phone.chips(shown.get(0))).contains("我也遇到了", "查看详情");
        }

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("← 群发通知")).click();
        Locator row = page.locator("table.notices tr", new Page.LocatorOptions().setHasText(title));
        assertThat(row).containsText("已完成");
        assertThat(row).containsText("3 / 3");
    }

    /** Files a case and waits until it is clustered (that runs just after the filing commits). */
    private ServiceCase file(String description, double latitude, double longitude) {
        ServiceCase filed = QuarkusTransaction.requiringNew().call(() -> cases.file(new NewCase(TestCases.newPhone(), "municipal",
                description, latitude, longitude, "广州测试路", null, "file-request", 1)));
        detector.awaitIdle(Duration.ofSeconds(10));
        return filed;
    }

    @Test
    void aSupervisorSeesAHotSpotMergesItOpensItsNoticeAndClosesIt() {
        List<ServiceCase> filed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            filed.add(file("路面塌陷，车辆绕行", SPOT[0] + i * STEP, SPOT[1]));
        }
        HotspotAlert alert = QuarkusTransaction.requiringNew().call(() -> alerts.listAll().stream()
                .filter(a -> Math.abs(a.getLatitude() - SPOT[0]) < 0.01 && Math.abs(a.getLongitude() - SPOT[1]) < 0.01)
                .findFirst().orElseThrow());

        Page page = signIn("supervisor");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("热点预警")).click();
        assertThat(page).hasURL(url("/console/hotspots"));
        Locator row = page.locator("#active-hotspots #hotspot-" + alert.getId());
        assertThat(row).containsText("市政设施");
        assertThat(row).containsText("广州测试路");
        assertThat(row.locator("td").nth(2)).hasText("5");
        assertThat(row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(filed.get(0).getNumber()))).isVisible();
        assertThat(row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(filed.get(4).getNumber()))).isVisible();
        assertThat(row).containsText("待处理");
        screenshot(page, "hotspots");

        button(row, "合并为主案件").click();
        assertThat(page.locator(".flash.ok")).containsText("已合并为主案件");
        row = page.locator("#active-hotspots #hotspot-" + alert.getId());
        assertThat(row).containsText("已合并");
        assertThat(button(row, "合并为主案件")).not().isVisible();
        String parent = row.locator("a[href^='/console/cases/']").last().textContent().strip();
        assertThat(parent).isNotIn(filed.stream().map(ServiceCase::getNumber).toList());
        for (ServiceCase c : filed) {
            assertThat(testCases.reload(c.getNumber()).getLinkedTo()).as(c.getNumber() + " follows the parent case").isEqualTo(parent);
        }

        row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("通知周边居民")).click();
        assertThat(page).hasURL(url("/console/notices/new?hotspot=" + alert.getId()));
        Locator form = page.locator("#compose");
        assertThat(form.getByLabel("标题")).hasValue(Pattern.compile("^已知悉.*广州测试路.*"));
        assertThat(form.getByLabel("正文")).hasValue(Pattern.compile(".*5 位居民.*正在处理.*"));
        assertThat(form.locator("input[name=audience][value=hotspot]")).isChecked();
        assertThat(page.locator("#preview #card-preview .card-title")).containsText("已知悉");
        assertThat(page.locator("#preview #card-preview .chips")).containsText("我也遇到了");
        button(form, "保存为草稿").click();
        assertThat(page.locator("#notice-state")).hasText("草稿");
        assertThat(page.locator("#progress")).containsText("共 5 位居民");

        page.navigate(url("/console/hotspots"));
        row = page.locator("#active-hotspots #hotspot-" + alert.getId());
        assertThat(row).containsText("已通知");
        button(row, "关闭").click();
        assertThat(page.locator(".flash.ok")).containsText("热点已关闭");
        assertThat(page.locator("#active-hotspots #hotspot-" + alert.getId())).hasCount(0);
        assertThat(page.locator("#closed-hotspots #hotspot-" + alert.getId())).containsText(parent);
    }
}
