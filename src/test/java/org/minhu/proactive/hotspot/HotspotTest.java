package org.minhu.proactive.hotspot;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.minhu.cases.CaseService;
import org.minhu.cases.NewCase;
import org.minhu.cases.ServiceCase;
import org.minhu.cases.ServiceCaseRepository;
import org.minhu.conversation.subscription.Subscription;
import org.minhu.conversation.subscription.Subscriptions;
import org.minhu.proactive.notice.Notice;
import org.minhu.proactive.notice.Notices;
import org.minhu.testing.MockCarrier;
import org.minhu.testing.MockCarrierResource;
import org.minhu.testing.Settled;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Hot spots on the real database: new cases are clustered as they are filed. Each test works at its
 * own spot, far from the places other tests file their cases, so their cases never join in.
 */
@QuarkusTest
@QuarkusTestResource(MockCarrierResource.class)
class HotspotTest {

    private static final AtomicInteger NEXT = new AtomicInteger();
    /** About 111 m of latitude. */
    private static final double STEP = 0.001;

    @Inject
    CaseService cases;

    @Inject
    ServiceCaseRepository repository;

    @Inject
    Hotspots hotspots;

    @Inject
    HotspotDetector detector;

    @Inject
    HotspotAlertRepository alerts;

    @Inject
    Notices notices;

    @Inject
    Subscriptions subscriptions;

    private static String newPhone() {
        return "tel:+86188800" + String.format("%05d", NEXT.incrementAndGet());
    }

    /** A spot of its own for each test, in Guangzhou, where no other test files anything. */
    private static double[] spot(int test) {
        return new double[]{23.10 + test * 0.05, 113.30};
    }

    /** Files a case and waits until it is clustered (that runs just after the filing commits). */
    private ServiceCase file(String category, double latitude, double longitude) {
        ServiceCase filed = QuarkusTransaction.requiringNew().call(() -> cases.file(new NewCase(newPhone(), category,
                "路面塌陷，车辆绕行", latitude, longitude, "测试路", null, "file-request", 1)));
        detector.awaitIdle(Duration.ofSeconds(10));
        return filed;
    }

    private List<HotspotAlert> alertsNear(double[] spot) {
        return QuarkusTransaction.requiringNew().call(() -> alerts.listAll().stream()
                .filter(a -> Math.abs(a.getLatitude() - spot[0]) < 0.01 && Math.abs(a.getLongitude() - spot[1]) < 0.01)
                .toList());
    }

    @Test
    void aClusterRaisesExactlyOneAlertAndTheSixthCaseJoinsIt() {
        double[] at = spot(1);
        List<ServiceCase> filed = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            filed.add(file("municipal", at[0] + i * STEP, at[1]));
        }
        assertThat(alertsNear(at)).as("four cases are not yet a hot spot").isEmpty();

        filed.add(file("municipal", at[0] + 4 * STEP, at[1]));
        List<HotspotAlert> raised = alertsNear(at);
        assertThat(raised).hasSize(1);
        assertThat(raised.get(0).getCaseCount()).isEqualTo(5);
        assertThat(raised.get(0).getState()).isEqualTo(HotspotAlert.State.OPEN);
        assertThat(hotspots.caseNumbers(raised.get(0).getId()))
                .containsExactlyElementsOf(filed.stream().map(ServiceCase::getNumber).toList());

        ServiceCase sixth = file("municipal", at[0] + 2 * STEP, at[1] + STEP);
        file("environment", at[0] + 2 * STEP, at[1]);
        file("municipal", at[0] + 0.02, at[1]);

        List<HotspotAlert> after = alertsNear(at);
        assertThat(after).as("the sixth joins; no second alert").hasSize(1);
        assertThat(after.get(0).getCaseCount()).isEqualTo(6);
        assertThat(hotspots.caseNumbers(after.get(0).getId())).contains(sixth.getNumber()).hasSize(6);
    }

    @Test
    void casesFiledAtTheSameMomentStillRaiseOneAlert() throws Exception {
        double[] at = spot(2);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<ServiceCase>> filing = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                double latitude = at[0] + (i % 4) * STEP;
                filing.add(CompletableFuture.supplyAsync(() -> file("municipal", latitude, at[1]), pool));
            }
            CompletableFuture.allOf(filing.toArray(CompletableFuture[]::new)).get();
        } finally {
            pool.shutdown();
        }

        List<HotspotAlert> raised = alertsNear(at);
        assertThat(raised).hasSize(1);
        assertThat(raised.get(0).getCaseCount()).isEqualTo(8);
    }

    @Test
    void aMergedHotSpotIsOneParentCaseThatTheOthersAndLaterOnesFollow() {
        double[] at = spot(3);
        List<ServiceCase> filed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            filed.add(file("municipal", at[0] + i * STEP, at[1]));
        }
        long id = alertsNear(at).get(0).getId();

        HotspotAlert merged = hotspots.merge(id, "supervisor");
        String parent = merged.getParentCase();
        assertThat(merged.getState()).isEqualTo(HotspotAlert.State.MERGED);
        assertThat(hotspots.merge(id, "supervisor").getParentCase()).as("merging twice changes nothing").isEqualTo(parent);

        ServiceCase parentCase = repository.findByNumber(parent).orElseThrow();
        assertThat(parentCase.getChannel()).isEqualTo(Hotspots.CHANNEL);
        assertThat(parentCase.getDescription()).contains("热点", "5 件");
        assertThat(cases.followers(parentCase)).containsExactlyInAnyOrderElementsOf(filed.stream().map(ServiceCase::getPhone).toList());
        for (ServiceCase c : filed) {
            assertThat(repository.findByNumber(c.getNumber()).orElseThrow().getLinkedTo()).isEqualTo(parent);
        }

        ServiceCase later = file("municipal", at[0] + STEP, at[1]);
        assertThat(repository.findByNumber(later.getNumber()).orElseThrow().getLinkedTo())
                .as("a case joining a merged hot spot is linked at once").isEqualTo(parent);
        assertThat(alertsNear(at)).hasSize(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> hotspots.find(id).getCaseCount())).isEqualTo(6);
    }

    @Test
    void residentsAroundAHotSpotHearItIsKnownEvenAfterTheyLeftNotices() {
        double[] at = spot(4);
        List<ServiceCase> filed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            filed.add(file("municipal", at[0] + i * STEP, at[1]));
        }
        long id = alertsNear(at).get(0).getId();
        String leaver = filed.get(0).getPhone();
        QuarkusTransaction.requiringNew().run(() -> subscriptions.optOut(leaver, Instant.now()));

        Notice notice = hotspots.notifyResidents(id, new Hotspots.NoticeRequest(null, null, null, true), "supervisor");

        assertThat(notice.getState()).isEqualTo(Notice.State.SENDING);
        assertThat(notice.getTitle()).startsWith("已知悉");
        assertThat(notice.getBody()).contains("5 位居民", "正在处理");
        assertThat(QuarkusTransaction.requiringNew().call(() -> hotspots.find(id).getNoticeId())).isEqualTo(notice.getId());
        for (ServiceCase c : filed) {
            List<Map<String, Object>> shown = MockCarrier.awaitBotMessages(c.getPhone(), 1, Duration.ofSeconds(15));
            assertThat(shown).as(c.getPhone()).hasSize(1);
            assertThat((String) shown.get(0).get("text")).contains("已知悉", "正在处理").doesNotContain("退订");
        }
        settle(notice, filed.stream().map(ServiceCase::getPhone).toList());
        for (ServiceCase c : filed) {
            assertThat(MockCarrier.botMessages(c.getPhone())).as("no second copy for " + c.getPhone()).hasSize(1);
        }
        assertThat(notices.progress(notice.getId()).skipped()).as("about their own case: 退订 does not stop it").isZero();
    }

    @Test
    void theAreasSubscribersAreToldToo() {
        double[] wuyuan = {22.6531 + 0.0005, 114.0612};
        String subscriber = newPhone();
        QuarkusTransaction.requiringNew().run(() -> subscriptions.subscribe(subscriber, Subscription.Kind.AREA, "wuyuan", Instant.now()));
        for (int i = 0; i < 5; i++) {
            file("consumer", wuyuan[0] + i * 0.0003, wuyuan[1]);
        }
        HotspotAlert alert = QuarkusTransaction.requiringNew().call(() -> alerts.list("category = ?1 and area = ?2 and state in ?3",
                "consumer", "wuyuan", HotspotAlert.ACTIVE).get(0));

        Notice notice = hotspots.notifyResidents(alert.getId(), new Hotspots.NoticeRequest(null, "商户预付卡问题已知悉，正在处理。", null, true), "supervisor");

        assertThat(notice.getArea()).isEqualTo("wuyuan");
        List<Map<String, Object>> shown = MockCarrier.awaitBotMessages(subscriber, 1, Duration.ofSeconds(15));
        assertThat(shown).hasSize(1);
        assertThat((String) shown.get(0).get("text")).contains("商户预付卡问题已知悉", "退订");
        settle(notice, List.of(subscriber));
        assertThat(MockCarrier.botMessages(subscriber)).as("no second copy").hasSize(1);
    }

    /**
     * Until the notice has been sent to everyone it goes to (every recipient queued or skipped) and
     * everything queued for these residents is on their phones: a second copy, were one written, would be there too.
     */
    private void settle(Notice notice, List<String> phones) {
        await("notice " + notice.getId() + " sent to all").atMost(Settled.LIMIT)
                .until(() -> QuarkusTransaction.requiringNew().call(() -> notices.find(notice.getId()).getState()),
                        equalTo(Notice.State.DONE));
        Settled.await(phones);
    }
}
