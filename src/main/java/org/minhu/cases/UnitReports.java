package org.minhu.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What supervisors send round about units (坪山: 超期单位自动通报): the daily 超期通报 (every case past
 * its deadline and not resolved at the end of a day, unit by unit, with the unit above it) and the
 * weekly ranking of units (单位排名) by their rates and their overdue cases. Both are computed from the
 * cases as they stand, so a report of an earlier day can be produced again.
 */
@ApplicationScoped
public class UnitReports {

    /** One case past its deadline at the report's moment. */
    public record OverdueCase(String number, String category, String unit, String owner, Instant dueAt, long overdueHours) {
        /** Whole days past the deadline, as a 通报 counts them (less than one day is 0). */
        public long overdueDays() {
            return overdueHours / 24;
        }
    }

    /** A unit's overdue cases: how many, the longest overdue, and the most overdue of them by name. */
    public record UnitOverdue(String unit, String parent, long count, long longestHours, List<OverdueCase> cases) {
        public long longestDays() {
            return longestHours / 24;
        }
    }

    /** 超期通报 of one day: as of its end, or of now for today. */
    public record OverdueReport(LocalDate day, Instant asOf, List<UnitOverdue> units) {
        public long total() {
            return units.stream().mapToLong(UnitOverdue::count).sum();
        }
    }

    /** A unit's place in the week: its figures for the cases filed that week, its overdue cases at the week's end, its score. */
    public record Rank(int place, String unit, CaseFigures.Figures figures, int overdue, double score) {
    }

    /** 单位排名 of the week starting on {@code weekStart} (a Monday). */
    public record Ranking(LocalDate weekStart, List<Rank> ranks) {
    }

    /** What the score weighs, out of 100: 响应率, 办结率, 满意率, 解决率 (rates a unit has no cases for are left out and the rest reweighed). */
    static final double RESPONSE = 0.2;
    static final double RESOLUTION = 0.3;
    static final double SATISFACTION = 0.3;
    static final double SOLVED = 0.2;
    /** Points off per case overdue at the week's end. */
    static final double PER_OVERDUE = 2;

    /** The cases each unit's row names; the count is of all. */
    static final int LISTED = 20;
    /** Overdue at {@code :asOf}: past the deadline, filed before, not declined, not paused then, not resolved by then. */
    private static final String OVERDUE = " where c.schedule.dueAt < :asOf and c.createdAt < :asOf and c.state <> :declined"
            + " and (c.schedule.pausedAt is null or c.schedule.pausedAt > :asOf)"
            + " and ((c.resolvedAt is null and c.state in :open) or c.resolvedAt > :asOf)";

    private final ServiceCaseRepository cases;
    private final CaseFigures figures;
    private final UnitHierarchy hierarchy;
    private final Clock clock;
    private final ZoneId zone;

    public UnitReports(ServiceCaseRepository cases, CaseFigures figures, UnitHierarchy hierarchy, CasesConfig config,
                       Clock clock) {
        this.cases = cases;
        this.figures = figures;
        this.hierarchy = hierarchy;
        this.clock = clock;
        this.zone = config.zone();
    }

    /** The city's today. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /** The day a 通报 is of: {@code day} when one is named, else yesterday (the 通报 goes round each morning). */
    public LocalDate overdueDay(LocalDate day) {
        return day != null ? day : today().minusDays(1);
    }

    /** The Monday of the week holding {@code day} when one is named, else of last week (the 排名 goes round on Mondays). */
    public LocalDate rankingWeek(LocalDate day) {
        return monday(day != null ? day : today().minusWeeks(1));
    }

    /** The Monday of the week (Monday to Sunday) that holds {@code day}. */
    public static LocalDate monday(LocalDate day) {
        return day.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
    }

    /**
     * Cases past their deadline and not resolved at the end of {@code day} (now, for today): open
     * then and not paused, declined cases aside. A case resolved later counts for the days it was
     * overdue, so yesterday's 通报 reads the same this afternoon. Counted per unit in the database,
     * with each unit's {@value #LISTED} most overdue cases named.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public OverdueReport overdue(LocalDate day) {
        Instant asOf = asOf(day);
        List<Object[]> perUnit = cases.getEntityManager().createQuery("select c.units.unit, count(c), min(c.schedule.dueAt) from ServiceCase c"
                        + OVERDUE + " group by c.units.unit", Object[].class)
                .setParameter("asOf", asOf).setParameter("declined", CaseState.DECLINED).setParameter("open", CaseState.OPEN)
                .getResultList();
        List<UnitOverdue> units = new ArrayList<>();
        for (Object[] r : perUnit) {
            String unit = (String) r[0];
            units.add(new UnitOverdue(unit, hierarchy.parentOf(unit).orElse(null), ((Number) r[1]).longValue(),
                    Duration.between((Instant) r[2], asOf).toHours(), listed(asOf, unit, LISTED)));
        }
        // most overdue cases first: the 通报 leads with the units that most need chasing
        units.sort(Comparator.comparingLong(UnitOverdue::count).reversed()
                .thenComparing(Comparator.comparingLong(UnitOverdue::longestHours).reversed())
                .thenComparing(UnitOverdue::unit));
        return new OverdueReport(day, asOf, List.copyOf(units));
    }

    /** The 通报's cases one by one, the most overdue first, at most {@code limit} (the file's rows). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OverdueCase> overdueCases(LocalDate day, int limit) {
        return listed(asOf(day), null, limit);
    }

    private List<OverdueCase> listed(Instant asOf, String unit, int limit) {
        var query = cases.getEntityManager().createQuery("select c.number, c.category, c.units.unit, c.units.owner, c.schedule.dueAt from ServiceCase c"
                        + OVERDUE + (unit == null ? "" : " and c.units.unit = :unit") + " order by c.schedule.dueAt, c.number", Object[].class)
                .setParameter("asOf", asOf).setParameter("declined", CaseState.DECLINED).setParameter("open", CaseState.OPEN);
        if (unit != null) {
            query.setParameter("unit", unit);
        }
        return query.setMaxResults(limit).getResultList().stream().map(r -> new OverdueCase((String) r[0], (String) r[1],
                (String) r[2], (String) r[3], (Instant) r[4], Duration.between((Instant) r[4], asOf).toHours())).toList();
    }

    private Instant asOf(LocalDate day) {
        Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
        Instant now = clock.instant();
        return end.isBefore(now) ? end : now;
    }

    /**
     * The units ranked for the week from {@code weekStart}: cases filed that week, as the 周汇总
     * counts them, and cases overdue at the week's end. Best score first; a tie goes to the unit
     * with more cases.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Ranking ranking(LocalDate weekStart) {
        List<CaseFigures.Figures> week = figures.compute(weekStart.atStartOfDay(zone).toInstant(),
                weekStart.plusWeeks(1).atStartOfDay(zone).toInstant(), CaseFigures.By.UNIT);
        Map<String, Integer> overdue = new LinkedHashMap<>();
        overdue(weekStart.plusDays(6)).units().forEach(u -> overdue.put(u.unit(), (int) u.count()));
        Map<String, CaseFigures.Figures> byUnit = new LinkedHashMap<>();
        week.stream().filter(f -> !"-".equals(f.key())).forEach(f -> byUnit.put(f.key(), f));
        overdue.keySet().forEach(u -> byUnit.putIfAbsent(u, CaseFigures.Figures.none(u)));
        List<Rank> unranked = new ArrayList<>();
        byUnit.forEach((unit, f) -> {
            int late = overdue.getOrDefault(unit, 0);
            unranked.add(new Rank(0, unit, f, late, score(f, late)));
        });
        unranked.sort(Comparator.comparingDouble(Rank::score).reversed()
                .thenComparing(Comparator.comparingLong((Rank r) -> r.figures().total()).reversed())
                .thenComparing(Rank::unit));
        List<Rank> ranks = new ArrayList<>();
        for (int i = 0; i < unranked.size(); i++) {
            Rank r = unranked.get(i);
            // equal scores share a place, as a 通报 prints them
            int place = i > 0 && ranks.get(i - 1).score() == r.score() ? ranks.get(i - 1).place() : i + 1;
            ranks.add(new Rank(place, r.unit(), r.figures(), r.overdue(), r.score()));
        }
        return new Ranking(weekStart, List.copyOf(ranks));
    }

    /** Out of 100, to one decimal: the weighted rates the unit has, less {@link #PER_OVERDUE} per overdue case, never below 0. */
    static double score(CaseFigures.Figures f, int overdue) {
        double weighed = 0;
        double weights = 0;
        double[][] parts = {{rate(f.responseRate()), RESPONSE}, {rate(f.resolutionRate()), RESOLUTION},
                {rate(f.satisfactionRate()), SATISFACTION}, {rate(f.solvedRate()), SOLVED}};
        for (double[] part : parts) {
            if (part[0] >= 0) {
                weighed += part[0] * part[1];
                weights += part[1];
            }
        }
        double base = weights == 0 ? 0 : 100 * weighed / weights;
        return Math.round(Math.max(0, base - PER_OVERDUE * overdue) * 10) / 10.0;
    }

    private static double rate(Double share) {
        return share == null ? -1 : share;
    }
}
