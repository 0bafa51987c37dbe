package org.minhu.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.minhu.cases.CaseFigures;
import org.minhu.cases.CaseState;
import org.minhu.cases.ServiceCase;
import org.minhu.cases.ServiceCaseRepository;
import org.minhu.proactive.hotspot.HotspotAlertRepository;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The supervisor's view: the three rates a city is judged by over the last {@value #DAYS} days
 * with their daily trend, the units ranked, what is overdue or escalated, and the hot spots the
 * detector keeps (several open cases of one category close together). Charts are ECharts options, built here.
 */
@ApplicationScoped
public class Dashboard {

    static final int DAYS = 30;
    static final int LIST = 20;
    /** Overdue cases are counted up to this many; more show as "1000+". */
    static final int COUNT_CAP = 1000;

    public record HotSpot(String category, long count, double latitude, double longitude, String place) {
    }

    public record View(CaseFigures.Figures overall, long overdueCount, boolean overdueMore, List<ServiceCase> overdue,
                       List<ServiceCase> escalated, List<HotSpot> hotSpots, String trendChart, String rankingChart,
                       List<CaseFigures.Figures> units) {
    }

    private final CaseFigures figures;
    private final HotspotAlertRepository alerts;
    private final ServiceCaseRepository cases;
    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;
    private final ZoneId zone;

    public Dashboard(CaseFigures figures, ServiceCaseRepository cases, EntityManager em, ObjectMapper json, Clock clock,
                     Labels labels, HotspotAlertRepository alerts) {
        this.alerts = alerts;
        this.figures = figures;
        this.cases = cases;
        this.em = em;
        this.json = json;
        this.clock = clock;
        this.zone = labels.zone();
    }

    public View view() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        Instant from = today.minusDays(DAYS - 1L).atStartOfDay(zone).toInstant();
        Instant to = today.plusDays(1).atStartOfDay(zone).toInstant();
        // the summary brought up to date once for the page's three reads
        CaseFigures.AsOf figures = this.figures.upToDate();
        List<CaseFigures.Figures> all = figures.compute(from, to, CaseFigures.By.ALL);
        CaseFigures.Figures overall = all.isEmpty() ? CaseFigures.Figures.none("all") : all.get(0);
        List<CaseFigures.Figures> units = new ArrayList<>(figures.compute(from, to, CaseFigures.By.UNIT));
        units.sort(Comparator.comparing((CaseFigures.Figures f) -> f.resolutionRate() == null ? -1 : f.resolutionRate())
                .reversed());
        // counted to one past the cap through the (state, due_at) index: "1000+" says enough
        int overdueCount = em.createQuery("select c.id from ServiceCase c where c.state in :open"
                        + " and c.schedule.pausedAt is null and c.schedule.dueAt < :now", Long.class)
                .setParameter("open", CaseState.OPEN).setParameter("now", now).setMaxResults(COUNT_CAP + 1)
                .getResultList().size();
        List<ServiceCase> escalated = escalated();
        return new View(overall, Math.min(overdueCount, COUNT_CAP), overdueCount > COUNT_CAP, cases.overdue(now, LIST),
                escalated, hotSpots(),
                // a unit with nudges but no case filed in the period has a row in the table, not a bar in the ranking
                chart(trend(figures, today)), chart(ranking(units.stream().filter(u -> u.total() > 0).toList())), units);
    }

    private Map<String, Object> trend(CaseFigures.AsOf figures, LocalDate today) {
        List<String> days = new ArrayList<>();
        List<Object> filed = new ArrayList<>();
        List<Object> response = new ArrayList<>();
        List<Object> resolution = new ArrayList<>();
        List<Object> satisfaction = new ArrayList<>();
        Map<LocalDate, CaseFigures.Figures> daily = figures.daily(today.minusDays(DAYS - 1L), today.plusDays(1));
        for (int i = DAYS - 1; i >= 0; i--) {
            LocalDate day = today.minusDays(i);
            CaseFigures.Figures d = daily.get(day);
            days.add(day.getMonthValue() + "-" + day.getDayOfMonth());
            filed.add(d == null ? 0 : d.total());
            response.add(percent(d == null ? null : d.responseRate()));
            resolution.add(percent(d == null ? null : d.resolutionRate()));
            satisfaction.add(percent(d == null ? null : d.satisfactionRate()));
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("data", List.of("受理量", "响应率", "办结率", "满意率")));
        option.put("grid", Map.of("left", 40, "right", 40, "top", 40, "bottom", 30));
        option.put("xAxis", Map.of("type", "category", "data", days));
        option.put("yAxis", List.of(Map.of("type", "value", "name", "件"),
                Map.of("type", "value", "name", "%", "max", 100, "min", 0)));
        option.put("series", List.of(
                Map.of("name", "受理量", "type", "bar", "data", filed, "itemStyle", Map.of("color", "#cbd5e1")),
                line("响应率", response, "#1d4ed8"), line("办结率", resolution, "#15803d"),
                line("满意率", satisfaction, "#c8102e")));
        return option;
    }

    private static Map<String, Object> line(String name, List<Object> data, String color) {
        return Map.of("name", name, "type", "line", "yAxisIndex", 1, "data", data, "connectNulls", true,
                "itemStyle", Map.of("color", color));
    }

    private Map<String, Object> ranking(List<CaseFigures.Figures> units) {
        List<String> names = new ArrayList<>();
        List<Object> resolution = new ArrayList<>();
        List<Object> satisfaction = new ArrayList<>();
        List<Object> response = new ArrayList<>();
        List<CaseFigures.Figures> shown = new ArrayList<>(units);
        java.util.Collections.reverse(shown);
        for (CaseFigures.Figures f : shown) {
            names.add(f.key());
            resolution.add(percent(f.resolutionRate()));
            satisfaction.add(percent(f.satisfactionRate()));
            response.add(percent(f.responseRate()));
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("data", List.of("响应率", "办结率", "满意率")));
        option.put("grid", Map.of("left", 200, "right", 30, "top", 40, "bottom", 20));
        option.put("xAxis", Map.of("type", "value", "max", 100, "min", 0));
        option.put("yAxis", Map.of("type", "category", "data", names));
        option.put("series", List.of(
                Map.of("name", "响应率", "type", "bar", "data", response, "itemStyle", Map.of("color", "#1d4ed8")),
                Map.of("name", "办结率", "type", "bar", "data", resolution, "itemStyle", Map.of("color", "#15803d")),
                Map.of("name", "满意率", "type", "bar", "data", satisfaction, "itemStyle", Map.of("color", "#c8102e"))));
        return option;
    }

    /**
     * Open and escalated cases, the most escalated and then the most overdue first, and the flagged
     * (差评件) after them: one short read of the (escalation_level, due_at) index per level, one of
     * (flagged, due_at), rather than every open case sorted.
     */
    private List<ServiceCase> escalated() {
        List<ServiceCase> shown = new ArrayList<>();
        for (int level = 3; level >= 1 && shown.size() < LIST; level--) {
            shown.addAll(em.createQuery("select c from ServiceCase c where c.schedule.escalationLevel = :level"
                            + " and c.state in :open order by c.schedule.dueAt", ServiceCase.class)
                    .setParameter("level", level).setParameter("open", CaseState.OPEN)
                    .setMaxResults(LIST - shown.size()).getResultList());
        }
        if (shown.size() < LIST) {
            shown.addAll(em.createQuery("select c from ServiceCase c where c.flagged = true and c.schedule.escalationLevel = 0"
                            + " and c.state in :open order by c.schedule.dueAt", ServiceCase.class)
                    .setParameter("open", CaseState.OPEN).setMaxResults(LIST - shown.size()).getResultList());
        }
        return shown;
    }

    /** The hot spots the detector keeps (org.minhu.proactive), the largest first: the same ones the hot-spot page works. */
    private List<HotSpot> hotSpots() {
        return alerts.largestActive(LIST).stream().map(a -> new HotSpot(a.getCategory(), a.getCaseCount(),
                a.getLatitude(), a.getLongitude(), a.getArea())).toList();
    }

    private static Object percent(Double share) {
        return share == null ? null : Math.round(share * 1000) / 10.0;
    }

    private String chart(Map<String, Object> option) {
        try {
            return json.writeValueAsString(option);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("chart options are plain maps", e);
        }
    }
}
