package org.minhu.cases;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How figures read a period (plain JUnit): a part-day at either end is counted case by case or as its
 * day's summary row less the rest, whichever reads fewer hours of cases; a period ending now reads
 * today from the summary just counted rather than every case filed since midnight.
 */
class CaseFiguresPlanTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

    private static Instant at(LocalDate day, int hour) {
        return day.atStartOfDay(ZONE).toInstant().plus(Duration.ofHours(hour));
    }

    @Test
    void thirtyDaysUntilNowReadTodayFromTheSummaryJustCounted() {
        Instant now = at(TODAY, 10);
        Instant counted = now.plusMillis(40);
        CaseFigures.Plan plan = CaseFigures.plan(at(TODAY.minusDays(30), 0), now, counted, ZONE);
        assertThat(plan.sumFrom()).isEqualTo(TODAY.minusDays(30));
        assertThat(plan.sumTo()).as("today's row included").isEqualTo(TODAY.plusDays(1));
        assertThat(plan.stretches()).as("less the cases after now, not plus the ten hours since midnight")
                .containsExactly(new CaseFigures.Stretch(now, at(TODAY.plusDays(1), 0), -1));
    }

    @Test
    void todayAloneIsReadFromTheSummaryUnlessThePeriodIsTheShorterPart() {
        Instant now = at(TODAY, 10);
        CaseFigures.Plan sinceOne = CaseFigures.plan(at(TODAY, 1), now, now, ZONE);
        assertThat(sinceOne.stretches()).as("the day's row less the hour before the period and the cases after it")
                .containsExactly(new CaseFigures.Stretch(at(TODAY, 0), at(TODAY, 1), -1),
                        new CaseFigures.Stretch(now, at(TODAY.plusDays(1), 0), -1));
        assertThat(List.of(sinceOne.sumFrom(), sinceOne.sumTo())).containsExactly(TODAY, TODAY.plusDays(1));

        CaseFigures.Plan sinceEight = CaseFigures.plan(at(TODAY, 8), now, now, ZONE);
        assertThat(sinceEight.stretches()).as("two hours one by one rather than the eight before them")
                .containsExactly(new CaseFigures.Stretch(at(TODAY, 8), now, 1));
        assertThat(sinceEight.sumFrom()).isEqualTo(sinceEight.sumTo());
    }

    @Test
    void aPastDaysPartIsItsShorterHalf() {
        LocalDate past = TODAY.minusDays(3);
        Instant counted = at(TODAY, 10);
        CaseFigures.Plan morning = CaseFigures.plan(at(past.minusDays(2), 0), at(past, 9), counted, ZONE);
        assertThat(morning.stretches()).containsExactly(new CaseFigures.Stretch(at(past, 0), at(past, 9), 1));
        assertThat(morning.sumTo()).isEqualTo(past);

        CaseFigures.Plan evening = CaseFigures.plan(at(past.minusDays(2), 0), at(past, 15), counted, ZONE);
        assertThat(evening.stretches()).containsExactly(new CaseFigures.Stretch(at(past, 15), at(past.plusDays(1), 0), -1));
        assertThat(evening.sumTo()).isEqualTo(past.plusDays(1));

        CaseFigures.Plan lateStart = CaseFigures.plan(at(past, 20), at(past.plusDays(1), 0), counted, ZONE);
        assertThat(lateStart.stretches()).containsExactly(new CaseFigures.Stretch(at(past, 20), at(past.plusDays(1), 0), 1));
        assertThat(lateStart.sumFrom()).isEqualTo(lateStart.sumTo());

        CaseFigures.Plan earlyStart = CaseFigures.plan(at(past, 4), at(past.plusDays(2), 0), counted, ZONE);
        assertThat(earlyStart.stretches()).containsExactly(new CaseFigures.Stretch(at(past, 0), at(past, 4), -1));
        assertThat(List.of(earlyStart.sumFrom(), earlyStart.sumTo())).containsExactly(past, past.plusDays(2));
    }
}
