package org.minhu.console;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.minhu.cases.CaseLifecycle;
import org.minhu.cases.ServiceCase;
import org.minhu.cases.SlaMonitor;
import org.minhu.security.DemoAccounts;
import org.minhu.security.Role;
import org.minhu.security.StaffDirectory;
import org.minhu.testing.MockCarrierResource;
import org.minhu.testing.TestClock;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The bell in Chromium: a handler's page is open when a case of their unit goes unaccepted past
 * 15 minutes; the unread count appears without a reload, the list links to the case, and opening it
 * marks the notification read.
 */
@QuarkusTest
@QuarkusTestResource(MockCarrierResource.class)
class NotificationBellBrowserTest extends BrowserTestBase {

    static final String UNIT = "铃声测试单位";
    static final String HANDLER = "notify-bell";

    @Inject
    TestCases testCases;

    @Inject
    CaseLifecycle lifecycle;

    @Inject
    SlaMonitor monitor;

    @Inject
    StaffDirectory directory;

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void theBellCountsUpLiveAndTheListOpensTheCaseAndMarksItRead() {
        QuarkusTransaction.requiringNew().run(() -> {
            if (!directory.exists(HANDLER)) {
                directory.create(HANDLER, DemoAccounts.PASSWORD, Role.HANDLER, UNIT, "铃声测试 承办人");
            }
        });
        ServiceCase c = testCases.file(TestCases.newPhone(), "municipal", "公园健身器材损坏", "坂田街道五和大道");
        QuarkusTransaction.requiringNew().run(() -> {
            lifecycle.returnToDispatch(c.getNumber(), "system", "改派");
            lifecycle.dispatch(c.getNumber(), "system", UNIT, List.of(), null);
        });

        Page page = signIn(HANDLER);
        Locator bell = page.locator("#bell-count .nav-count");
        assertThat(bell).hasAttribute("data-unread", "0");
        awaitLive(page);

        clock.advance(Duration.ofMinutes(16));
        monitor.check();

        // no reload: the server-sent "notifications" signal has the bell fetch its count again
        assertThat(bell).hasText("1");
        assertThat(bell).hasAttribute("aria-label", "1 条未读消息");

        page.locator("#bell").click();
        assertThat(page).hasURL(Pattern.compile(".*/console/notifications$"));
        Locator row = page.locator("#notifications tbody tr").filter(new Locator.FilterOptions().setHasText(c.getNumber()));
        assertThat(row).hasCount(1);
        assertThat(row).containsText("超时未受理");
        assertThat(row).containsText("未读");

        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("查看诉求 " + c.getNumber())).click();
        assertThat(page).hasURL(Pattern.compile(".*/console/cases/" + c.getNumber() + "$"));
        assertThat(page.locator("h1")).hasText(c.getNumber());
        assertThat(page.locator("#bell-count .nav-count")).hasAttribute("data-unread", "0");

        page.locator("#bell").click();
        assertThat(page.locator("#notifications tbody tr").filter(new Locator.FilterOptions().setHasText(c.getNumber())))
                .containsText("已读");
        screenshot(page, "notifications");
    }
}
