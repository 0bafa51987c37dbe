package org.minhu.console;

import com.microsoft.playwright.Page;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.minhu.cases.CaseState;
import org.minhu.cases.ServiceCase;
import org.minhu.testing.MockCarrierResource;
import org.minhu.testing.Phone;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The desk as a newcomer finds it on a first start of the embedded default: demo cases in every
 * state, unit and place, and every console page in Chinese — no English status word, no internal
 * id (flow, topic, channel, login) and no raw error document, the errors being console pages with
 * the navigation.
 */
@QuarkusTest
@TestProfile(DeskBrowserTest.DemoDesk.class)
@QuarkusTestResource(MockCarrierResource.class)
class DeskBrowserTest extends BrowserTestBase {

    /** The embedded default's first start: demo accounts and demo cases, on a database of its own. */
    public static class DemoDesk implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("minhu.demo.cases", "true",
                    "quarkus.datasource.jdbc.url",
                    "jdbc:h2:mem:desk;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        }
    }

    /** Words that must never reach a console page: English states and delivery statuses, ids of flows, topics, channels, actors. */
    static final Pattern FORBIDDEN = Pattern.compile(
            "\\b(RECEIVED|DISPATCHED|ACCEPTED|IN_PROGRESS|RESOLVED|RATED|ARCHIVED|DISPLAYED|DELIVERED|DELIVERED_TO_NETWORK"
                    + "|PENDING|SENDING|SENT|FAILED|REJECTED|REVOKED|SATISFIED|MOSTLY_SATISFIED|UNSATISFIED"
                    + "|talk-to-person|file-request|ask-question|my-requests|road-works|outages|5g|open311|hotspot|system"
                    + "|operator|handler|handler-env|supervisor|Not found|Forbidden|Internal error|is required)\\b"
                    + "|\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");

    @Inject
    EntityManager em;

    @Inject
    TestCases testCases;

    private List<ServiceCase> demoCases() {
        return em.createQuery("from ServiceCase where flowId = 'demo' order by id", ServiceCase.class).getResultList();
    }

    @Test
    void aFirstStartHasDemoCasesAcrossStatesUnitsAndPlacesOnEveryPage() {
        List<ServiceCase> demo = demoCases();
        assertThat(demo).hasSizeGreaterThanOrEqualTo(30);
        assertThat(demo.stream().map(ServiceCase::getState).distinct()).as("states").hasSizeGreaterThanOrEqualTo(6);
        assertThat(demo.stream().map(ServiceCase::getUnit).distinct()).as("units").hasSizeGreaterThanOrEqualTo(8);
        assertThat(demo.stream().map(c -> c.getUnits().getGrid()).distinct()).as("grids").hasSizeGreaterThanOrEqualTo(4);
        assertThat(demo.stream().filter(c -> c.isOpen() && c.getDueAt().isBefore(java.time.Instant.now())))
                .as("overdue cases").isNotEmpty();
        assertThat(demo.stream().map(ServiceCase::getCreatedAt).distinct()).as("filed over several days")
                .anyMatch(at -> at.isBefore(java.time.Instant.now().minus(Duration.ofDays(3))));

        Page page = signIn("supervisor");
        assertThat(page.locator("table.inbox tbody tr")).not().hasCount(0);
        ServiceCase archived = demo.stream().filter(c -> c.getState() == CaseState.ARCHIVED).findFirst().orElseThrow();
        page.navigate(url("/console?q=" + archived.getNumber()));
        assertThat(page.locator("table.inbox")).containsText(archived.getNumber());
        page.navigate(url("/console/cases/" + archived.getNumber()));
        // the handler's name, not their login
        assertThat(page.locator("dl.facts").first()).containsText("城建办 李强");
        assertThat(page.locator("ol.history")).containsText("满意");
    }

    @Test
    void everyConsolePageSpeaksChineseWithoutInternalIds() {
        // a resident who talked to the bot and asked for a person: bot messages with delivery statuses, a live chat
        Phone resident = new Phone(TestCases.newPhone());
        resident.send("你好");
        ServiceCase talked = testCases.file(resident.number(), "municipal", "五和大道路灯不亮，晚上很黑", "坂田街道五和大道");
        resident.send("人工");
        long chat = await("the resident waits for a person").atMost(Duration.ofSeconds(20)).until(() ->
                QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                                "select h.id from Handoff h where h.phone = :p and h.closedAt is null", Long.class)
                        .setParameter("p", resident.number()).getResultStream().findFirst().orElse(null)), id -> id != null);

        List<String> pages = new ArrayList<>(List.of("/console", "/console/chats", "/console/chats/" + chat,
                "/console/dashboard", "/console/reports/overdue", "/console/reports/ranking", "/console/hotspots",
                "/console/notices", "/console/notices/new",
                "/console/cases/" + talked.getNumber(), "/console/cases/MH-19990101-0001", "/console/no-such-page"));
        for (CaseState state : CaseState.values()) {
            demoCases().stream().filter(c -> c.getState() == state).findFirst()
                    .ifPresent(c -> pages.add("/console/cases/" + c.getNumber()));
        }
        Page supervisor = signIn("supervisor");
        // the operator takes the chat, so that its taker is shown
        Page operator = signIn("operator");
        operator.navigate(url("/console/chats/" + chat));
        operator.getByText("接入会话").click();
        assertThat(operator.locator(".case-head .badge")).containsText("接线员 王芳");
        checkChinese(operator, "/console/cases/" + talked.getNumber());
        for (String path : pages) {
            checkChinese(supervisor, path);
        }

        Page handler = signIn("handler");
        checkChinese(handler, "/console");
        checkChinese(handler, "/console/dashboard");
        checkChinese(handler, "/console/admin");

        Page admin = signIn("admin");
        checkChinese(admin, "/console/admin/reference/working-hours");
    }

    @Test
    void errorsAreConsolePagesWithTheNavigation() {
        Page handler = signIn("handler");
        var forbidden = handler.navigate(url("/console/dashboard"));
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(handler.locator("h1")).containsText("没有权限");
        assertThat(handler.locator("header nav")).containsText("收件箱");

        var missing = handler.navigate(url("/console/cases/MH-19990101-0001"));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(handler.locator("h1")).containsText("找不到");
        assertThat(handler.locator("header nav")).containsText("收件箱");

        var nowhere = handler.navigate(url("/console/nowhere"));
        assertThat(nowhere.status()).isEqualTo(404);
        assertThat(handler.locator("h1")).containsText("找不到");
    }

    private void checkChinese(Page page, String path) {
        page.navigate(url(path));
        page.waitForLoadState();
        String text = (String) page.evaluate("() => document.body.innerText");
        Matcher m = FORBIDDEN.matcher(text);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            int from = Math.max(0, m.start() - 30);
            found.add(m.group() + " in «" + text.substring(from, Math.min(text.length(), m.end() + 30)).replace('\n', ' ') + "»");
        }
        assertThat(found).as("English or internal ids on " + path).isEmpty();
    }
}
