package org.minhu.cases;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.minhu.console.TestCases;
import org.minhu.testing.MockCarrierResource;
import org.minhu.testing.TestClock;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Figures over whole days come from the daily summary, and give what counting every case gives: the
 * same counts as a period that cuts through the days, a change to a case filed days ago counted at
 * once, and a case whose acceptance time passes without any change counted as due for a response.
 */
@QuarkusTest
@QuarkusTestResource(MockCarrierResource.class)
class CaseDayFiguresTest {

    @Inject
    TestCases testCases;

    @Inject
    CaseLifecycle lifecycle;

    @Inject
    CaseFigures figures;

    @Inject
    CasesConfig config;

    @Inject
    ServiceCaseRepository cases;

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private ServiceCase dispatched(String unit, String description) {
        return testCases.dispatchedTo(unit, "municipal", description, "坂田街道五和大道");
    }

    private void resolve(ServiceCase c) {
        QuarkusTransaction.requiringNew().run(() -> {
            lifecycle.start(c.getNumber(), "system");
            lifecycle.resolve(c.getNumber(), "system", "已处理", null);
        });
    }

    private CaseFigures.Figures of(String unit, Instant from, Instant to) {
        return figures.compute(from, to, CaseFigures.By.UNIT).stream().filter(f -> f.key().equals(unit))
                .findFirst().orElseThrow(() -> new AssertionError("no figures for " + unit));
    }

    private Instant midnight(LocalDate day) {
        return day.atStartOfDay(config.zone()).toInstant();
    }

    @Test
    void wholeDaysAgreeWithCountingEveryCaseAndAnOldCasesChangeCountsAtOnce() {
        String unit = "日汇总测试单位";
        ServiceCase resolved = dispatched(unit, "路灯不亮，晚上很黑");
        ServiceCase accepted = dispatched(unit, "人行道地砖松动");
        ServiceCase waiting = dispatched(unit, "路边护栏被撞歪");
        QuarkusTransaction.requiringNew().run(() -> {
            lifecycle.accept(resolved.getNumber(), "system");
            lifecycle.accept(accepted.getNumber(), "system");
        });
        resolve(resolved);
        LocalDate filed = LocalDate.ofInstant(resolved.getCreatedAt(), config.zone());
        clock.advance(Duration.ofDays(3));

        CaseFigures.Figures day = of(unit, midnight(filed), midnight(filed.plusDays(1)));
        assertThat(day.total()).isEqualTo(3);
        assertThat(day.dispatched()).isEqualTo(3);
        assertThat(day.respondedInTime()).isEqualTo(2);
        assertThat(day.dueForResponse()).as("all three acceptance times have passed").isEqualTo(3);
        assertThat(day.resolved()).isEqualTo(1);

        CaseFigures.Figures cut = of(unit, midnight(filed).minus(Duration.ofHours(5)),
                midnight(filed.plusDays(2)).plus(Duration.ofHours(7)));
        assertThat(cut).as("a period cutting through days, counted partly case by case")
                .usingRecursiveComparison().isEqualTo(day);

        // any period, its ends in the middle of a day (counted case by case, or as the day less the
        // rest of it) or on a midnight, counts what counting the unit's cases one by one counts
        Instant at = resolved.getCreatedAt();
        List<Instant> starts = List.of(at.minusSeconds(1), at.minus(Duration.ofHours(13)), at.minus(Duration.ofHours(30)),
                midnight(filed), midnight(filed).minusSeconds(1), waiting.getCreatedAt());
        List<Instant> ends = List.of(at.plusSeconds(1), at.plus(Duration.ofHours(13)), at.plus(Duration.ofHours(30)),
                midnight(filed.plusDays(1)), waiting.getCreatedAt(), clock.instant());
        for (Instant from : starts) {
            for (Instant to : ends) {
                if (!from.isBefore(to)) {
                    continue;
                }
                long[] expected = QuarkusTransaction.requiringNew().call(() -> {
                    Object[] r = cases.getEntityManager().createQuery("""
                                    select count(c), sum(case when c.state = :resolved then 1 else 0 end) from ServiceCase c
                                    where c.units.unit = :unit and c.createdAt >= :from and c.createdAt < :to""", Object[].class)
                            .setParameter("resolved", CaseState.RESOLVED).setParameter("unit", unit)
                            .setParameter("from", from).setParameter("to", to).getSingleResult();
                    return new long[]{((Number) r[0]).longValue(), r[1] == null ? 0 : ((Number) r[1]).longValue()};
                });
                CaseFigures.Figures f = figures.compute(from, to, CaseFigures.By.UNIT).stream()
                        .filter(x -> x.key().equals(unit)).findFirst().orElse(CaseFigures.Figures.none(unit));
                assertThat(new long[]{f.total(), f.resolved()}).as("from %s to %s", from, to).containsExactly(expected);
            }
        }

        resolve(accepted);
        assertThat(of(unit, midnight(filed), midnight(filed.plusDays(1))).resolved())
                .as("a case filed three days ago, resolved now").isEqualTo(2);
        assertThat(waiting.getState()).isEqualTo(CaseState.DISPATCHED);
    }

    @Test
    void todaysFiguresReadFromTheSummaryAgreeWithCountingEveryCase() {
        String unit = "日汇总测试单位（今天）";
        ServiceCase early = dispatched(unit, "小区门口垃圾没人清");
        clock.advance(Duration.ofHours(2));
        ServiceCase later = dispatched(unit, "楼道灯坏了");
        QuarkusTransaction.requiringNew().run(() -> lifecycle.accept(later.getNumber(), "system"));
        clock.advance(Duration.ofMinutes(30));
        Instant now = clock.instant();
        // the day the first was filed (the second is on it too, or on the next if the clock passed midnight)
        LocalDate filedOn = LocalDate.ofInstant(early.getCreatedAt(), config.zone());

        // periods ending now, a moment ago and an hour from now, from the week before, that day's midnight,
        // between the two cases and just after the first: each as counting the unit's cases one by one
        List<Instant> starts = List.of(midnight(filedOn.minusDays(7)), midnight(filedOn), early.getCreatedAt().plusSeconds(1),
                early.getCreatedAt().minusSeconds(1));
        List<Instant> ends = List.of(now, now.minusSeconds(1), now.plus(Duration.ofHours(1)), later.getCreatedAt());
        for (Instant from : starts) {
            for (Instant to : ends) {
                if (!from.isBefore(to)) {
                    continue;
                }
                long expected = QuarkusTransaction.requiringNew().call(() -> cases.getEntityManager().createQuery("""
                                select count(c) from ServiceCase c
                                where c.units.unit = :unit and c.createdAt >= :from and c.createdAt < :to""", Long.class)
                        .setParameter("unit", unit).setParameter("from", from).setParameter("to", to).getSingleResult());
                CaseFigures.Figures f = figures.compute(from, to, CaseFigures.By.UNIT).stream()
                        .filter(x -> x.key().equals(unit)).findFirst().orElse(CaseFigures.Figures.none(unit));
                assertThat(f.total()).as("from %s to %s", from, to).isEqualTo(expected);
            }
        }
        CaseFigures.Figures sinceMidnight = of(unit, midnight(filedOn), now);
        assertThat(sinceMidnight.total()).isEqualTo(2);
        assertThat(sinceMidnight.respondedInTime()).isEqualTo(1);
    }

    @Test
    void aCaseWhoseAcceptanceTimePassesWithoutAChangeBecomesDueForAResponse() {
        String unit = "日汇总测试单位（签收）";
        ServiceCase c = testCases.file(TestCases.newPhone(), "municipal", "井盖松动，车一压就响", "坂田街道五和大道");
        LocalDate filed = LocalDate.ofInstant(c.getCreatedAt(), config.zone());
        clock.advance(Duration.ofDays(1).plusHours(1));
        QuarkusTransaction.requiringNew().run(() -> {
            lifecycle.returnToDispatch(c.getNumber(), "system", "改派");
            lifecycle.dispatch(c.getNumber(), "system", unit, List.of(), null);
        });

        // looked at once the dispatch is older than the slack given to commits, so that the next look
        // does not count the day again for the dispatch itself
        clock.advance(CaseDayFigures.COMMIT_SLACK.plusMinutes(3));
        CaseFigures.Figures before = of(unit, midnight(filed), midnight(filed.plusDays(1)));
        assertThat(before.dispatched()).isEqualTo(1);
        assertThat(before.dueForResponse()).as("inside its 15 minutes: counted neither way").isZero();
        assertThat(before.responseRate()).isNull();

        clock.advance(Duration.ofMinutes(11));
        CaseFigures.Figures after = of(unit, midnight(filed), midnight(filed.plusDays(1)));
        assertThat(after.dueForResponse()).isEqualTo(1);
        assertThat(after.responseRate()).isEqualTo(0.0);
    }
}
