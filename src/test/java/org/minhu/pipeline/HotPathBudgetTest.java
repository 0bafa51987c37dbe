package org.minhu.pipeline;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.minhu.carrier.outbox.OutboundMessage;
import org.minhu.carrier.outbox.OutboundStatus;
import org.minhu.carrier.outbox.OutboxRepository;
import org.minhu.cases.CaseEvent;
import org.minhu.cases.CaseEventRepository;
import org.minhu.cases.CaseFigures;
import org.minhu.cases.CaseService;
import org.minhu.cases.CaseState;
import org.minhu.cases.NewCase;
import org.minhu.cases.ServiceCase;
import org.minhu.proactive.hotspot.HotspotDetector;
import org.minhu.testing.CountingDriver;
import org.minhu.testing.MockCarrierResource;
import org.minhu.testing.Phone;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * The hot path cannot quietly grow again: one conversation turn over the carrier, from the push to
 * the delivery reports of its replies, is counted statement by statement (round trips to the
 * database; a JDBC batch is one) and transaction by transaction, and held to the budget
 * docs/ARCHITECTURE.md states.
 */
@QuarkusTest
@TestProfile(HotPathBudgetTest.Counting.class)
@QuarkusTestResource(MockCarrierResource.class)
public class HotPathBudgetTest {

    /**
     * Filing a case the dispatch rules route at once, its number aside (a transaction of its own): the
     * case inserted once, already routed; its two history entries in one batch.
     */
    static final int FILING = 2;
    /** Storing a push: the nonce, the resident (first message only inserts), the message. */
    static final int STORE = 3;
    /**
     * A turn: the resident locked and read, the pending messages read, the replies written (one batch,
     * however many), the message marked handled, the resident's state written.
     */
    static final int TURN = 5;
    /** Claiming due messages, however many: the heads with what their bodies need, one batch of claims. */
    static final int CLAIM = 2;
    /** Recording the platform's answers, however many accepted: one batch. */
    static final int RECORD = 1;
    /**
     * Delivery reports, applied a group of pushes at a time: the nonces (one batch), the messages read,
     * one batch of conditional updates per status reached (sent, delivered, displayed), and one
     * statement per phone learnt to show 5G messages (at most once per message). A lone push: four.
     */
    static final int REPORT_GROUP = 2 + 3;
    static final int REPORT = 4;
    /**
     * A batch of notice recipients, however many: the recipients read, the residents known, those new
     * created (one batch), locked, their 退订 read, the recipients locked, the notice read, the messages
     * written (one batch), the recipients marked (one batch), the skipped marked (one batch).
     */
    static final int NOTICE_BATCH = 10;

    /**
     * Bringing the daily summary of the figures up to date when no case changed: the watermark locked,
     * the cases changed since, the cases whose acceptance time came since, the watermark moved. Each
     * day with a change adds two (its rows deleted, counted again).
     */
    static final int FIGURES_REFRESH = 4;
    /** Reading figures of any period: the part-days at either end, the whole days' sums, the nudges. */
    static final int FIGURES_READ = 4;

    /**
     * Clustering a filed case that joins an active hot spot near it: the category's lock (one upsert,
     * which creates the row if missing and locks it), the case's few columns with whether a cluster
     * has it, the active hot spots' places, the nearest one locked and read again, its count moved,
     * the case added. (Seven when the lock was an insert and an update; eight when the case and the
     * hot spots were loaded as entities and the cluster asked apart.)
     */
    static final int HOTSPOT_JOIN = 6;
    /**
     * Clustering a filed case with no hot spot near it and too few unclustered cases near it: the
     * lock (one), the case, the hot spots' places, the nearby unclustered cases' places. (Was six,
     * then five with the lock in two.)
     */
    static final int HOTSPOT_NONE = 4;

    public static class Counting implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.datasource.jdbc.driver", CountingDriver.class.getName(),
                    "quarkus.datasource.jdbc.url",
                    "jdbc:counting:h2:mem:minhu-counting;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        }
    }

    @Inject
    OutboxRepository outbox;

    @Inject
    CaseFigures figures;

    @Inject
    CaseService cases;

    @Inject
    HotspotDetector detector;

    @Inject
    CaseEventRepository caseEvents;

    @Test
    void aTurnItsSendAndItsReportsStayWithinTheirBudgets() {
        Phone phone = new Phone("tel:+8613800007701");
        phone.send("你好");
        awaitAllDisplayed(phone.number(), 1);
        int before = QuarkusTransaction.requiringNew().call(() -> outbox.forPhone(phone.number())).size();

        CountingDriver.reset();
        assertThat(Phone.all(phone.tap("我要反映"))).isNotBlank();
        awaitAllDisplayed(phone.number(), before + 1);
        List<List<String>> committed = CountingDriver.committed();
        String all = committed.stream().map(tx -> tx.size() + ": " + String.join(" | ", tx))
                .collect(Collectors.joining("\n"));

        List<List<String>> stores = of(committed, tx -> has(tx, "insert into inbound_message"));
        List<List<String>> turns = of(committed, tx -> has(tx, "update inbound_message") && has(tx, "processed_at"));
        List<List<String>> claims = of(committed, tx -> has(tx, "left join resident r on r.phone = o.phone"));
        List<List<String>> records = of(committed, tx -> has(tx, "set accepted_at"));
        List<List<String>> reports = of(committed, tx -> has(tx, "insert into push_nonce") && !has(tx, "insert into inbound_message"));

        assertThat(stores).as("one push stored, in:\n" + all).hasSize(1);
        assertThat(stores.get(0)).as("statements to store a push").hasSizeLessThanOrEqualTo(STORE);
        assertThat(turns).as("one turn, in:\n" + all).hasSize(1);
        long written = turns.get(0).stream().filter(sql -> sql.startsWith("insert into outbound_message")).count();
        assertThat(written).as("the turn's replies written in one batch, in:\n" + all).isEqualTo(1);
        assertThat(turns.get(0)).as("statements of a turn, in:\n" + all).hasSizeLessThanOrEqualTo(TURN);
        assertThat(claims).as("claims, in:\n" + all).isNotEmpty();
        claims.forEach(tx -> assertThat(tx).as("statements of a claim").hasSizeLessThanOrEqualTo(CLAIM));
        assertThat(records).as("answers recorded, in:\n" + all).isNotEmpty();
        records.forEach(tx -> assertThat(tx).as("statements to record answers").hasSizeLessThanOrEqualTo(RECORD));
        int replies = QuarkusTransaction.requiringNew().call(() -> outbox.forPhone(phone.number())).size() - before;
        assertThat(replies).as("the turn measured answers with more than one message").isGreaterThan(1);
        assertThat(reports).as("sent, delivered and displayed for each reply, in groups, in:\n" + all)
                .isNotEmpty().hasSizeLessThanOrEqualTo(3 * replies);
        reports.forEach(tx -> assertThat(tx).as("statements of a group of delivery reports, in:\n" + all)
                .hasSizeLessThanOrEqualTo(REPORT_GROUP + replies));
        assertThat(reports.stream().mapToInt(List::size).sum()).as("statements of all the reports, in:\n" + all)
                .isLessThanOrEqualTo(3 * replies * REPORT);
        assertThat(reports.stream().filter(tx -> has(tx, "update resident")).count())
                .as("the phone is learnt to show 5G messages at most once per reply").isLessThanOrEqualTo(replies);
    }

    @Test
    void aNoticeBatchCostsTheSameStatementsWhateverItsSize() {
        List<String> phones = IntStream.range(0, 60).mapToObj(i -> String.format("tel:+86139000%05d", i)).toList();
        CountingDriver.reset();
        int id = given().auth().preemptive().basic("supervisor", "minhu-demo").contentType(ContentType.JSON)
                .body(Map.of("title", "停水通知", "text", "明日 9:00 至 18:00 停水，请提前储水。", "chips", List.of(),
                        "audience", Map.of("kind", "list", "phones", phones)))
                .post("/api/notices").then().statusCode(201).extract().jsonPath().getInt("id");
        given().auth().preemptive().basic("supervisor", "minhu-demo").contentType(ContentType.JSON)
                .post("/api/notices/" + id + "/send")
                .then().statusCode(200);
        await("the notice queued and done").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> given().auth().preemptive().basic("supervisor", "minhu-demo").get("/api/notices/" + id)
                        .jsonPath().getString("state"), "DONE"::equals);
        List<List<String>> batches = of(CountingDriver.committed(), tx -> has(tx, "set state = 'queued'"));
        String all = batches.stream().map(tx -> tx.size() + ": " + String.join(" | ", tx)).collect(Collectors.joining("\n"));
        assertThat(batches).as("batches that queued the 60 residents (new to the service)").isNotEmpty();
        batches.forEach(tx -> assertThat(tx).as("statements of a notice batch, in:\n" + all).hasSizeLessThanOrEqualTo(NOTICE_BATCH));
        assertThat(QuarkusTransaction.requiringNew().call(() -> phones.stream().mapToInt(p -> outbox.forPhone(p).size()).sum()))
                .as("one message each").isEqualTo(60);
    }

    private void awaitAllDisplayed(String phone, int atLeast) {
        await("every message displayed on " + phone).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> outbox.forPhone(phone)),
                        sent -> sent.size() >= atLeast && sent.stream().map(OutboundMessage::getStatus)
                                .allMatch(s -> s == OutboundStatus.DISPLAYED));
    }

    @Test
    void figuresOfAMonthOrAYearCostTheSameFewStatements() {
        Instant now = Instant.now();
        for (Duration period : List.of(Duration.ofDays(30), Duration.ofDays(365))) {
            QuarkusTransaction.requiringNew().run(() -> figures.compute(now.minus(period), now, CaseFigures.By.UNIT));
            CountingDriver.reset();
            QuarkusTransaction.requiringNew().run(() -> figures.compute(now.minus(period), now, CaseFigures.By.UNIT));
            List<List<String>> committed = CountingDriver.committed();
            String all = committed.stream().map(tx -> tx.size() + ": " + String.join(" | ", tx))
                    .collect(Collectors.joining("\n"));
            List<List<String>> refresh = of(committed, tx -> has(tx, "case_figures_watermark"));
            List<List<String>> read = of(committed, tx -> has(tx, "from case_day_figures") && !has(tx, "case_figures_watermark"));
            assertThat(refresh).as("one refresh, in:\n" + all).hasSize(1);
            // today's cases may have changed in the last two minutes (the other tests'): one day counted again at most
            assertThat(refresh.get(0)).as("statements to bring the summary up to date over %s, in:\n%s", period, all)
                    .hasSizeLessThanOrEqualTo(FIGURES_REFRESH + 2);
            assertThat(read).as("one read, in:\n" + all).hasSize(1);
            assertThat(read.get(0)).as("statements to read the figures of %s, in:\n%s", period, all)
                    .hasSizeLessThanOrEqualTo(FIGURES_READ);
        }
    }

    @Test
    void aDashboardPageBringsTheSummaryUpToDateOnce() {
        org.minhu.console.ConsoleSession supervisor = org.minhu.console.ConsoleSession.signIn("supervisor");
        supervisor.bare().get("/console/dashboard").then().statusCode(200);
        CountingDriver.reset();
        supervisor.bare().get("/console/dashboard").then().statusCode(200);
        List<List<String>> committed = CountingDriver.committed();
        String all = committed.stream().map(tx -> tx.size() + ": " + String.join(" | ", tx))
                .collect(Collectors.joining("\n"));
        assertThat(of(committed, tx -> has(tx, "case_figures_watermark"))).as("refreshes, in:\n" + all).hasSize(1);
    }

    @Test
    void aCaseRoutedAtItsFilingIsWrittenOnceAsRouted() {
        CountingDriver.reset();
        String number = QuarkusTransaction.requiringNew().call(() -> cases.file(new NewCase("tel:+8613700007703", "municipal",
                "井盖缺失，行人绕行", null, null, "测试路", null, "file-request", 1)).getNumber());
        List<List<String>> filings = of(CountingDriver.committed(), tx -> has(tx, "insert into service_case"));
        assertThat(filings).singleElement().satisfies(tx -> {
            String all = tx.size() + ": " + String.join(" | ", tx);
            assertThat(tx).as("the case inserted once, in:\n" + all).filteredOn(sql -> sql.startsWith("insert into service_case")).hasSize(1);
            assertThat(tx).as("and never updated, in:\n" + all).noneMatch(sql -> sql.startsWith("update service_case"));
            assertThat(tx).as("the case and its history, nothing else, in:\n" + all).hasSize(FILING);
            assertThat(tx).as("its filing and its routing in its history, one batch, in:\n" + all)
                    .filteredOn(sql -> sql.startsWith("insert into case_event")).hasSize(1);
        });
        ServiceCase stored = QuarkusTransaction.requiringNew().call(() -> cases.forResident("tel:+8613700007703", 1).get(0));
        assertThat(stored.getNumber()).isEqualTo(number);
        assertThat(stored.getState()).isEqualTo(CaseState.DISPATCHED);
        assertThat(stored.getUnit()).isNotBlank();
        assertThat(QuarkusTransaction.requiringNew().call(() -> caseEvents.forCase(stored.getId())))
                .extracting(CaseEvent::getKind, CaseEvent::getFromState, CaseEvent::getToState)
                .containsExactly(tuple(CaseEvent.Kind.FILED, null, CaseState.RECEIVED),
                        tuple(CaseEvent.Kind.DISPATCHED, CaseState.RECEIVED, CaseState.DISPATCHED));
    }

    @Test
    void clusteringAFiledCaseCostsAtMostSixStatementsWhenItJoinsAHotSpotAndFourWhenItFindsNone() {
        double latitude = 23.95;
        double longitude = 113.95;
        for (int i = 0; i < 5; i++) {
            fileNear(latitude + i * 0.001, longitude);
        }
        assertThat(clusterings(() -> fileNear(latitude + 0.002, longitude + 0.001))).singleElement()
                .satisfies(tx -> assertThat(tx).as("the hot spot joined").anyMatch(sql -> sql.startsWith("insert into hotspot_case")))
                .satisfies(tx -> assertClustering(tx, HOTSPOT_JOIN, 1));
        assertThat(clusterings(() -> fileNear(latitude + 0.2, longitude))).singleElement()
                .satisfies(tx -> assertThat(tx).as("nothing joined or raised").noneMatch(sql -> sql.startsWith("insert into hotspot_case") || sql.startsWith("insert into hotspot_alert")))
                .satisfies(tx -> assertClustering(tx, HOTSPOT_NONE, 0));
    }

    private void fileNear(double latitude, double longitude) {
        QuarkusTransaction.requiringNew().run(() -> cases.file(new NewCase("tel:+8613700007702", "municipal", "路面塌陷，车辆绕行",
                latitude, longitude, "测试路", null, "file-request", 1)));
        detector.awaitIdle(Duration.ofSeconds(10));
    }

    /** The transactions that clustered the cases filed by {@code filing} (those that took a category's lock). */
    private static List<List<String>> clusterings(Runnable filing) {
        CountingDriver.reset();
        filing.run();
        return of(CountingDriver.committed(), tx -> has(tx, "hotspot_lock"));
    }

    /**
     * At most {@code budget} statements, the cases read as the few columns clustering needs (a
     * statement naming {@code description} is the whole row, an entity loaded), and only the hot spot
     * joined read whole (it is locked and read again as an entity, the others as their places).
     */
    private static void assertClustering(List<String> tx, int budget, int wholeAlerts) {
        String all = tx.size() + ": " + String.join(" | ", tx);
        assertThat(tx).as("statements to cluster a filed case, in:\n" + all).hasSizeLessThanOrEqualTo(budget);
        assertThat(tx).as("no case loaded as an entity, in:\n" + all)
                .noneMatch(sql -> sql.contains("from service_case") && sql.contains("description"));
        assertThat(tx.stream().filter(sql -> sql.contains("from hotspot_alert") && sql.contains("handled_by")))
                .as("hot spots read whole, in:\n" + all).hasSize(wholeAlerts);
    }

    private static boolean has(List<String> tx, String fragment) {
        return tx.stream().anyMatch(sql -> sql.toLowerCase().contains(fragment));
    }

    private static List<List<String>> of(List<List<String>> committed, Predicate<List<String>> shape) {
        return committed.stream().filter(shape).toList();
    }
}
