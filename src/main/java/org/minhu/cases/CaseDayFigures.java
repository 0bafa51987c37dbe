package org.minhu.cases;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.minhu.common.SqlValues;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The daily summary behind the figures ({@code case_day_figures}): per day a case was filed (the
 * city's day) and per unit, grid and category, the counts {@link CaseFigures} adds up. Kept by
 * counting a day again whenever one of its cases changed ({@code updated_at}) or reached its
 * acceptance time unaccepted (the response rate counts a case once its time has come), just before
 * figures are read: readers never see a count older than their question, and a quiet service does
 * no work. The watermark row is locked while it is brought up to date, so instances take turns.
 */
@ApplicationScoped
public class CaseDayFigures {

    /** How far before the last look changes are looked for again: a change commits some time after it took its timestamp. */
    static final Duration COMMIT_SLACK = Duration.ofMinutes(2);

    /** The columns, in the order {@link CaseFigures.Counts} reads them. */
    static final String SUMS = """
            sum(total), sum(dispatched), sum(responded_in_time), sum(resolved), sum(rated), sum(satisfied),
            sum(handling_sum), sum(handling_count), sum(due_for_response), sum(declined), sum(solved), sum(askable),
            sum(visited)""";

    private static final String DONE = "('RESOLVED', 'RATED', 'ARCHIVED')";
    private static final String GOOD = "('SATISFIED', 'MOSTLY_SATISFIED')";
    /**
     * What each figure counts, over a set of cases: the one definition, for a day of the summary and
     * for the part-days {@link CaseFigures} counts case by case. {@code NOW} stands for the moment the
     * acceptance is judged at (a case whose acceptance time has not come is not yet due for response).
     */
    private static final String COUNTS = """
            count(*),
            sum(case when accept_due_at is not null then 1 else 0 end),
            sum(case when accepted_at is not null and accepted_at <= accept_due_at then 1 else 0 end),
            sum(case when state in DONE then 1 else 0 end),
            sum(case when rating is not null then 1 else 0 end),
            sum(case when rating in GOOD then 1 else 0 end),
            coalesce(sum(handling_seconds), 0), count(handling_seconds),
            sum(case when accept_due_at is not null and (accepted_at is not null or accept_due_at <= NOW)
                     then 1 else 0 end),
            sum(case when state = 'DECLINED' then 1 else 0 end),
            sum(case when state in DONE and (rating in GOOD or review_passed = true) then 1 else 0 end),
            sum(case when state in DONE and phone is not null and dispatched_at is not null then 1 else 0 end),
            sum(case when state in DONE and phone is not null and dispatched_at is not null
                     and (rating is not null or call_back_result is not null) then 1 else 0 end)
            """.replace("DONE", DONE).replace("GOOD", GOOD);
    private static final String COUNT_DAY = """
            insert into case_day_figures (filed_on, unit, grid, category, total, dispatched, responded_in_time, resolved,
                                          rated, satisfied, handling_sum, handling_count, due_for_response, declined,
                                          solved, askable, visited)
            select ?1, unit, grid, category,\s""" + COUNTS.replace("NOW", "?2") + """
             from service_case where created_at >= ?3 and created_at < ?4
            group by unit, grid, category""";

    private final EntityManager em;
    private final Clock clock;
    private final ZoneId zone;

    public CaseDayFigures(EntityManager em, CasesConfig config, Clock clock) {
        this.em = em;
        this.clock = clock;
        this.zone = config.zone();
    }

    /**
     * Brings the summary up to date: the days of cases changed since the last look (less
     * {@link #COMMIT_SLACK}) are counted again; everything is, the first time or when the clock
     * went back past the last look.
     *
     * @return the moment the summary now stands at: cases filed later are not in it
     */
    public Instant refresh() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            Object last = em.createNativeQuery("select refreshed_at from case_figures_watermark where id = 1 for update")
                    .getSingleResult();
            Instant since = SqlValues.instant(last);
            TreeSet<LocalDate> days = since == null || since.isAfter(now.plus(COMMIT_SLACK)) ? allDays() : changedDays(since.minus(COMMIT_SLACK), now);
            for (LocalDate day : days) {
                count(day, now);
            }
            em.createNativeQuery("update case_figures_watermark set refreshed_at = ?1 where id = 1")
                    .setParameter(1, Timestamp.from(now)).executeUpdate();
            return now;
        });
    }

    private TreeSet<LocalDate> changedDays(Instant since, Instant now) {
        TreeSet<LocalDate> days = new TreeSet<>();
        em.createQuery("select distinct c.createdAt from ServiceCase c where c.updatedAt > :since", Instant.class)
                .setParameter("since", since).getResultStream().forEach(at -> days.add(day(at)));
        em.createQuery("""
                        select c.createdAt from ServiceCase c where c.schedule.acceptedAt is null
                        and c.schedule.acceptDueAt > :since and c.schedule.acceptDueAt <= :now""", Instant.class)
                .setParameter("since", since).setParameter("now", now)
                .getResultStream().forEach(at -> days.add(day(at)));
        return days;
    }

    /** Every day from the first case filed to the last: the first look, or after the clock went back. */
    private TreeSet<LocalDate> allDays() {
        em.createNativeQuery("delete from case_day_figures").executeUpdate();
        Object[] span = em.createQuery("select min(c.createdAt), max(c.createdAt) from ServiceCase c", Object[].class)
                .getSingleResult();
        TreeSet<LocalDate> days = new TreeSet<>();
        if (span[0] != null) {
            for (LocalDate d = day((Instant) span[0]); !d.isAfter(day((Instant) span[1])); d = d.plusDays(1)) {
                days.add(d);
            }
        }
        return days;
    }

    private void count(LocalDate day, Instant now) {
        em.createNativeQuery("delete from case_day_figures where filed_on = ?1").setParameter(1, Date.valueOf(day)).executeUpdate();
        em.createNativeQuery(COUNT_DAY)
                .setParameter(1, Date.valueOf(day))
                .setParameter(2, Timestamp.from(now))
                .setParameter(3, Timestamp.from(day.atStartOfDay(zone).toInstant()))
                .setParameter(4, Timestamp.from(day.plusDays(1).atStartOfDay(zone).toInstant()))
                .executeUpdate();
    }

    /**
     * The counts of the cases filed from {@code from} to {@code to}, case by case, by {@code column}
     * ("'all'", unit, grid, category), in the order of {@link #SUMS}: what a day of the summary holds,
     * for any stretch of time. A column without cases has no row.
     */
    @SuppressWarnings("unchecked")
    List<Object[]> countCases(Instant from, Instant to, Instant now, String column) {
        String groupBy = column.startsWith("'") ? "" : " group by " + column;
        List<Object[]> rows = em.createNativeQuery("select " + column + ", " + COUNTS.replace("NOW", "?1")
                        + " from service_case where created_at >= ?2 and created_at < ?3" + groupBy)
                .setParameter(1, Timestamp.from(now)).setParameter(2, Timestamp.from(from)).setParameter(3, Timestamp.from(to))
                .getResultList();
        // without a group, an empty stretch still answers one row, of nothing
        return rows.stream().filter(r -> r[1] != null && ((Number) r[1]).longValue() > 0).toList();
    }

    /** The summed counts of the days from {@code from} (inclusive) to {@code to} (exclusive), by {@code column} ("'all'", unit, grid, category). */
    @SuppressWarnings("unchecked")
    List<Object[]> sums(LocalDate from, LocalDate to, String column) {
        // PostgreSQL refuses a constant in GROUP BY: the overall row is the sum of every row
        String groupBy = column.startsWith("'") ? "" : " group by " + column;
        return em.createNativeQuery("select " + column + ", " + SUMS
                        + " from case_day_figures where filed_on >= ?1 and filed_on < ?2" + groupBy)
                .setParameter(1, Date.valueOf(from)).setParameter(2, Date.valueOf(to)).getResultList();
    }

    /** The summed counts of each day from {@code from} (inclusive) to {@code to} (exclusive), by day. */
    @SuppressWarnings("unchecked")
    List<Object[]> byDay(LocalDate from, LocalDate to) {
        return em.createNativeQuery("select filed_on, " + SUMS + " from case_day_figures where filed_on >= ?1 and filed_on < ?2 group by filed_on")
                .setParameter(1, Date.valueOf(from)).setParameter(2, Date.valueOf(to)).getResultList();
    }

    /** Only the columns the figures group by: nothing typed reaches the SQL. */
    static final Map<CaseFigures.By, String> COLUMN = Map.of(CaseFigures.By.ALL, "'all'", CaseFigures.By.UNIT, "unit",
            CaseFigures.By.GRID, "grid", CaseFigures.By.CATEGORY, "category");

    LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, zone);
    }

    static LocalDate localDate(Object value) {
        if (value instanceof Date d) {
            return d.toLocalDate();
        }
        return value instanceof LocalDate l ? l : LocalDate.parse(value.toString());
    }
}
