package org.minhu.console;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.common.http.TestHTTPResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.minhu.security.DemoAccounts;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * What every console browser test needs: the system's Chromium (headless; Playwright never downloads
 * one), a fresh browser context per signed-in person, closed after each test, and screenshots under
 * {@code target/screenshots/} (README's inbox picture comes from a fresh start instead:
 * {@code docs/images/InboxScreenshot.java}).
 */
abstract class BrowserTestBase {

    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private static Playwright playwright;
    static Browser browser;

    @TestHTTPResource("/")
    URL base;

    final List<BrowserContext> contexts = new ArrayList<>();

    @BeforeAll
    static void startBrowser() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync")));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @AfterEach
    void closeContexts() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }

    /** A new browser context signed in on the sign-in page as a demo account; a page dialog fails the test. */
    Page signIn(String username) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(1440, 900).setLocale("zh-CN").setTimezoneId("Asia/Shanghai"));
        context.setDefaultTimeout(15_000);
        // so a test can wait for the page's live connection (htmx's sse extension) before changing data
        context.addInitScript("document.addEventListener('htmx:sseOpen', () => { window.minhuLive = true; });");
        contexts.add(context);
        Page page = context.newPage();
        page.onDialog(dialog -> {
            throw new AssertionError("a page ran a dialog: " + dialog.message());
        });
        page.navigate(url("/console"));
        assertThat(page).hasURL(url("/console/login"));
        page.getByLabel("用户名").fill(username);
        page.getByLabel("密码").fill(DemoAccounts.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
        assertThat(page).hasURL(Pattern.compile(".*/console$"));
        return page;
    }

    /** Waits until the page listens for live updates: a change made before that would reach it only on reload. */
    static void awaitLive(Page page) {
        page.waitForFunction("() => window.minhuLive === true");
    }

    String url(String path) {
        String root = base.toString();
        return (root.endsWith("/") ? root.substring(0, root.length() - 1) : root) + path;
    }

    static void screenshot(Page page, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
