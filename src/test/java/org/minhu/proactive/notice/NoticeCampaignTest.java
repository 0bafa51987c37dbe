package org.minhu.proactive.notice;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.minhu.cases.CaseLifecycle;
import org.minhu.cases.CaseService;
import org.minhu.cases.NewCase;
import org.minhu.cases.ServiceCase;
import org.minhu.testing.MockCarrier;
import org.minhu.testing.MockCarrierResource;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A notice to 10,000 residents through the mock carrier, with the carrier's quota at 2,000 a second
 * (the service's and the mock's): the quota holds; the dispatcher dies inside a batch, and again in
 * every batch it tries for a while, then comes back, and still everyone gets exactly one copy;
 * residents who said 退订 before their turn get none; and a resident's case update overtakes the
 * running campaign.
 * Runs on a database and a mock carrier of its own, so its 10,000 residents meet no other test.
 */
@QuarkusTest
@TestProfile(NoticeCampaignTest.Campaign.class)
@QuarkusTestResource(MockCarrierResource.class)
class NoticeCampaignTest {

    static final int RECIPIENTS = 10_000;
    static final int QUOTA = 2_000;
    /** Batches the dispatcher dies in, one after another, before it is let run again. */
    static final int DOWN_FOR_BATCHES = 3;

    public static class Campaign implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "minhu.carrier.send.quota-per-second", String.valueOf(QUOTA),
                    "quarkus.datasource.jdbc.url",
                    "jdbc:h2:mem:campaign;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        }
    }

    @Inject
    Notices notices;

    @Inject
    NoticeDispatcher dispatcher;

    @Inject
    CrashSwitch crash;

    @Inject
    CaseService cases;

    @Inject
    CaseLifecycle lifecycle;

    @Inject
    EntityManager em;

    private static String phone(int i) {
        return String.format("tel:+86189%08d", i);
    }

    private long count(String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = em.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }

    /** Read afresh: the test's own session would keep handing back the notice it loaded first. */
    private Notice.State state(long notice) {
        return QuarkusTransaction.requiringNew().call(() -> notices.find(notice).getState());
    }

    private long queued(long notice) {
        return count("select count(*) from notice_recipient where notice_id = ?1 and state = 'QUEUED'", notice);
    }

    @Test
    void tenThousandResidentsWithinTheQuotaThroughACrashEachExactlyOnceAndCaseUpdatesFirst() {
        MockCarrier.faults(Map.of("quotaPerSecond", QUOTA));
        try {
            run();
        } finally {
            MockCarrier.clearFaults();
        }
    }

    private void run() {
        List<String> phones = IntStream.range(0, RECIPIENTS).mapToObj(NoticeCampaignTest::phone).toList();
        List<String> leftBefore = List.of(phone(9_990), phone(9_991), phone(9_992));
        String leavesDuring = phone(9_995);
        for (String leaver : leftBefore) {
            MockCarrier.text(leaver, "退订");
        }
        String owner = "tel:+8618884000001";
        ServiceCase own = QuarkusTransaction.requiringNew().call(() -> cases.file(new NewCase(owner, "policy",
                "想了解居住证办理", null, null, null, null, "file-request", 1)));
        for (String leaver : leftBefore) {
            assertThat(MockCarrier.awaitBotMessages(leaver, 1, Duration.ofSeconds(15))).hasSize(1);
        }

        Notice notice = notices.create(new Notices.Draft("明日 9:00–17:00 停水通知", "因管网维修，坂田街道部分小区明日停水，请提前储水。",
                null, List.of(new NoticeCard.NoticeChip("查看详情", null, "https://www.example.gov.cn/water", null)), "outages",
                new Audience(Audience.LIST, null, null, null, null, null, null, null, null, null, phones)), "supervisor");
        long id = notice.getId();
        Instant started = Instant.now();
        notices.send(id);

        long updateAt = 0;
        long updateSeen = 0;
        long queuedWhenSeen = 0;
        Notice.State stateWhenSeen = null;
        long queuedAtCrash = -1;
        boolean leaverAsked = false;
        long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
        long nextReport = 0;
        while (state(id) != Notice.State.DONE) {
            assertThat(System.nanoTime()).as("the campaign finishes in time").isLessThan(deadline);
            long queued = queued(id);
            if (!leaverAsked && queued >= 2_000) {
                MockCarrier.text(leavesDuring, "退订");
                leaverAsked = true;
            }
            // the case update early, with most of the campaign still to go: its wait (up to a few seconds on
            // a loaded machine) must not let the campaign finish before the crash below is tried
            if (updateAt == 0 && queued >= 1_500) {
                QuarkusTransaction.requiringNew().run(() -> lifecycle.accept(own.getNumber(), "handler"));
                updateAt = System.nanoTime();
                assertThat(MockCarrier.awaitBotMessages(owner, 1, Duration.ofSeconds(20))).hasSize(1);
                updateSeen = System.nanoTime();
                queuedWhenSeen = queued(id);
                stateWhenSeen = state(id);
            }
            if (queuedAtCrash < 0 && queued >= 4_000) {
                crash.arm();
                // batches run one after another: once one has died, every earlier one has committed
                await("the dispatcher to die inside a batch").atMost(Duration.ofSeconds(30))
                        .until(crash::crashes, n -> n >= 1);
                queuedAtCrash = queued(id);
                await("the dispatcher to try twice more").atMost(Duration.ofSeconds(30))
                        .until(crash::crashes, n -> n >= DOWN_FOR_BATCHES);
                assertThat(queued(id)).as("a batch that dies queues no one").isEqualTo(queuedAtCrash);
                crash.disarm();
            }
            if (System.nanoTime() > nextReport) {
                nextReport = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                System.out.printf("[campaign] %.0f s: %d queued, %d waiting in the outbox, sending %.0f/s%n",
                        Duration.between(started, Instant.now()).toMillis() / 1000.0, queued,
                        count("select count(*) from outbound_message where status in ('PENDING', 'SENDING')"),
                        dispatcher.drainPerSecond());
            }
            MockCarrier.sleep(100);
        }
        Instant queuedAll = Instant.now();
        awaitSettled(id);
        Notices.Progress progress = notices.progress(id);

        // exactly one copy each, none for those who left, no one missed
        Map<String, Integer> fromBot = new HashMap<>();
        for (Map<String, Object> p : given().baseUri(MockCarrier.base()).get("/sim/phones").then().statusCode(200)
                .extract().jsonPath().<Map<String, Object>>getList("")) {
            fromBot.put((String) p.get("phone"), ((Number) p.get("fromBot")).intValue());
        }
        Set<String> leavers = new HashSet<>(leftBefore);
        leavers.add(leavesDuring);
        List<String> notOnce = new ArrayList<>();
        for (String phone : phones) {
            if (fromBot.getOrDefault(phone, 0) != 1) {
                notOnce.add(phone + "=" + fromBot.getOrDefault(phone, 0));
            }
        }
        assertThat(notOnce).as("every resident's phone shows exactly one message (the notice, or for those who left, the 退订 answer)").isEmpty();
        for (String leaver : leavers) {
            assertThat(MockCarrier.botMessages(leaver)).as(leaver).extracting(m -> (String) m.get("text"))
                    .noneMatch(text -> text.contains("停水通知"));
        }
        assertThat(progress.recipients()).isEqualTo(RECIPIENTS);
        assertThat(progress.optedOut()).isEqualTo(4);
        assertThat(progress.queued()).isEqualTo(RECIPIENTS - 4);
        assertThat(progress.sent()).isEqualTo(RECIPIENTS - 4);
        assertThat(progress.failed()).isZero();
        assertThat(count("""
                select count(*) from outbound_message o where o.phone like 'tel:+86189%'
                and not exists (select 1 from notice_recipient r where r.outbound_id = o.id)""")).as("besides the notice, only the four 退订 answers").isEqualTo(4);
        assertThat(crash.crashes()).isGreaterThanOrEqualTo(DOWN_FOR_BATCHES);

        // the quota: sends accepted per wall-clock second, campaign and everything else together
        TreeMap<Long, Integer> perSecond = new TreeMap<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (Object at : em.createNativeQuery("select accepted_at from outbound_message where accepted_at is not null")
                    .getResultList()) {
                perSecond.merge(instant(at).getEpochSecond(), 1, Integer::sum);
            }
        });
        int busiest = perSecond.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        Map<String, Object> stats = MockCarrier.stats();
        assertThat(busiest).as("sends in the busiest second").isLessThanOrEqualTo(QUOTA);

        // the case update went out while the campaign was still running, ahead of its later messages
        long updateId = count("select max(id) from outbound_message where phone = ?1", owner);
        long overtaken = count("""
                select count(*) from outbound_message o join notice_recipient r on r.outbound_id = o.id
                where r.notice_id = ?1 and o.id > ?2
                  and o.accepted_at < (select accepted_at from outbound_message where id = ?2)""", id, updateId);
        double updateSeconds = (updateSeen - updateAt) / 1e9;
        assertThat(stateWhenSeen).isEqualTo(Notice.State.SENDING);
        assertThat(queuedWhenSeen).as("the campaign had residents left to serve").isLessThan(RECIPIENTS - 4);
        assertThat(updateSeconds).as("seconds from the case change to the resident's phone").isLessThan(3.0);
        assertThat(overtaken).as("campaign messages queued after the update but sent before it (one sender batch at most)")
                .isLessThanOrEqualTo(200);

        double seconds = Duration.between(started, queuedAll).toMillis() / 1000.0;
        System.out.printf("""
                        [campaign] %d recipients, quota %d/s (notices may use %d/s): all queued in %.1f s (%.0f/s), busiest second %d sends
                        [campaign] progress: %s
                        [campaign] dispatcher killed inside each batch from %d queued on, then let run again; crashes %d
                        [campaign] case update on the owner's phone %.2f s after the change, %d of %d queued then, %d later campaign messages sent before it
                        [campaign] mock carrier: accepted %s, rejected %s, duplicate sends %s
                        """, RECIPIENTS, QUOTA, dispatcher.perSecond(), seconds, RECIPIENTS / seconds, busiest, progress,
                queuedAtCrash, crash.crashes(), updateSeconds, queuedWhenSeen, RECIPIENTS - 4, overtaken,
                stats.get("sendsAccepted"), stats.get("sendsRejected"), stats.get("duplicateSends"));
    }

    /** Until the platform has taken every message and reported on them. */
    private void awaitSettled(long id) {
        await("delivery reports for every message").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> notices.progress(id)),
                        p -> p.waiting() == 0 && p.delivered() + p.smsFallback() + p.failed() >= p.sent());
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("a time column read as " + value.getClass());
    }
}
