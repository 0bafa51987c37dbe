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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.minhu.testing.Phone.all;
import static org.minhu.testing.Phone.chips;

/** The 12345 cycle on the real database, with the clock moved through deadlines. */
@QuarkusTest
@QuarkusTestResource(MockCarrierResource.class)
class CaseLifecycleTest {

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
    CaseFigures figures;

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private static String newPhone() {
        return "tel:+861390000" + String.format("%04d", NEXT.incrementAndGet() + 5000);
    }

    private <T> T tx(java.util.concurrent.Callable<T> work) {
        return QuarkusTransaction.requiringNew().call(work);
    }

    private ServiceCase file(String phone, String category, String description) {
        return tx(() -> cases.file(new NewCase(phone, category, description, 22.6531, 114.0612, "第五园三期北门", null, "test", 1)));
    }

    private ServiceCase file() {
        return file(newPhone(), "property", "楼道灯不亮");
    }

    private ServiceCase reload(ServiceCase c) {
        return tx(() -> cases.history(c).isEmpty() ? null : cases.forResident(c.getPhone(), c.getNumber()).orElseThrow());
    }

    private List<CaseEvent.Kind> kinds(ServiceCase c) {
        return tx(() -> cases.history(c).stream().map(CaseEvent::getKind).toList());
    }

    /** A case brought to each state by legal steps. */
    private ServiceCase inState(CaseState state) {
        ServiceCase c = file();
        String n = c.getNumber();
        switch (state) {
            case RECEIVED -> tx(() -> lifecycle.returnToDispatch(n, "dispatcher", "不属于本单位"));
            case DISPATCHED -> { }
            case DECLINED -> tx(() -> steps.decline(n, "operator", "outside", null));
            case ACCEPTED -> tx(() -> lifecycle.accept(n, "wang"));
            case IN_PROGRESS -> {
                tx(() -> lifecycle.accept(n, "wang"));
                tx(() -> lifecycle.start(n, "wang"));
            }
            case RESOLVED, RATED, ARCHIVED -> {
                tx(() -> lifecycle.accept(n, "wang"));
                tx(() -> lifecycle.resolve(n, "wang", "已更换灯泡", null));
                if (state != CaseState.RESOLVED) {
                    tx(() -> cases.rate(c.getPhone(), n, Rating.SATISFIED, null));
                }
                if (state == CaseState.ARCHIVED) {
                    tx(() -> lifecycle.archive(n, "supervisor", null));
                }
            }
        }
        return reload(c);
    }

    private static final Map<CaseTransition, Function<String, Function<CaseLifecycle, ServiceCase>>> ACTIONS = Map.ofEntries(
            Map.entry(CaseTransition.DISPATCH, n -> l -> l.dispatch(n, "dispatcher", "坂田街道城市建设办公室", List.of(), null)),
            Map.entry(CaseTransition.ACCEPT, n -> l -> l.accept(n, "wang")),
            Map.entry(CaseTransition.START, n -> l -> l.start(n, "wang")),
            Map.entry(CaseTransition.RESOLVE, n -> l -> l.resolve(n, "wang", "已处理", null)),
            Map.entry(CaseTransition.RETURN, n -> l -> l.returnToDispatch(n, "wang", "不属于本单位")),
            Map.entry(CaseTransition.TRANSFER, n -> l -> l.transfer(n, "wang", "坂田街道执法队", "属执法范围")),
            Map.entry(CaseTransition.REOPEN, n -> l -> l.reopen(n, "supervisor", "回访发现未解决")),
            Map.entry(CaseTransition.ARCHIVE, n -> l -> l.archive(n, "supervisor", null)));

    @Test
    void everyTransitionIsAllowedFromItsStatesAndRefusedFromAllOthers() {
        List<String> checked = new ArrayList<>();
        for (CaseState state : CaseState.values()) {
            for (CaseTransition transition : CaseTransition.values()) {
                ServiceCase c = inState(state);
                assertThat(c.getState()).isEqualTo(state);
                Function<CaseLifecycle, ServiceCase> action = switch (transition) {
                    // the resident's own rating, from their phone
                    case RATE -> l -> cases.rate(c.getPhone(), c.getNumber(), Rating.SATISFIED, null);
                    case RATE_POORLY -> l -> cases.rate(c.getPhone(), c.getNumber(), Rating.UNSATISFIED, "没修好");
                    // the casework steps close a case at intake
                    case DECLINE -> l -> steps.decline(c.getNumber(), "operator", "crime", null);
                    case ANSWER -> l -> steps.answer(c.getNumber(), "operator", "请携带身份证到党群服务中心办理");
                    default -> ACTIONS.get(transition).apply(c.getNumber());
                };
                if (transition.allowedFrom(state)) {
                    ServiceCase after = tx(() -> action.apply(lifecycle));
                    assertThat(after.getState()).as("%s from %s", transition, state).isEqualTo(transition.to());
                    assertThat(kinds(c)).as("history of %s from %s", transition, state).endsWith(transition.kind());
                } else {
                    assertThatThrownBy(() -> tx(() -> action.apply(lifecycle)))
                            .as("%s from %s", transition, state)
                            .isInstanceOfSatisfying(CaseStateException.class,
                                    e -> assertThat(e.problem().status()).isEqualTo(409));
                    assertThat(reload(c).getState()).as("nothing changed").isEqualTo(state);
                }
                checked.add(transition + "@" + state);
            }
        }
        assertThat(checked).hasSize(CaseState.values().length * CaseTransition.values().length);
    }

    @Test
    void aNewCaseIsRoutedByTheRulesAndTheFirstToAcceptOwnsIt() {
        ServiceCase c = file(newPhone(), "municipal", "北门井盖松动，有人差点摔倒，很危险");
        assertThat(c.getState()).isEqualTo(CaseState.DISPATCHED);
        assertThat(c.getUnit()).isEqualTo("坂田街道城市建设办公室");
        assertThat(c.getUnits().getGrid()).isEqualTo("坂田街道第五园社区第 3 网格");
        assertThat(c.getPriority()).isEqualTo(Priority.A);
        assertThat(Duration.between(c.getSchedule().getDispatchedAt(), c.getSchedule().getAcceptDueAt())).isEqualTo(Duration.ofMinutes(15));

        tx(() -> lifecycle.accept(c.getNumber(), "wang"));
        assertThatThrownBy(() -> tx(() -> lifecycle.accept(c.getNumber(), "li"))).isInstanceOf(CaseStateException.class);
        assertThatThrownBy(() -> tx(() -> lifecycle.start(c.getNumber(), "li")))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(403));
        assertThat(tx(() -> lifecycle.start(c.getNumber(), "wang")).getOwner()).isEqualTo("wang");
    }

    @Test
    void parallelDispatchNamesTheLeadAndAssistingUnits() {
        ServiceCase c = inState(CaseState.RECEIVED);
        ServiceCase after = tx(() -> lifecycle.dispatch(c.getNumber(), "dispatcher", "坂田街道城市建设办公室",
                List.of("坂田街道执法队 ", "五和社区工作站、坂田街道执法队；", " 岗头社区工作站"), "涉及占道"));
        assertThat(after.getUnit()).isEqualTo("坂田街道城市建设办公室");
        assertThat(after.getUnits().getAssistingUnits()).as("one unit per comma, trimmed, once each")
                .isEqualTo("坂田街道执法队,五和社区工作站,岗头社区工作站");
        assertThat(tx(() -> cases.history(c)).get(tx(() -> cases.history(c)).size() - 1).getNote())
                .contains("协办", "坂田街道执法队");
    }

    @Test
    void notSatisfiedReopensAndFlagsTheCase() {
        ServiceCase c = inState(CaseState.RESOLVED);
        ServiceCase after = tx(() -> cases.rate(c.getPhone(), c.getNumber(), Rating.UNSATISFIED, "灯还是不亮"));
        assertThat(after.getState()).isEqualTo(CaseState.IN_PROGRESS);
        assertThat(after.isFlagged()).isTrue();
        assertThat(after.getDueAt()).isAfter(after.getCreatedAt());
    }

    @Test
    void remindersAndEscalationFireOnceEachAsTheClockMoves() {
        ServiceCase c = file(newPhone(), "property", "电梯按钮失灵");
        // accepted at once: only the deadline to resolve is chased (the acceptance's own: DeadlineNotificationsTest)
        tx(() -> lifecycle.accept(c.getNumber(), "wang"));
        Duration allowed = Duration.between(c.getCreatedAt(), c.getDueAt());

        clock.advance(allowed.dividedBy(2).plusMinutes(1));
        monitor.check();
        monitor.check();
        assertThat(kinds(c)).containsSubsequence(CaseEvent.Kind.FILED, CaseEvent.Kind.DISPATCHED, CaseEvent.Kind.REMINDED)
                .filteredOn(k -> k == CaseEvent.Kind.REMINDED).hasSize(1);

        clock.advance(allowed.multipliedBy(3).dividedBy(10));
        monitor.check();
        assertThat(kinds(c)).filteredOn(k -> k == CaseEvent.Kind.REMINDED).hasSize(2);

        clock.advance(allowed.dividedBy(5));
        monitor.check();
        monitor.check();
        assertThat(reload(c).getSchedule().getEscalationLevel()).isEqualTo(1);
        assertThat(tx(() -> lifecycleOverdue())).contains(c.getNumber());

        clock.advance(allowed.dividedBy(4));
        monitor.check();
        assertThat(reload(c).getSchedule().getEscalationLevel()).isEqualTo(2);
        clock.advance(allowed.dividedBy(4));
        monitor.check();
        monitor.check();
        assertThat(reload(c).getSchedule().getEscalationLevel()).isEqualTo(3);
        List<String> notes = tx(() -> cases.history(c).stream()
                .filter(e -> e.getKind() == CaseEvent.Kind.ESCALATED).map(CaseEvent::getNote).toList());
        assertThat(notes).containsExactly("超期催办 → 承办人", "超期催办 → 部门负责人", "超期催办 → 督办室");
    }

    @Inject
    ServiceCaseRepository repository;

    @Test
    void theDeadlineCheckReadsOnlyCasesWhoseNextStepIsDueAndPlansTheNextOne() {
        ServiceCase c = file(newPhone(), "property", "消防通道被占");
        // accepted at once: the plan holds only the deadline to resolve (the acceptance's: DeadlineNotificationsTest)
        tx(() -> lifecycle.accept(c.getNumber(), "wang"));
        Duration allowed = Duration.between(c.getCreatedAt(), c.getDueAt());
        org.assertj.core.data.TemporalUnitOffset second = within(1, java.time.temporal.ChronoUnit.SECONDS);
        assertThat(reload(c).getNextCheckAt()).isCloseTo(c.getCreatedAt().plus(allowed.dividedBy(2)), second);
        assertThat(tx(() -> repository.dueForCheck(clock.instant(), 100_000))).doesNotContain(c.getId());

        clock.advance(allowed.dividedBy(2).plusMinutes(1));
        assertThat(tx(() -> repository.dueForCheck(clock.instant(), 100_000))).contains(c.getId());
        monitor.check();
        java.time.Instant eighty = c.getCreatedAt().plus(allowed.multipliedBy(4).dividedBy(5));
        assertThat(reload(c).getNextCheckAt()).isCloseTo(eighty, second);
        assertThat(tx(() -> repository.dueForCheck(clock.instant(), 100_000))).doesNotContain(c.getId());

        // a case written before checks were planned (the migration marks those due at once): its first
        // check sends nothing twice and plans it
        tx(() -> repository.getEntityManager()
                .createNativeQuery("update service_case set next_check_at = created_at where id = ?1")
                .setParameter(1, c.getId()).executeUpdate());
        monitor.check();
        assertThat(reload(c).getNextCheckAt()).isCloseTo(eighty, second);
        assertThat(kinds(c)).filteredOn(k -> k == CaseEvent.Kind.REMINDED).hasSize(1);

        clock.advance(allowed.dividedBy(2));
        monitor.check();
        assertThat(reload(c).getSchedule().getEscalationLevel()).isEqualTo(1);
        assertThat(reload(c).getNextCheckAt()).as("the next escalation, a quarter of the time past the deadline")
                .isCloseTo(c.getDueAt().plus(allowed.dividedBy(4)), second);

        ServiceCase paused = inState(CaseState.ACCEPTED);
        tx(() -> lifecycle.pause(paused.getNumber(), "wang", "等待居民提供门牌号"));
        assertThat(reload(paused).getNextCheckAt()).as("nothing to check while the clock stands").isNull();
        tx(() -> lifecycle.resume(paused.getNumber(), "wang"));
        assertThat(reload(paused).getNextCheckAt()).isNotNull();
    }

    private List<String> lifecycleOverdue() {
        return repository.overdue(clock.instant(), 500).stream().map(ServiceCase::getNumber).toList();
    }

    @Test
    void aPausedClockStopsTheDeadlineAndResumingMovesIt() {
        ServiceCase c = inState(CaseState.ACCEPTED);
        tx(() -> lifecycle.pause(c.getNumber(), "wang", "等待居民提供门牌号"));
        clock.advance(Duration.ofHours(30));
        monitor.check();
        assertThat(reload(c).getSchedule().getEscalationLevel()).as("no chasing while paused").isZero();
        java.time.Instant before = reload(c).getDueAt();
        ServiceCase resumed = tx(() -> lifecycle.resume(c.getNumber(), "wang"));
        assertThat(Duration.between(before, resumed.getDueAt())).isBetween(Duration.ofHours(30), Duration.ofHours(30).plusSeconds(5));
    }

    @Test
    void anApprovedExtensionMovesTheDeadlineAndTheResidentIsToldTheNewDate() {
        Phone phone = new Phone(newPhone());
        ServiceCase c = file(phone.number(), "property", "外墙瓷砖脱落");
        tx(() -> lifecycle.accept(c.getNumber(), "wang"));
        phone.answers();
        java.time.Instant until = c.getDueAt().plus(Duration.ofDays(5));
        tx(() -> lifecycle.requestExtension(c.getNumber(), "wang", until, "需要物业维修基金审批"));
        assertThat(reload(c).getDueAt()).as("not before approval").isCloseTo(c.getDueAt(), within(1, ChronoUnit.MILLIS));
        tx(() -> lifecycle.approveExtension(c.getNumber(), "supervisor"));
        assertThat(reload(c).getDueAt()).isCloseTo(until, within(1, ChronoUnit.MILLIS));

        List<Map<String, Object>> shown = phone.answers();
        assertThat(all(shown)).contains("诉求进展 " + c.getNumber(), "办结时限已延长至");
    }

    @Test
    void theResidentHearsOfEachStepAndRatesFromTheResolutionCard() {
        Phone phone = new Phone(newPhone());
        ServiceCase c = file(phone.number(), "environment", "垃圾桶满了没人清");

        tx(() -> lifecycle.transfer(c.getNumber(), "dispatcher", "坂田街道环卫所", "归环卫所"));
        assertThat(all(phone.answers())).contains("已转至 坂田街道环卫所 办理", "受理 ✓ → 派单 ✓");
        tx(() -> lifecycle.accept(c.getNumber(), "zhao"));
        assertThat(all(phone.answers())).contains("坂田街道环卫所 已签收，正在办理");
        tx(() -> lifecycle.resolve(c.getNumber(), "zhao", "已清运并增加清运频次", null));
        List<Map<String, Object>> resolved = phone.answers();
        assertThat(all(resolved)).contains("已办结：已清运并增加清运频次", "办结 ✓");
        assertThat(chips(resolved.get(resolved.size() - 1))).containsExactly("满意", "基本满意", "不满意");

        assertThat(all(phone.tap("满意"))).contains("感谢您的评价");
        assertThat(reload(c).getState()).isEqualTo(CaseState.RATED);
        assertThat(reload(c).getFollowUp().getRating()).isEqualTo(Rating.SATISFIED);
    }

    @Test
    void unratedCasesGetOneReminderAndAreThenArchived() {
        Phone phone = new Phone(newPhone());
        ServiceCase c = file(phone.number(), "property", "门禁坏了");
        tx(() -> lifecycle.accept(c.getNumber(), "wang"));
        tx(() -> lifecycle.resolve(c.getNumber(), "wang", "已修好门禁", null));
        phone.answers();

        clock.advance(Duration.ofDays(3).plusMinutes(1));
        monitor.check();
        monitor.check();
        List<Map<String, Object>> reminder = phone.answers();
        assertThat(reminder).hasSize(1);
        assertThat(all(reminder)).contains("您的评价对我们很重要");
        assertThat(chips(reminder.get(0))).contains("满意", "不满意");

        clock.advance(Duration.ofDays(3));
        monitor.check();
        ServiceCase archived = reload(c);
        assertThat(archived.getState()).isEqualTo(CaseState.ARCHIVED);
        assertThat(archived.getFollowUp().getRating()).isNull();
        assertThat(kinds(c)).endsWith(CaseEvent.Kind.REMINDED, CaseEvent.Kind.ARCHIVED);
    }

    @Test
    void aLinkedDuplicatesResidentHearsOfTheMainCase() {
        ServiceCase main = file(newPhone(), "municipal", "五和大道路灯不亮");
        Phone other = new Phone(newPhone());
        ServiceCase duplicate = file(other.number(), "municipal", "五和大道的路灯坏了");
        tx(() -> lifecycle.link(duplicate.getNumber(), main.getNumber(), "dispatcher"));
        assertThat(reload(duplicate).getLinkedTo()).isEqualTo(main.getNumber());

        tx(() -> lifecycle.accept(main.getNumber(), "wang"));
        assertThat(all(other.answers())).contains("诉求进展 " + main.getNumber(), "已签收");
        assertThatThrownBy(() -> tx(() -> lifecycle.link(file().getNumber(), main.getNumber(), "dispatcher")))
                .isInstanceOf(ProblemException.class);
    }

    @Test
    void figuresCountResponseResolutionAndSatisfactionForAPeriod() {
        clock.advance(Duration.ofDays(400));
        java.time.Instant from = clock.instant();
        ServiceCase inTime = file();
        tx(() -> lifecycle.accept(inTime.getNumber(), "wang"));
        tx(() -> lifecycle.resolve(inTime.getNumber(), "wang", "已修", null));
        tx(() -> cases.rate(inTime.getPhone(), inTime.getNumber(), Rating.MOSTLY_SATISFIED, null));
        ServiceCase late = file();
        clock.advance(Duration.ofMinutes(20));
        tx(() -> lifecycle.accept(late.getNumber(), "li"));
        tx(() -> lifecycle.resolve(late.getNumber(), "li", "已修", null));
        tx(() -> cases.rate(late.getPhone(), late.getNumber(), Rating.UNSATISFIED, "没修好"));
        file();
        java.time.Instant to = clock.instant().plusSeconds(1);

        CaseFigures.Figures all = figures.compute(from, to, CaseFigures.By.ALL).get(0);
        assertThat(all.total()).isEqualTo(3);
        assertThat(all.responseRate()).as("the third is inside its 15 minutes: not due, so not counted").isEqualTo(0.5);
        assertThat(all.resolutionRate()).isEqualTo(1.0 / 3);
        assertThat(all.satisfactionRate()).isEqualTo(0.5);
        assertThat(all.averageHandlingHours()).isNotNull().isLessThan(1.0);
        assertThat(figures.compute(from, to, CaseFigures.By.UNIT)).extracting(CaseFigures.Figures::key)
                .containsExactly("坂田街道住房和建设办公室");
    }
}
