package org.minhu.cases;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.minhu.common.ProblemException;
import org.minhu.testing.MockCarrierResource;
import org.minhu.testing.Phone;
import org.minhu.testing.TestClock;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.minhu.testing.Phone.all;

/** Case kinds, 不予受理, consultations answered at once, 回访 and 复查, on the real database. */
@QuarkusTest
@QuarkusTestResource(MockCarrierResource.class)
class CaseworkTest {

    private static final AtomicInteger NEXT = new AtomicInteger();

    @Inject
    CaseService cases;

    @Inject
    CaseLifecycle lifecycle;

    @Inject
    CaseworkSteps steps;

    @Inject
    SlaMonitor monitor;

    @Inject
    ServiceCaseRepository repository;

    @Inject
    TestClock clock;

    @Inject
    CaseFigures figures;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private static String newPhone() {
        return "tel:+861392000" + String.format("%04d", NEXT.incrementAndGet() + 1000);
    }

    private <T> T tx(java.util.concurrent.Callable<T> work) {
        return QuarkusTransaction.requiringNew().call(work);
    }

    private ServiceCase file(String phone, String category, String description) {
        return tx(() -> cases.file(new NewCase(phone, category, description, 22.6531, 114.0612, "第五园三期北门", null, "test", 1)));
    }

    private ServiceCase reload(ServiceCase c) {
        return tx(() -> repository.findByNumber(c.getNumber()).orElseThrow());
    }

    private List<CaseEvent.Kind> kinds(ServiceCase c) {
        return tx(() -> cases.history(c).stream().map(CaseEvent::getKind).toList());
    }

    private static Duration allowed(ServiceCase c) {
        return Duration.between(c.getCreatedAt(), c.getDueAt());
    }

    @Test
    void typeAndClassAreGuessedAtFilingWithTheirOwnDeadlines() {
        ServiceCase plain = file(newPhone(), "property", "楼道里的灯坏了一个星期");
        assertThat(plain.getRequestType()).isEqualTo(RequestType.COMPLAINT);
        assertThat(plain.getHandlingClass()).isEqualTo(HandlingClass.EASY);
        assertThat(allowed(plain)).as("the category's 72 hours, cut to priority B's 48").isEqualTo(Duration.ofHours(48));

        ServiceCase question = file(newPhone(), "policy", "请问居住证需要什么材料");
        assertThat(question.getRequestType()).isEqualTo(RequestType.CONSULTATION);
        assertThat(allowed(question)).isEqualTo(Duration.ofHours(24));

        ServiceCase suggestion = file(newPhone(), "traffic", "我建议在五和大道路口增设一个红绿灯");
        assertThat(suggestion.getRequestType()).isEqualTo(RequestType.SUGGESTION);
        assertThat(allowed(suggestion)).as("a suggestion's own, longer limit").isEqualTo(Duration.ofHours(168));

        ServiceCase urgent = file(newPhone(), "municipal", "北门井盖松动，很危险");
        assertThat(urgent.getHandlingClass()).as("priority A makes it a 重点件").isEqualTo(HandlingClass.KEY);
        assertThat(allowed(urgent)).isEqualTo(Duration.ofHours(24));

        ServiceCase hard = file(newPhone(), "property", "小区停车位产权不清，历史遗留问题，涉及多个部门");
        assertThat(hard.getHandlingClass()).isEqualTo(HandlingClass.HARD);
        assertThat(allowed(hard)).as("疑难件 get the longer limit").isEqualTo(Duration.ofHours(360));
    }

    @Test
    void staffChangeTheKindAndTheDeadlineFollows() {
        ServiceCase c = file(newPhone(), "property", "楼道灯不亮");
        assertThat(c.getHandlingClass()).isEqualTo(HandlingClass.EASY);

        ServiceCase hard = tx(() -> steps.classify(c.getNumber(), "operator", RequestType.HELP, HandlingClass.HARD));
        assertThat(hard.getRequestType()).isEqualTo(RequestType.HELP);
        assertThat(allowed(hard)).isEqualTo(Duration.ofHours(360));
        assertThat(kinds(c)).endsWith(CaseEvent.Kind.CLASSIFIED);
        assertThat(tx(() -> cases.history(c)).get(kinds(c).size() - 1).getNote()).contains("投诉 · 易办件", "求助 · 疑难件");

        assertThatThrownBy(() -> tx(() -> steps.classify(c.getNumber(), "operator", null, HandlingClass.KEY)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(400));
    }

    @Test
    void aDeclinedRequestTellsTheResidentWhyAndWhereToGo() {
        Phone phone = new Phone(newPhone());
        ServiceCase c = file(phone.number(), "neighbour", "隔壁邻居欠我钱不还，已经在法院起诉了");
        ServiceCase declined = tx(() -> steps.decline(c.getNumber(), "operator", "litigation", "已立案"));
        assertThat(declined.getState()).isEqualTo(CaseState.DECLINED);
        assertThat(declined.isOpen()).isFalse();
        assertThat(declined.getDeclineReason()).isEqualTo("litigation");
        assertThat(all(phone.answers())).contains("不予受理", "已进入诉讼", "请通过受理该案件的法院");

        assertThatThrownBy(() -> tx(() -> steps.decline(file(newPhone(), "property", "门禁坏了").getNumber(),
                "operator", "no-such-reason", null)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(400));
        assertThatThrownBy(() -> tx(() -> steps.decline(c.getNumber(), "operator", "crime", null)))
                .as("already closed").isInstanceOf(CaseStateException.class);
    }

    @Test
    void aConsultationAnsweredAtOnceIsCountedButNotListedAsTheResidentsRequest() {
        String phone = newPhone();
        ServiceCase c = tx(() -> cases.recordConsultation(phone, "居住证怎么办理", "居住证的办理", NewCase.CHANNEL_5G));
        assertThat(c.getRequestType()).isEqualTo(RequestType.CONSULTATION);
        assertThat(c.getState()).isEqualTo(CaseState.ARCHIVED);
        assertThat(c.getResolvedAt()).isNotNull();
        assertThat(c.getSchedule().getDispatchedAt()).as("nothing to dispatch").isNull();
        assertThat(kinds(c)).containsExactly(CaseEvent.Kind.FILED, CaseEvent.Kind.ANSWERED);
        assertThat(tx(() -> cases.forResident(phone, 10))).isEmpty();
        assertThat(tx(() -> cases.listFor(phone, null, 10))).as("the resident's list (我的诉求)").isEmpty();
    }

    @Test
    void anUnratedCaseIsOnTheCallBackListAndNotSatisfiedReopensIt() {
        ServiceCase c = file(newPhone(), "property", "电梯异响");
        tx(() -> lifecycle.accept(c.getNumber(), "wang"));
        tx(() -> lifecycle.resolve(c.getNumber(), "wang", "已检修电梯", null));
        assertThat(tx(() -> cases.callBacksDue(500))).extracting(ServiceCase::getNumber).doesNotContain(c.getNumber());

        clock.advance(Duration.ofDays(3).plusMinutes(1));
        assertThat(tx(() -> cases.callBacksDue(500))).extracting(ServiceCase::getNumber).contains(c.getNumber());

        ServiceCase reopened = tx(() -> steps.callBack(c.getNumber(), "operator", CallBackResult.UNSATISFIED, "还在响"));
        assertThat(reopened.getState()).isEqualTo(CaseState.IN_PROGRESS);
        assertThat(reopened.isFlagged()).isTrue();
        assertThat(reopened.getFollowUp().getRating()).isEqualTo(Rating.UNSATISFIED);
        assertThat(reopened.getFollowUp().getCallBackResult()).isEqualTo(CallBackResult.UNSATISFIED);
        assertThat(tx(() -> cases.callBacksDue(500))).extracting(ServiceCase::getNumber).doesNotContain(c.getNumber());
    }

    @Test
    void callBackResultsSatisfiedRatesAndUnreachableLeavesUnrated() {
        ServiceCase a = file(newPhone(), "property", "单元门锁坏了");
        ServiceCase b = file(newPhone(), "property", "信报箱坏了");
        for (ServiceCase c : List.of(a, b)) {
            tx(() -> lifecycle.accept(c.getNumber(), "wang"));
            tx(() -> lifecycle.resolve(c.getNumber(), "wang", "已修好", null));
        }
        ServiceCase rated = tx(() -> steps.callBack(a.getNumber(), "operator", CallBackResult.SATISFIED, null));
        assertThat(rated.getState()).isEqualTo(CaseState.RATED);
        assertThat(rated.getFollowUp().getRating()).isEqualTo(Rating.SATISFIED);
        ServiceCase unreachable = tx(() -> steps.callBack(b.getNumber(), "operator", CallBackResult.UNREACHABLE, null));
        assertThat(unreachable.getState()).isEqualTo(CaseState.RESOLVED);
        assertThat(unreachable.getFollowUp().getRating()).isNull();
        assertThat(kinds(b)).endsWith(CaseEvent.Kind.CALLED_BACK);
        assertThatThrownBy(() -> tx(() -> steps.callBack(a.getNumber(), "operator", CallBackResult.SATISFIED, null)))
                .as("only a resolved case is called back").isInstanceOf(CaseStateException.class);
    }

    @Test
    void aPoorlyRatedCaseIsReviewedByAnotherPersonBeforeItCanBeArchived() {
        ServiceCase c = file(newPhone(), "property", "楼顶漏水");
        tx(() -> lifecycle.accept(c.getNumber(), "wang"));
        tx(() -> lifecycle.resolve(c.getNumber(), "wang", "已补漏", null));
        tx(() -> cases.rate(c.getPhone(), c.getNumber(), Rating.UNSATISFIED, "下雨还漏"));
        tx(() -> lifecycle.resolve(c.getNumber(), "wang", "重新做了防水", null));
        tx(() -> cases.rate(c.getPhone(), c.getNumber(), Rating.MOSTLY_SATISFIED, null));
        assertThat(reload(c).isReviewNeeded()).isTrue();

        assertThatThrownBy(() -> tx(() -> lifecycle.archive(c.getNumber(), "supervisor", null)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().detail()).contains("复查"));
        assertThatThrownBy(() -> tx(() -> steps.review(c.getNumber(), "wang", true, "resolutions/x.jpg", null)))
                .as("not the person who fixed it")
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(403));
        assertThatThrownBy(() -> tx(() -> steps.review(c.getNumber(), "grid", true, null, null)))
                .as("a photo is required")
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(400));

        ServiceCase reviewed = tx(() -> steps.review(c.getNumber(), "grid", true, "resolutions/x.jpg", "已无渗水"));
        assertThat(reviewed.isReviewNeeded()).isFalse();
        assertThat(tx(() -> lifecycle.archive(c.getNumber(), "supervisor", null)).getState()).isEqualTo(CaseState.ARCHIVED);
        assertThat(kinds(c)).endsWith(CaseEvent.Kind.REVIEWED, CaseEvent.Kind.ARCHIVED);
    }

    @Test
    void throughTheApiAReviewTakesOnlyAPhotoStaffUploadedNeverAResidentsFile() {
        ServiceCase c = file(newPhone(), "property", "地下车库积水");
        tx(() -> lifecycle.accept(c.getNumber(), "wang"));
        tx(() -> lifecycle.resolve(c.getNumber(), "wang", "已疏通排水沟", null));
        tx(() -> cases.rate(c.getPhone(), c.getNumber(), Rating.UNSATISFIED, "还在积水"));
        tx(() -> lifecycle.resolve(c.getNumber(), "wang", "更换了排水泵", null));
        tx(() -> cases.rate(c.getPhone(), c.getNumber(), Rating.MOSTLY_SATISFIED, null));
        java.util.function.Function<String, io.restassured.response.Response> review = photo -> io.restassured.RestAssured
                .given().auth().preemptive().basic("supervisor", org.minhu.security.DemoAccounts.PASSWORD)
                .contentType("application/json").body(Map.of("passed", true, "photoPath", photo, "note", "已无积水"))
                .post("/api/cases/" + c.getNumber() + "/review");

        for (String notStaffs : List.of("2026-12-04/resident-upload.jpg", "resolutions/../2026-12-04/resident-upload.jpg")) {
            io.restassured.response.Response refused = review.apply(notStaffs);
            assertThat(refused.statusCode()).as(notStaffs).isEqualTo(400);
            assertThat(refused.jsonPath().getString("detail")).contains("工作人员");
        }
        assertThat(reload(c).isReviewNeeded()).as("nothing recorded").isTrue();

        assertThat(review.apply("resolutions/2026-12-04/site.jpg").statusCode()).isEqualTo(200);
        ServiceCase reviewed = reload(c);
        assertThat(reviewed.isReviewNeeded()).isFalse();
        assertThat(reviewed.getFollowUp().getReviewPhoto()).isEqualTo("resolutions/2026-12-04/site.jpg");
    }

    @Test
    void aFailedReviewReopensTheCaseAndTheUnratedArchiveWaitsForTheReview() {
        ServiceCase c = file(newPhone(), "property", "消防通道被占");
        tx(() -> lifecycle.accept(c.getNumber(), "wang"));
        tx(() -> lifecycle.resolve(c.getNumber(), "wang", "已清理", null));
        tx(() -> lifecycle.reopen(c.getNumber(), "supervisor", "现场核实仍被占"));
        tx(() -> lifecycle.resolve(c.getNumber(), "wang", "再次清理并设置隔离桩", null));

        clock.advance(Duration.ofDays(6).plusMinutes(5));
        monitor.check();
        monitor.check();
        assertThat(kinds(c)).as("the rating reminder ran, so the check did look at the case").contains(CaseEvent.Kind.REMINDED);
        assertThat(reload(c).getState()).as("not archived while a 复查 is owed").isEqualTo(CaseState.RESOLVED);

        ServiceCase failed = tx(() -> steps.review(c.getNumber(), "grid", false, "resolutions/y.jpg", "隔离桩被移走"));
        assertThat(failed.getState()).isEqualTo(CaseState.IN_PROGRESS);
        assertThat(failed.isReviewNeeded()).isTrue();
    }

    @Test
    void theResponseRateCountsOnlyDueCasesAndSolvedIsToldApartFromClosed() {
        clock.advance(Duration.ofDays(500));
        java.time.Instant from = clock.instant();
        java.time.Instant to = from.plus(Duration.ofDays(1));
        file(newPhone(), "property", "单元门禁失灵");
        CaseFigures.Figures fresh = figures.compute(from, to, CaseFigures.By.ALL).get(0);
        assertThat(fresh.responseRate()).as("inside its 15 minutes: not due, so no rate at all").isNull();

        clock.advance(Duration.ofMinutes(16));
        assertThat(figures.compute(from, to, CaseFigures.By.ALL).get(0).responseRate()).isEqualTo(0.0);

        ServiceCase good = file(newPhone(), "property", "楼道堆放杂物");
        ServiceCase unrated = file(newPhone(), "property", "地下车库漏水");
        for (ServiceCase c : List.of(good, unrated)) {
            tx(() -> lifecycle.accept(c.getNumber(), "wang"));
            tx(() -> lifecycle.resolve(c.getNumber(), "wang", "已处理", null));
        }
        tx(() -> cases.rate(good.getPhone(), good.getNumber(), Rating.SATISFIED, null));
        tx(() -> steps.callBack(unrated.getNumber(), "operator", CallBackResult.UNREACHABLE, null));
        tx(() -> steps.decline(file(newPhone(), "neighbour", "要求调查隔壁公司偷税").getNumber(), "operator", "outside", null));

        CaseFigures.Figures f = figures.compute(from, to, CaseFigures.By.ALL).get(0);
        assertThat(f.total()).isEqualTo(4);
        assertThat(f.declined()).isEqualTo(1);
        assertThat(f.responseRate()).isEqualTo(2.0 / 3);
        assertThat(f.resolutionRate()).as("办结率: 2 closed of the 3 taken up").isEqualTo(2.0 / 3);
        assertThat(f.solvedRate()).as("解决率: only the satisfied one of the 2 closed").isEqualTo(0.5);
        assertThat(f.visitRate()).as("回访率: one rated, one called back").isEqualTo(1.0);
    }
}
