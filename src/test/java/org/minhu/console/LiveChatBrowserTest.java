package org.minhu.console;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.minhu.cases.ServiceCase;
import org.minhu.testing.MockCarrier;
import org.minhu.testing.MockCarrierResource;
import org.minhu.testing.Phone;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Live chat works like an agent's inbox: the count of residents waiting shows in the navigation as
 * they arrive, the conversation opens at its newest message and follows new ones, and a person
 * takes it (the resident hears who), files a case from it (转为诉求), passes it to a colleague and
 * ends it (the resident hears each).
 */
@QuarkusTest
@QuarkusTestResource(MockCarrierResource.class)
class LiveChatBrowserTest extends BrowserTestBase {

    private static final Duration PHONE_WAIT = Duration.ofSeconds(20);
    private static final LocatorAssertions.ContainsTextOptions LIVE = new LocatorAssertions.ContainsTextOptions().setTimeout(15_000);

    @Inject
    EntityManager em;

    private static Optional<Map<String, Object>> botMessageContaining(String phone, String text) {
        return await("a message with " + text + " on " + phone).atMost(PHONE_WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> MockCarrier.botMessages(phone).stream()
                        .filter(m -> String.valueOf(m.get("text")).contains(text)).findFirst(), Optional::isPresent);
    }

    private long openChat(String phone) {
        return await("the resident waits for a person").atMost(PHONE_WAIT).until(() ->
                QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                                "select h.id from Handoff h where h.phone = :p and h.closedAt is null", Long.class)
                        .setParameter("p", phone).getResultStream().findFirst().orElse(null)), id -> id != null);
    }

    private static boolean atEnd(Locator pane) {
        return (Boolean) pane.evaluate("c => c.scrollHeight > c.clientHeight && c.scrollHeight - c.scrollTop - c.clientHeight < 40");
    }

    @Test
    void anAgentSeesTheWaitingCountTakesFilesACasePassesAndEndsAChat() {
        Phone resident = new Phone(TestCases.newPhone());
        // a long talk with the bot before asking for a person
        for (String said : new String[]{"你好", "菜单", "咨询", "路灯坏了找谁？", "菜单", "你好", "菜单"}) {
            resident.send(said);
        }

        Page operator = signIn("operator");
        awaitLive(operator);
        Locator count = operator.locator("#chat-count .nav-count");
        String before = count.count() == 0 ? "" : count.textContent();
        resident.send("人工");
        long chat = openChat(resident.number());
        // the count in the navigation follows without reloading, with a visible alert
        assertThat(operator.locator("#chat-count .nav-count.alert")).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(15_000));
        assertThat(operator.locator("#chat-count .nav-count.alert")).not().hasText(before);

        operator.navigate(url("/console/chats/" + chat));
        Locator pane = operator.locator("#messages");
        assertThat(pane).containsText("人工");
        // it opens at the newest message
        await("the pane at its end").atMost(Duration.ofSeconds(10)).until(() -> atEnd(pane));

        operator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("接入会话")).click();
        assertThat(operator.locator(".case-head")).containsText("接线员 王芳 接待中");
        assertThat(botMessageContaining(resident.number(), "工作人员（接线员 王芳）已接入")).isPresent();

        // a new message appears and stays in view
        awaitLive(operator);
        MockCarrier.text(resident.number(), "第五园三期门口的井盖松了，车一过就响");
        assertThat(pane).containsText("井盖松了", LIVE);
        await("the pane follows").atMost(Duration.ofSeconds(10)).until(() -> atEnd(operator.locator("#messages")));

        // 转为诉求: the description starts from what the resident said (as the page was when opened)
        operator.reload();
        Locator toCase = operator.locator("form.to-case");
        assertThat(toCase.locator("textarea[name=description]")).hasValue(Pattern.compile(".*井盖松了.*", Pattern.DOTALL));
        toCase.getByLabel("类别").selectOption("municipal");
        toCase.getByLabel("地址（可选）").fill("第五园三期");
        toCase.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("转为诉求")).click();
        assertThat(operator.locator(".flash.ok")).containsText("已转为诉求");
        String number = operator.locator(".flash.ok a").textContent().replace("→", "").strip();
        ServiceCase filed = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "from ServiceCase where number = :n", ServiceCase.class).setParameter("n", number).getSingleResult());
        assertThat(filed.getPhone()).isEqualTo(resident.number());
        assertThat(filed.getDescription()).contains("井盖松了");
        assertThat(botMessageContaining(resident.number(), number)).isPresent();

        // passed to a colleague: the resident hears who has it now, the colleague sees it is theirs
        operator.getByLabel("转给同事").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("督办室 张敏"));
        operator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("转给同事")).click();
        assertThat(operator.locator(".flash.ok")).containsText("已转给同事");
        assertThat(botMessageContaining(resident.number(), "已为您转接工作人员（督办室 张敏）")).isPresent();
        Page supervisor = signIn("supervisor");
        supervisor.navigate(url("/console/chats/" + chat));
        assertThat(supervisor.locator(".case-head")).containsText("督办室 张敏 接待中");

        supervisor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("结束并转回智能助手")).click();
        assertThat(supervisor).hasURL(url("/console/chats"));
        assertThat(botMessageContaining(resident.number(), "工作人员（督办室 张敏）已离开会话")).isPresent();
    }

    @Test
    void onlyWhoeverHasAChatCanPassIt() {
        Phone resident = new Phone(TestCases.newPhone());
        resident.send("你好");
        resident.send("人工");
        long chat = openChat(resident.number());
        ConsoleSession operator = ConsoleSession.signIn("operator");
        assertThat(operator.form().post("/console/chats/" + chat + "/take").statusCode()).isEqualTo(303);
        ConsoleSession supervisor = ConsoleSession.signIn("supervisor");
        var refused = supervisor.form().formParam("to", "admin").post("/console/chats/" + chat + "/pass");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.asString()).contains("已由其他同事接待");
        var nobody = operator.form().formParam("to", "handler").post("/console/chats/" + chat + "/pass");
        assertThat(nobody.statusCode()).as("handlers do not answer live chats").isEqualTo(400);
    }
}
