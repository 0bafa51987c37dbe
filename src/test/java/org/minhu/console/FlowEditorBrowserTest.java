package org.minhu.console;


import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.minhu.cases.ServiceCase;
import org.minhu.cases.CaseService;
import org.minhu.conversation.FlowRegistry;
import org.minhu.testing.MockCarrierResource;
import org.minhu.testing.Phone;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.minhu.testing.Phone.all;

/**
 * An admin edits the conversation flows in the console (Chromium): the welcome text and an option
 * of the filing flow, seen in the preview and the graph, published; residents then meet the new
 * version over the mock carrier, while one half-way through the old version finishes it. An invalid
 * edit is refused in Chinese naming the step, a test number meets a draft others do not, and going
 * back to an earlier version or to the shipped file restores the old text.
 */
@QuarkusTest
@QuarkusTestResource(MockCarrierResource.class)
class FlowEditorBrowserTest extends BrowserTestBase {

    private static final String OLD_WELCOME = "您好！这里是民呼城市服务。";
    private static final String ADDRESS = "坂田街道某某工业区 8 号楼后面的工地";

    @Inject
    EntityManager em;

    @Inject
    FlowRegistry registry;

    @Inject
    CaseService cases;

    /** Other tests meet the shipped flows: what this one published, drafted or listed goes. */
    @AfterEach
    void backToTheShippedFlows() {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("delete from flow_version").executeUpdate();
            em.createNativeQuery("delete from flow_draft").executeUpdate();
            em.createNativeQuery("delete from flow_test_number").executeUpdate();
        });
        registry.rebuild();
    }

    @Test
    void anEditIsPreviewedPublishedAndMetByTheNextConversationWhileOneHalfWayFinishesTheOldVersion() {
        // a resident in the middle of filing, on the version in use
        Phone halfway = new Phone(TestCases.newPhone()).smsOnly();
        String menu = all(halfway.send("你好"));
        assertThat(menu).contains(OLD_WELCOME);
        String categories = all(halfway.send(numberOf(menu, "我要反映")));
        assertThat(all(halfway.send(numberOf(categories, "环境卫生")))).contains("请简要描述发生了什么");

        Page page = signIn("admin");
        page.navigate(url("/console/admin"));
        page.getByText("对话流程").first().click();
        page.locator("tr", new Page.LocatorOptions().setHasText("欢迎与菜单")).getByText("编辑").click();
        assertThat(page.locator("#flow-graph canvas")).hasCount(1);

        // the welcome text, in the steps view
        String welcome = "国庆假期热线照常服务。您好！这里是民呼城市服务，请选择：";
        page.locator("textarea[aria-label='menu 提问 中文']").fill(welcome);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("检查并保存文字")).click();
        assertThat(page.locator(".flash.ok")).containsText("草稿已保存");
        preview(page);
        assertThat(page.locator("#preview-turns .card-rendering").first()).containsText("国庆假期热线照常服务");
        assertThat(page.locator("#preview-turns .sms-rendering").first()).containsText("我要反映");
        page.getByLabel("发布说明").fill("国庆假期提示");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("发布")).click();
        assertThat(page.locator(".flash.ok")).containsText("已发布第 3 版");
        assertThat(page.locator("#history")).containsText("国庆假期提示");

        // one option of the filing flow: its label, and the graph and the preview follow
        page.navigate(url("/console/admin/flows/file-request"));
        assertThat(page.locator("fieldset[data-step=summary]")).containsText("submit");
        page.locator("textarea[aria-label='summary 选项 submit 中文']").fill("确认无误提交");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("检查并保存文字")).click();
        assertThat(page.locator(".flash.ok")).containsText("草稿已保存");
        assertThat(page.locator("#flow-text").inputValue()).contains("\"file.summary.submit\": \"确认无误提交\"");
        assertThat(page.locator("#flow-graph canvas")).hasCount(1);
        screenshot(page, "flow-editor");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("发布")).click();
        assertThat(page.locator(".flash.ok")).containsText("已发布第");

        // the resident half-way finishes the version they started: the old label, the old version on the case
        assertThat(all(halfway.send("工地晚上十一点还在施工，噪音很大"))).contains("问题发生在哪里");
        String oldSummary = all(halfway.send(ADDRESS));
        assertThat(oldSummary).contains("确认提交").doesNotContain("确认无误提交");
        assertThat(all(halfway.send(numberOf(oldSummary, "确认提交")))).contains("已受理");
        assertThat(filed(halfway).getFlowVersion()).isEqualTo(registry.shipped().flow("file-request").version());

        // the next conversation meets the new version
        Phone next = new Phone(TestCases.newPhone()).smsOnly();
        String newMenu = all(next.send("你好"));
        assertThat(newMenu).contains("国庆假期热线照常服务");
        String nextCategories = all(next.send(numberOf(newMenu, "我要反映")));
        all(next.send(numberOf(nextCategories, "环境卫生")));
        all(next.send("工地晚上十一点还在施工，噪音很大"));
        String newSummary = all(next.send(ADDRESS));
        assertThat(newSummary).contains("确认无误提交");
        assertThat(all(next.send(numberOf(newSummary, "确认无误提交")))).contains("已受理");
        assertThat(filed(next).getFlowVersion()).isEqualTo(registry.engine().flows().flow("file-request").version())
                .isGreaterThan(registry.shipped().flow("file-request").version());
    }

    @Test
    void anInvalidEditIsRefusedInChineseNamingTheStepAndTheTypedTextIsKept() {
        Page page = signIn("admin");
        page.navigate(url("/console/admin/flows/file-request"));
        String text = page.locator("#flow-text").inputValue();
        assertThat(text).contains("goto: create }");
        page.locator("#flow-text").fill(text.replace("goto: create }", "goto: creat }"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("检查并保存草稿")).click();

        assertThat(page.locator(".flash.error[role=alert]")).containsText("步骤「summary」");
        assertThat(page.locator(".flash.error[role=alert]")).containsText("跳转到不存在的步骤「creat」");
        assertThat(page.locator(".flash.error[role=alert]")).containsText("第 " + lineOf(text, "goto: create }") + " 行");
        assertThat(page.locator("#flow-text").inputValue()).contains("goto: creat }");

        // a missing translation, in the steps view
        page.navigate(url("/console/admin/flows/file-request"));
        page.locator("textarea[aria-label='summary 选项 submit English']").fill("");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("检查并保存文字")).click();
        assertThat(page.locator(".flash.error[role=alert]")).containsText("步骤「summary」");
        assertThat(page.locator(".flash.error[role=alert]")).containsText("缺少 en 译文");

        // a step the Java side relies on cannot be renamed
        page.navigate(url("/console/admin/flows/rate"));
        String rate = page.locator("#flow-text").inputValue();
        page.locator("#flow-text").fill(rate.replace("  - id: reason\n", "  - id: why\n").replace("goto: reason }", "goto: why }"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("检查并保存草稿")).click();
        assertThat(page.locator(".flash.error[role=alert]")).containsText("步骤「reason」不能删除或改名");

        // a step nothing leads to is refused, and marked on the graph
        page.navigate(url("/console/admin/flows/rate"));
        String withOrphan = page.locator("#flow-text").inputValue()
                .replace("  - id: failed\n", "  - id: orphan\n    say: rate.failed\n    end: true\n\n  - id: failed\n");
        page.locator("#flow-text").fill(withOrphan);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("检查并保存草稿")).click();
        assertThat(page.locator(".flash.error[role=alert]")).containsText("步骤「orphan」从开始步骤「list」永远走不到");
        assertThat(page.locator("#unreachable")).containsText("orphan");
        assertThat(page.locator(".badge.wait")).hasCount(0);
    }

    @Test
    void aTestNumberMeetsTheDraftThatOthersDoNot() {
        Phone tester = new Phone(TestCases.newPhone()).smsOnly();
        Page page = signIn("admin");
        page.navigate(url("/console/admin/flows"));
        page.getByLabel("测试号码").fill(tester.number().replace("tel:+86", ""));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("添加测试号码")).click();
        assertThat(page.locator("#test-numbers")).containsText(tester.number().replace("tel:+86", ""));
        page.getByLabel("测试号码").fill("12345");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("添加测试号码")).click();
        assertThat(page.locator(".flash.error[role=alert]")).containsText("11 位手机号码");

        page.navigate(url("/console/admin/flows/menu"));
        page.locator("textarea[aria-label='menu 提问 中文']").fill("【草稿】新的欢迎语，请选择：");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("检查并保存文字")).click();
        assertThat(page.locator(".flash.ok")).containsText("草稿已保存");

        assertThat(all(tester.send("你好"))).contains("【草稿】新的欢迎语");
        Phone other = new Phone(TestCases.newPhone()).smsOnly();
        assertThat(all(other.send("你好"))).contains(OLD_WELCOME).doesNotContain("【草稿】");
    }

    @Test
    void goingBackToAnEarlierVersionAndToTheShippedFileRestoresTheText() {
        Page page = signIn("admin");
        publishWelcome(page, "第一次修改的欢迎语，请选择：");
        publishWelcome(page, "第二次修改的欢迎语，请选择：");
        assertThat(all(new Phone(TestCases.newPhone()).smsOnly().send("你好"))).contains("第二次修改的欢迎语");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("恢复为第 3 版")).click();
        assertThat(page.locator(".flash.ok")).containsText("已恢复第 3 版的内容，作为第 5 版发布");
        assertThat(all(new Phone(TestCases.newPhone()).smsOnly().send("你好"))).contains("第一次修改的欢迎语");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("恢复为出厂版本")).click();
        assertThat(page.locator(".flash.ok")).containsText("已恢复为出厂版本");
        assertThat(page.locator("textarea[aria-label='menu 提问 中文']").inputValue()).startsWith(OLD_WELCOME);
        assertThat(all(new Phone(TestCases.newPhone()).smsOnly().send("你好"))).contains(OLD_WELCOME)
                .doesNotContain("修改的欢迎语");
    }

    private void publishWelcome(Page page, String welcome) {
        page.navigate(url("/console/admin/flows/menu"));
        page.locator("textarea[aria-label='menu 提问 中文']").fill(welcome);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("检查并保存文字")).click();
        assertThat(page.locator(".flash.ok")).containsText("草稿已保存");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("发布")).click();
        assertThat(page.locator(".flash.ok")).containsText("已发布");
    }

    private static void preview(Page page) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("开始预览 / 重新开始")).click();
        assertThat(page.locator("#preview-turns .preview-turn").first()).isVisible();
    }

    private ServiceCase filed(Phone phone) {
        List<ServiceCase> mine = QuarkusTransaction.requiringNew().call(() -> cases.forResident(phone.number(), 10));
        assertThat(mine).hasSize(1);
        return mine.get(0);
    }

    private static String numberOf(String sms, String label) {
        Matcher m = Pattern.compile("(?:回复)?(\\d+) " + Pattern.quote(label)).matcher(sms);
        assertThat(m.find()).as("option %s in: %s", label, sms).isTrue();
        return m.group(1);
    }

    private static int lineOf(String text, String fragment) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(fragment)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line with " + fragment);
    }

}
