package org.minhu.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The figures a city is judged by, for cases filed in a period, overall or by unit, grid or
 * category: response rate (accepted within the accept deadline, of those whose deadline has come:
 * a case still inside its 15 minutes counts neither way), 办结率 (closed, of the cases taken up:
 * declined ones are left out), 解决率 (of those closed, solved: rated 满意/基本满意, on the
 * resident's word or on a call-back, or verified by a passed 复查), 回访率 (of the closed cases with a
 * resident to ask, those rated or called back), satisfaction rate (满意 + 基本满意 of those rated) and
 * average handling time; and {@code nudged}, the 催办 residents made in the period (by the day they
 * nudged, whenever the case was filed), counted from {@code case_nudge} alone.
 */
@ApplicationScoped
public class CaseFigures {

    public enum By { ALL, UNIT, GRID, CATEGORY }

    public record Figures(String key, long total, long dispatched, long respondedInTime, long resolved, long rated,
                          long satisfied, Double averageHandlingHours, long dueForResponse, long declined,
                          long solved, long askable, long visited, long nudged) {

        /** No cases at all. */
        public static Figures none(String key) {
            return new Figures(key, 0, 0, 0, 0, 0, 0, null, 0, 0, 0, 0, 0, 0);
        }

        Figures withNudged(long count) {
            return new Figures(key, total, dispatched, respondedInTime, resolved, rated, satisfied, averageHandlingHours,
                    dueForResponse, declined, solved, askable, visited, count);
        }

        public Double responseRate() {
            return share(respondedInTime, dueForResponse);
        }

        /** 办结率. */
        public Double resolutionRate() {
            return share(resolved, total - declined);
        }

        /** 解决率. */
        public Double solvedRate() {
            return share(solved, resolved);
        }

        /** 回访率. */
        public Double visitRate() {
            return share(visited, askable);
        }

        public Double satisfactionRate() {
            return share(satisfied, rated);
        }

        private static Double share(long part, long whole) {
            return whole == 0 ? null : (double) part / whole;
        }
    }

    private static final Map<By, String> DIMENSION = Map.of(By.ALL, "'all'", By.UNIT, "c.units.unit", By.GRID, "c.units.grid",
            By.CATEGORY, "c.category");
    /** The same dimensions for nudges: the unit, grid and category the case had when it was nudged. */
    private static final Map<By, String> NUDGE_DIMENSION = Map.of(By.ALL, "'all'", By.UNIT, "n.unit", By.GRID, "n.grid",
            By.CATEGORY, "n.category");

    /** The counts behind one row of figures, added up from whole days of the summary and the hours at the edges. */
    static final class Counts {
        final String key;
        final long[] n = new long[13];

        Counts(String key) {
            this.key = key;
        }

        Counts add(Object[] row, int from, int sign) {
            for (int i = 0; i < n.length; i++) {
                n[i] += sign * number(row[from + i]);
            }
            return this;
        }

        Figures figures() {
            // a case filed while the summary was counted may be taken away without having been added
            for (int i = 0; i < n.length; i++) {
                n[i] = Math.max(0, n[i]);
            }
            // total, dispatched, responded, resolved, rated, satisfied, handling sum, handling count,
            // due for response, declined, solved, askable, visited
            return new Figures(key, n[0], n[1], n[2], n[3], n[4], n[5], n[7] == 0 ? null : (double) n[6] / n[7] / 3600.0,
                    n[8], n[9], n[10], n[11], n[12], 0);
        }
    }

    private final ServiceCaseRepository cases;
    private final CaseDayFigures days;
    private final Clock clock;
    private final java.time.ZoneId zone;

    public CaseFigures(ServiceCaseRepository cases, CaseDayFigures days, CasesConfig config, Clock clock) {
        this.cases = cases;
        this.days = days;
        this.clock = clock;
        this.zone = config.zone();
    }

    /** A part-day up to this long is counted case by case; a longer one as its whole day less the rest, counted case by case. */
    static final java.time.Duration PART_DAY = java.time.Duration.ofHours(12);

    /**
     * The figures of the cases filed from {@code from} to {@code to}: the whole days in between from
     * the daily summary (brought up to date first); a part-day at either end counted case by case
     * when it is short, else as its whole day less the rest of it (today until now is the whole of
     * today less nothing). Any period gives the same answer as counting every case, and the cost
     * is a few summary rows per day plus at most half a day's cases at each end.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Figures> compute(Instant from, Instant to, By by) {
        Instant counted = days.refresh();
        Map<String, Counts> counts = new java.util.LinkedHashMap<>();
        if (from.isBefore(to)) {
            java.time.LocalDate first = days.day(from);
            java.time.LocalDate last = days.day(to);
            if (midnight(last).equals(to)) {
                last = last.minusDays(1);
            }
            java.time.LocalDate sumFrom;
            java.time.LocalDate sumTo;
            if (first.equals(last)) {
                boolean whole = from.equals(midnight(first)) && to.equals(midnight(first.plusDays(1)));
                boolean shortPart = !whole && java.time.Duration.between(from, to).compareTo(PART_DAY) <= 0;
                sumFrom = first;
                sumTo = shortPart ? first : first.plusDays(1);
                if (shortPart) {
                    count(counts, from, to, by, 1);
                } else {
                    count(counts, midnight(first), from, by, -1);
                    count(counts, to, earlier(midnight(first.plusDays(1)), counted), by, -1);
                }
            } else {
                sumFrom = startOf(counts, first, from, by);
                sumTo = endOf(counts, last, to, counted, by);
            }
            if (sumFrom.isBefore(sumTo)) {
                for (Object[] row : days.sums(sumFrom, sumTo, CaseDayFigures.COLUMN.get(by))) {
                    counts.computeIfAbsent(key(row[0]), Counts::new).add(row, 1, 1);
                }
            }
        }
        List<Figures> figures = new java.util.ArrayList<>(counts.values().stream().map(Counts::figures)
                .filter(f -> f.total() > 0).toList());
        figures.sort(java.util.Comparator.comparingLong(Figures::total).reversed());
        return withNudges(figures, from, to, by);
    }

    /** The first day the summary adds, having counted the part of {@code first} from {@code from}. */
    private java.time.LocalDate startOf(Map<String, Counts> counts, java.time.LocalDate first, Instant from, By by) {
        Instant next = midnight(first.plusDays(1));
        if (from.equals(midnight(first))) {
            return first;
        }
        if (java.time.Duration.between(from, next).compareTo(PART_DAY) <= 0) {
            count(counts, from, next, by, 1);
            return first.plusDays(1);
        }
        count(counts, midnight(first), from, by, -1);
        return first;
    }

    /** The day after the last the summary adds, having counted the part of {@code last} until {@code to}. */
    private java.time.LocalDate endOf(Map<String, Counts> counts, java.time.LocalDate last, Instant to, Instant counted,
                                      By by) {
        Instant start = midnight(last);
        if (to.equals(midnight(last.plusDays(1)))) {
            return last.plusDays(1);
        }
        if (java.time.Duration.between(start, to).compareTo(PART_DAY) <= 0) {
            count(counts, start, to, by, 1);
            return last;
        }
        // the summary holds the day's cases filed until it was counted: those less the ones filed since {@code to}
        count(counts, to, earlier(midnight(last.plusDays(1)), counted), by, -1);
        return last.plusDays(1);
    }

    private Instant midnight(java.time.LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** Each day's figures over all cases, from {@code from} to {@code to} (exclusive); a day without cases has none. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<java.time.LocalDate, Figures> daily(java.time.LocalDate from, java.time.LocalDate to) {
        days.refresh();
        Map<java.time.LocalDate, Figures> daily = new java.util.TreeMap<>();
        for (Object[] row : days.byDay(from, to)) {
            java.time.LocalDate day = CaseDayFigures.localDate(row[0]);
            daily.put(day, new Counts("all").add(row, 1, 1).figures());
        }
        return daily;
    }

    /** Adds ({@code sign} 1) or takes away (-1) the cases filed from {@code from} to {@code to}, counted one by one. */
    private void count(Map<String, Counts> counts, Instant from, Instant to, By by, int sign) {
        if (!from.isBefore(to)) {
            return;
        }
        String key = DIMENSION.get(by);
        List<Object[]> rows = cases.getEntityManager().createQuery("select " + key + """
                        , count(c),
                          sum(case when c.schedule.acceptDueAt is not null then 1 else 0 end),
                          sum(case when c.schedule.acceptedAt is not null and c.schedule.acceptedAt <= c.schedule.acceptDueAt then 1 else 0 end),
                          sum(case when c.state in :done then 1 else 0 end),
                          sum(case when c.followUp.rating is not null then 1 else 0 end),
                          sum(case when c.followUp.rating in :good then 1 else 0 end),
                          coalesce(sum(c.resolution.handlingSeconds), 0), count(c.resolution.handlingSeconds),
                          sum(case when c.schedule.acceptDueAt is not null and (c.schedule.acceptedAt is not null or c.schedule.acceptDueAt <= :now)
                                   then 1 else 0 end),
                          sum(case when c.state = :declined then 1 else 0 end),
                          sum(case when c.state in :done and (c.followUp.rating in :good or c.followUp.reviewPassed = true) then 1 else 0 end),
                          sum(case when c.state in :done and c.phone is not null and c.schedule.dispatchedAt is not null
                                   then 1 else 0 end),
                          sum(case when c.state in :done and c.phone is not null and c.schedule.dispatchedAt is not null
                                   and (c.followUp.rating is not null or c.followUp.callBackResult is not null) then 1 else 0 end)
                        from ServiceCase c where c.createdAt >= :from and c.createdAt < :to
                        group by\s""" + key, Object[].class)
                .setParameter("done", List.of(CaseState.RESOLVED, CaseState.RATED, CaseState.ARCHIVED))
                .setParameter("good", List.of(Rating.SATISFIED, Rating.MOSTLY_SATISFIED))
                .setParameter("declined", CaseState.DECLINED)
                .setParameter("now", clock.instant())
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList();
        for (Object[] row : rows) {
            counts.computeIfAbsent(key(row[0]), Counts::new).add(row, 1, sign);
        }
    }

    private static String key(Object value) {
        return value == null ? "-" : String.valueOf(value);
    }

    /** Adds the period's 催办 to each row; a unit (grid, category) nudged but with no case filed in the period gets a row of its own. */
    private List<Figures> withNudges(List<Figures> figures, Instant from, Instant to, By by) {
        String key = NUDGE_DIMENSION.get(by);
        Map<String, Long> nudged = new java.util.LinkedHashMap<>();
        if (by == By.ALL) {
            long all = cases.getEntityManager().createQuery("select count(n) from CaseNudge n where n.at >= :from and n.at < :to",
                    Long.class).setParameter("from", from).setParameter("to", to).getSingleResult();
            if (all > 0) {
                nudged.put(figures.isEmpty() ? "all" : figures.get(0).key(), all);
            }
        } else {
            for (Object[] r : cases.getEntityManager().createQuery("select " + key + ", count(n) from CaseNudge n"
                            + " where n.at >= :from and n.at < :to group by " + key, Object[].class)
                    .setParameter("from", from).setParameter("to", to).getResultList()) {
                nudged.put(r[0] == null ? "-" : String.valueOf(r[0]), number(r[1]));
            }
        }
        if (nudged.isEmpty()) {
            return figures;
        }
        List<Figures> out = new java.util.ArrayList<>();
        for (Figures f : figures) {
            Long count = nudged.remove(f.key());
            out.add(count == null ? f : f.withNudged(count));
        }
        nudged.forEach((k, count) -> out.add(Figures.none(k).withNudged(count)));
        return out;
    }

    private static long number(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }
}
