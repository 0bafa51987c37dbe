import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.ScreenshotType;

import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * Takes README's inbox picture (docs/images/inbox.png) from a running service, as a fresh ./run
 * shows it: signed in as the demo operator, the demo cases in the inbox. With the system Chromium;
 * Playwright downloads nothing. Needs CJK and emoji fonts (fonts-noto-cjk, fonts-noto-color-emoji).
 * Run from the repository's root while a fresh ./run is up (an empty data/), with Playwright's jars
 * from the local Maven repository (the versions the pom names):
 * <pre>
 * M=~/.m2/repository/com; P=$M/microsoft/playwright
 * java -cp $P/playwright/1.62.0/playwright-1.62.0.jar:$P/driver/1.62.0/driver-1.62.0.jar:$P/driver-bundle/1.62.0/driver-bundle-1.62.0.jar:$M/google/code/gson/gson/2.13.1/gson-2.13.1.jar \
 *   docs/images/InboxScreenshot.java http://127.0.0.1:8080
 * </pre>
 */
public class InboxScreenshot {
    public static void main(String[] args) {
        String root = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(Paths.get("/usr/bin/chromium")).setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync")));
            BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                    .setViewportSize(1440, 760).setLocale("zh-CN").setTimezoneId("Asia/Shanghai"));
            Page page = context.newPage();
            page.navigate(root + "/console/login");
            page.getByLabel("用户名").fill("operator");
            page.getByLabel("密码").fill("minhu-demo");
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("登录")).click();
            page.waitForSelector("table.inbox");
            page.waitForLoadState();
            page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("docs", "images", "inbox.png"))
                    .setType(ScreenshotType.PNG));
            browser.close();
        }
    }
}
