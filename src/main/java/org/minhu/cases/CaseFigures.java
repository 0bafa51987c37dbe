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

    /** The dimensions for nudges: the unit, grid and category the case had when it was nudged. */
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

    /**
     * The figures of the cases filed from {@code from} to {@code to}: the whole days in between from
     * the daily summary (brought up to date first); a part-day at either end either counted case by
     * case or as its day's row of the summary less the rest of it, whichever reads fewer hours of
     * cases ({@link #plan}). Any period gives the same answer as counting every case (but for cases
     * filed in the moment between the summary's count and the read), and the cost is a few summary
     * rows per day plus at most half a day's cases at each end; a period ending now reads today from
     * the summary just brought up to date, not case by case.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Figures> compute(Instant from, Instant to, By by) {
        return compute(days.refresh(), from, to, by);
    }

    /**
     * The summary brought up to date once, for several figures read together (the dashboard reads the
     * overall, the per-unit and the daily figures): each read through it costs its reads only.
     */
    public AsOf upToDate() {
        return new AsOf(days.refresh());
    }

    /** Figures read against the summary as it stood when {@link #upToDate} brought it up to date. */
    public final class AsOf {
        private final Instant counted;

        private AsOf(Instant counted) {
            this.counted = counted;
        }

        /** As {@link CaseFigures#compute}. */
        public List<Figures> compute(Instant from, Instant to, By by) {
            return CaseFigures.this.compute(counted, from, to, by);
        }

        /** As {@link CaseFigures#daily}. */
        public Map<java.time.LocalDate, Figures> daily(java.time.LocalDate from, java.time.LocalDate to) {
            return CaseFigures.this.dailySums(from, to);
        }
    }

    private List<Figures> compute(Instant counted, Instant from, Instant to, By by) {
        Map<String, Counts> counts = new java.util.LinkedHashMap<>();
        Plan plan = plan(from, to, counted, zone);
        for (Stretch stretch : plan.stretches()) {
            for (Object[] row : days.countCases(stretch.from(), stretch.to(), clock.instant(), CaseDayFigures.COLUMN.get(by))) {
                counts.computeIfAbsent(key(row[0]), Counts::new).add(row, 1, stretch.sign());
            }
        }
        if (plan.sumFrom().isBefore(plan.sumTo())) {
            for (Object[] row : days.sums(plan.sumFrom(), plan.sumTo(), CaseDayFigures.COLUMN.get(by))) {
                counts.computeIfAbsent(key(row[0]), Counts::new).add(row, 1, 1);
            }
        }
        List<Figures> figures = new java.util.ArrayList<>(counts.values().stream().map(Counts::figures)
                .filter(f -> f.total() > 0).toList());
        figures.sort(java.util.Comparator.comparingLong(Figures::total).reversed());
        return withNudges(figures, from, to, by);
    }

    /** Cases filed from {@code from} to {@code to}, counted one by one and added ({@code sign} 1) or taken away (-1). */
    record Stretch(Instant from, Instant to, int sign) {
    }

    /** How a period is counted: the summary's days from {@code sumFrom} (inclusive) to {@code sumTo} (exclusive), and the stretches. */
    record Plan(java.time.LocalDate sumFrom, java.time.LocalDate sumTo, List<Stretch> stretches) {
    }

    /**
     * How to count the cases filed from {@code from} to {@code to} with the least reading. A day's row
     * of the summary holds its cases filed until the summary was {@code counted} (a past day's all of
     * them); a part-day at either end of the period is counted case by case, or as its day's row less
     * the cases of that day outside the period, whichever reads fewer hours of cases. For a past day
     * that is the shorter half of the day; for today, with the summary just brought up to date, the
     * cases after a period ending now are those of the moment since, so today is read from the summary.
     * What is taken away is every case of the day after {@code to}, not only those until
     * {@code counted}: a row counted again by another read in between stays exact. A case filed
     * between the summary's count and this read is in the figures only where they count case by case.
     */
    static Plan plan(Instant from, Instant to, Instant counted, java.time.ZoneId zone) {
        List<Stretch> stretches = new java.util.ArrayList<>();
        if (!from.isBefore(to)) {
            return new Plan(java.time.LocalDate.MIN, java.time.LocalDate.MIN, stretches);
        }
        java.time.LocalDate first = java.time.LocalDate.ofInstant(from, zone);
        java.time.LocalDate last = java.time.LocalDate.ofInstant(to, zone);
        if (midnight(last, zone).equals(to)) {
            last = last.minusDays(1);
        }
        // the hours of the last day after the period that its row holds cases of: none when it ends at midnight
        Instant lastEnd = midnight(last.plusDays(1), zone);
        Instant held = earlier(lastEnd, counted);
        java.time.Duration after = to.equals(lastEnd) || !to.isBefore(held) ? java.time.Duration.ZERO : java.time.Duration.between(to, held);
        if (first.equals(last)) {
            Instant start = midnight(first, zone);
            java.time.Duration before = java.time.Duration.between(start, from);
            if (java.time.Duration.between(from, to).compareTo(before.plus(after)) <= 0) {
                stretches.add(new Stretch(from, to, 1));
                return new Plan(first, first, stretches);
            }
            add(stretches, start, from, -1);
            add(stretches, to, lastEnd, -1);
            return new Plan(first, first.plusDays(1), stretches);
        }
        java.time.LocalDate sumFrom = first;
        Instant firstStart = midnight(first, zone);
        if (!from.equals(firstStart)) {
            Instant next = midnight(first.plusDays(1), zone);
            if (java.time.Duration.between(from, next).compareTo(java.time.Duration.between(firstStart, from)) <= 0) {
                stretches.add(new Stretch(from, next, 1));
                sumFrom = first.plusDays(1);
            } else {
                stretches.add(new Stretch(firstStart, from, -1));
            }
        }
        java.time.LocalDate sumTo = last.plusDays(1);
        if (!to.equals(lastEnd)) {
            Instant lastStart = midnight(last, zone);
            if (java.time.Duration.between(lastStart, to).compareTo(after) <= 0) {
                stretches.add(new Stretch(lastStart, to, 1));
                sumTo = last;
            } else {
                stretches.add(new Stretch(to, lastEnd, -1));
            }
        }
        return new Plan(sumFrom, sumTo, stretches);
    }

    private static void add(List<Stretch> stretches, Instant from, Instant to, int sign) {
        if (from.isBefore(to)) {
            stretches.add(new Stretch(from, to, sign));
        }
    }

    private static Instant midnight(java.time.LocalDate day, java.time.ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** Each day's figures over all cases, from {@code from} to {@code to} (exclusive); a day without cases has none. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<java.time.LocalDate, Figures> daily(java.time.LocalDate from, java.time.LocalDate to) {
        days.refresh();
        return dailySums(from, to);
    }

    private Map<java.time.LocalDate, Figures> dailySums(java.time.LocalDate from, java.time.LocalDate to) {
        Map<java.time.LocalDate, Figures> daily = new java.util.TreeMap<>();
        for (Object[] row : days.byDay(from, to)) {
            java.time.LocalDate day = CaseDayFigures.localDate(row[0]);
            daily.put(day, new Counts("all").add(row, 1, 1).figures());
        }
        return daily;
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
