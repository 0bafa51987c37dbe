package org.minhu.cases;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.minhu.carrier.outbox.OutboundMessage;
import org.minhu.carrier.outbox.OutboxRepository;
import org.minhu.common.ProblemException;
import org.minhu.testing.MockCarrierResource;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The case service on the real (H2) database. Each test uses its own residents' numbers and,
 * for the nearby search, its own spot on the map, so tests never see each other's cases.
 */
@QuarkusTest
@QuarkusTestResource(MockCarrierResource.class)
class CaseServiceTest {

    /** One degree of latitude, in metres: enough to place cases at a known distance. */
    private static final double METERS_PER_DEGREE = 111_195;

    @Inject
    CaseService service;

    @Inject
    OutboxRepository outbox;

    @Inject
    CaseNumbers numbers;

    @Inject
    CaseLifecycle lifecycle;

    /** The unit accepts and resolves the case, as staff would. */
    private ServiceCase resolve(String number, String note) {
        lifecycle.accept(number, "handler");
        return lifecycle.resolve(number, "handler", note == null ? "已处理" : note, null);
    }

    private static String newPhone() {
        return "tel:+86137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private static NewCase request(String phone, String category, String description, Double latitude, Double longitude) {
        return new NewCase(phone, category, description, latitude, longitude, "坂田街道五和大道", null, "report", 1);
    }

    private ServiceCase file(String phone, String category) {
        return service.file(request(phone, category, "路灯不亮 " + UUID.randomUUID(), null, null));
    }

    @Test
    void aResidentWhoseRequestCameThroughAnotherChannelIsToldOfTheCaseAsRoutedAtItsFiling() {
        String phone = "tel:+861370000" + ThreadLocalRandom.current().nextInt(1000, 9999);
        ServiceCase c = service.file(new NewCase(phone, "municipal", "井盖缺失 " + UUID.randomUUID(), null, null, "五和大道",
                null, null, null, "open311"));

        assertThat(c.getState()).isEqualTo(CaseState.DISPATCHED);
        // a hotline operator filed it for them through Open311: the filing's card is the resident's only word of
        // it (the routing at filing is not told apart), so it shows the case routed
        List<OutboundMessage> told = QuarkusTransaction.requiringNew().call(() -> outbox.forPhone(phone));
        assertThat(told).singleElement().extracting(OutboundMessage::getSmsContent).asString()
                .contains(c.getNumber())
                .contains(CaseProgress.bar(CaseState.DISPATCHED, "zh"))
                .contains(c.getUnit());
    }

    @Test
    void aFiledCaseIsReceivedAndRoutedWithTheDaysNumberAndTheCategorysUnitAndDeadline() {
        String phone = newPhone();

        ServiceCase filed = service.file(request(phone, "municipal", "小区门口的路灯坏了", 22.63, 114.06));

        String day = DateTimeFormatter.BASIC_ISO_DATE.format(
                LocalDate.ofInstant(filed.getCreatedAt(), ZoneId.of("Asia/Shanghai")));
        assertThat(filed.getNumber()).matches("MH-" + day + "-\\d{4}");
        assertThat(filed.getState()).isEqualTo(CaseState.DISPATCHED);
        assertThat(filed.getUnit()).isEqualTo("坂田街道城市建设办公室");
        assertThat(filed.getPriority()).isEqualTo(Priority.A);
        assertThat(Duration.between(filed.getCreatedAt(), filed.getDueAt())).isEqualTo(Duration.ofHours(24));
        assertThat(filed.getChannel()).isEqualTo(NewCase.CHANNEL_5G);
        assertThat(filed.getFlowId()).isEqualTo("report");
        assertThat(filed.isFlagged()).isFalse();
        assertThat(service.history(filed)).hasSize(2).first().satisfies(event -> {
            assertThat(event.getKind()).isEqualTo(CaseEvent.Kind.FILED);
            assertThat(event.getActor()).isEqualTo(phone);
            assertThat(event.getToState()).isEqualTo(CaseState.RECEIVED);
        });
        assertThat(service.history(filed).get(1)).satisfies(event -> {
            assertThat(event.getKind()).isEqualTo(CaseEvent.Kind.DISPATCHED);
            assertThat(event.getActor()).isEqualTo(CaseLifecycle.SYSTEM);
            assertThat(event.getToState()).isEqualTo(CaseState.DISPATCHED);
        });
    }

    @Test
    void filingsAtTheSameMomentGetDifferentNumbers() throws Exception {
        int filings = 8;
        ExecutorService pool = Executors.newFixedThreadPool(filings);
        try {
            List<Callable<String>> tasks = new ArrayList<>();
            for (int i = 0; i < filings; i++) {
                String phone = newPhone();
                tasks.add(() -> file(phone, "environment").getNumber());
            }
            List<String> numbers = new ArrayList<>();
            for (Future<String> number : pool.invokeAll(tasks)) {
                numbers.add(number.get());
            }
            assertThat(numbers).doesNotHaveDuplicates().allMatch(n -> n.matches("MH-\\d{8}-\\d{4}"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aDayThatStartsWithConcurrentFilingsNumbersThemOneToN() throws Exception {
        LocalDate freshDay = LocalDate.of(2100, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(300_000));
        int filings = 8;
        ExecutorService pool = Executors.newFixedThreadPool(filings);
        try {
            List<Callable<String>> tasks = new ArrayList<>();
            for (int i = 0; i < filings; i++) {
                tasks.add(() -> numbers.next(freshDay));
            }
            List<String> taken = new ArrayList<>();
            for (Future<String> number : pool.invokeAll(tasks)) {
                taken.add(number.get());
            }
            String prefix = "MH-" + DateTimeFormatter.BASIC_ISO_DATE.format(freshDay) + "-";
            assertThat(taken).containsExactlyInAnyOrder(
                    prefix + "0001", prefix + "0002", prefix + "0003", prefix + "0004",
                    prefix + "0005", prefix + "0006", prefix + "0007", prefix + "0008");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anUnknownCategoryIsRefused() {
        assertThatThrownBy(() -> file(newPhone(), "weather"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(400);
                    assertThat(e.problem().field()).isEqualTo("category");
                });
    }

    @Test
    void aResidentNeverSeesAnotherResidentsCase() {
        String alice = newPhone();
        String bob = newPhone();
        ServiceCase alices = file(alice, "property");
        ServiceCase bobs = file(bob, "property");

        assertThat(service.forResident(bob, 10)).extracting(ServiceCase::getNumber).containsExactly(bobs.getNumber());
        assertThat(service.forResident(bob, alices.getNumber())).isEmpty();
        assertThat(service.forResident(bob, "MH-19990101-0001")).isEmpty();
        assertThat(service.forResident(alice, alices.getNumber())).map(ServiceCase::getId).contains(alices.getId());
        assertThat(service.forResident(alice, alices.getNumber().toLowerCase())).isPresent();
    }

    @Test
    void aResidentsListShowsOpenCasesFirstThenTheMostRecent() {
        String phone = newPhone();
        ServiceCase first = file(phone, "property");
        ServiceCase second = file(phone, "municipal");
        ServiceCase third = file(phone, "traffic");
        resolve(third.getNumber(), "已修复");

        assertThat(service.forResident(phone, 10)).extracting(ServiceCase::getNumber)
                .containsExactly(second.getNumber(), first.getNumber(), third.getNumber());
        assertThat(service.forResident(phone, 2)).hasSize(2);
        // as the resident's list (我的诉求) shows them, in the same order, and the cases to rate: only the
        // resolved ones, however many open ones come before them
        assertThat(service.listFor(phone, null, 10))
                .extracting(CaseLine::number, CaseLine::state, CaseLine::category, CaseLine::description)
                .containsExactlyElementsOf(service.forResident(phone, 10).stream()
                        .map(c -> tuple(c.getNumber(), c.getState(), c.getCategory(), c.getDescription())).toList());
        assertThat(service.listFor(phone, CaseState.RESOLVED, 1)).extracting(CaseLine::number)
                .containsExactly(third.getNumber());
    }

    @Test
    void nearbyFindsOnlyOpenCasesOfTheSameCategoryWithinTheRadius() {
        double latitude = 22.5 + ThreadLocalRandom.current().nextDouble(0.3);
        double longitude = 113.8 + ThreadLocalRandom.current().nextDouble(0.3);
        double degrees200m = 200 / METERS_PER_DEGREE;
        ServiceCase near = service.file(request(newPhone(), "municipal", "井盖缺失", latitude + degrees200m, longitude));
        service.file(request(newPhone(), "municipal", "井盖缺失", latitude + 10 * degrees200m, longitude));
        service.file(request(newPhone(), "environment", "垃圾堆放", latitude, longitude));
        ServiceCase resolved = service.file(request(newPhone(), "municipal", "井盖缺失", latitude, longitude + degrees200m / 4));
        resolve(resolved.getNumber(), "已更换井盖");
        ServiceCase nearer = service.file(request(newPhone(), "municipal", "井盖松动", latitude - degrees200m / 2, longitude));

        List<NearbyCase> found = service.nearbyOpen("municipal", latitude, longitude, 500, null, 10);

        assertThat(found).extracting(NearbyCase::number).containsExactly(nearer.getNumber(), near.getNumber());
        assertThat(found.get(1).meters()).as("the distance the offer names").isBetween(195.0, 205.0);
        assertThat(service.nearbyOpen("municipal", latitude, longitude, 150, null, 10))
                .extracting(NearbyCase::number).containsExactly(nearer.getNumber());
        // the nearest only, and never the asking resident's own case
        assertThat(service.nearbyOpen("municipal", latitude, longitude, 500, null, 1))
                .extracting(NearbyCase::number).containsExactly(nearer.getNumber());
        assertThat(service.nearbyOpen("municipal", latitude, longitude, 500, nearer.getPhone(), 1))
                .extracting(NearbyCase::number).containsExactly(near.getNumber());
    }

    @Test
    void followingIsRecordedOnceAndNotForTheResidentWhoFiled() {
        String owner = newPhone();
        String neighbour = newPhone();
        ServiceCase filed = file(owner, "municipal");

        service.follow(filed.getNumber(), neighbour);
        service.follow(filed.getNumber(), neighbour);
        service.follow(filed.getNumber(), owner);

        assertThat(service.followers(filed)).containsExactly(neighbour);
        assertThat(service.history(filed)).extracting(CaseEvent::getKind)
                .containsExactly(CaseEvent.Kind.FILED, CaseEvent.Kind.DISPATCHED, CaseEvent.Kind.FOLLOWED);
        assertThat(service.forResident(neighbour, 10)).isEmpty();
        assertThatThrownBy(() -> service.follow("MH-19990101-0001", neighbour))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(404));
    }

    @Test
    void aSatisfiedRatingClosesTheCaseAndCannotBeGivenTwice() {
        String phone = newPhone();
        ServiceCase filed = file(phone, "property");
        resolve(filed.getNumber(), "电梯已修复");

        ServiceCase rated = service.rate(phone, filed.getNumber(), Rating.SATISFIED, null);

        assertThat(rated.getState()).isEqualTo(CaseState.RATED);
        assertThat(rated.getFollowUp().getRating()).isEqualTo(Rating.SATISFIED);
        assertThat(rated.isFlagged()).isFalse();
        assertThatThrownBy(() -> service.rate(phone, filed.getNumber(), Rating.MOSTLY_SATISFIED, null))
                .isInstanceOfSatisfying(CaseStateException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(409);
                    assertThat(e.state()).isEqualTo(CaseState.RATED);
                });
    }

    @Test
    void anUnsatisfiedRatingReopensTheCaseAsAFlaggedPoorlyRatedCase() {
        String phone = newPhone();
        ServiceCase filed = file(phone, "municipal");
        ServiceCase resolved = resolve(filed.getNumber(), "已更换灯泡");
        assertThat(resolved.getResolvedAt()).isNotNull();

        ServiceCase reopened = service.rate(phone, filed.getNumber(), Rating.UNSATISFIED, "路灯还是不亮");

        assertThat(reopened.getState()).isEqualTo(CaseState.IN_PROGRESS);
        assertThat(reopened.isFlagged()).isTrue();
        assertThat(reopened.getFollowUp().getRating()).isEqualTo(Rating.UNSATISFIED);
        assertThat(reopened.getFollowUp().getRatingReason()).isEqualTo("路灯还是不亮");
        assertThat(reopened.getResolvedAt()).isNull();
        assertThat(reopened.getDueAt()).isAfter(filed.getDueAt());
        assertThat(service.history(reopened)).last().satisfies(event -> {
            assertThat(event.getKind()).isEqualTo(CaseEvent.Kind.RATED);
            assertThat(event.getFromState()).isEqualTo(CaseState.RESOLVED);
            assertThat(event.getToState()).isEqualTo(CaseState.IN_PROGRESS);
            assertThat(event.getNote()).contains("路灯还是不亮");
            assertThat(event.getActor()).isEqualTo(phone);
        });
        assertThat(CaseProgress.bar(reopened, "zh-CN")).isEqualTo("受理 ✓ → 派单 ✓ → 办理 ● → 办结 ○");
    }

    @Test
    void onlyTheResidentsOwnResolvedCaseCanBeRated() {
        String phone = newPhone();
        ServiceCase open = file(phone, "property");

        assertThatThrownBy(() -> service.rate(phone, open.getNumber(), Rating.SATISFIED, null))
                .isInstanceOf(CaseStateException.class);
        resolve(open.getNumber(), null);
        assertThatThrownBy(() -> service.rate(newPhone(), open.getNumber(), Rating.UNSATISFIED, "不是我的"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(404));
        assertThat(service.forResident(phone, open.getNumber())).map(ServiceCase::getState).contains(CaseState.RESOLVED);
        assertThatThrownBy(() -> lifecycle.resolve(open.getNumber(), "handler", "再办一次", null))
                .isInstanceOf(CaseStateException.class);
    }
}
