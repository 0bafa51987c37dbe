package org.minhu.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.minhu.cases.CaseFigures;
import org.minhu.cases.ServiceCase;
import org.minhu.cases.UnitReports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The reports a city files (日登记、周汇总、月上报): the daily register of every case filed that day,
 * the weekly and monthly summaries by unit, the daily 超期通报 and the weekly 单位排名, as CSV (UTF-8 with a BOM, so Excel reads the
 * Chinese) or XLSX. One table shape serves both formats.
 */
@ApplicationScoped
public class Reports {

    public record Table(String title, List<String> header, List<List<Object>> rows) {
    }

    private final EntityManager em;
    private final CaseFigures figures;
    private final Labels labels;
    private final People people;
    private final ZoneId zone;

    public Reports(EntityManager em, CaseFigures figures, Labels labels, People people) {
        this.people = people;
        this.em = em;
        this.figures = figures;
        this.labels = labels;
        this.zone = labels.zone();
    }

    /**
     * 日登记: every case filed on the day that {@code who} may read (the permission table's
     * {@code READ_CASE}, as for the case page), in the order filed.
     */
    public Table daily(LocalDate day, org.minhu.cases.Staff who) {
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        List<ServiceCase> filed = em.createQuery("select c from ServiceCase c where c.createdAt >= :from"
                        + " and c.createdAt < :to order by c.createdAt, c.id", ServiceCase.class)
                .setParameter("from", from).setParameter("to", to).getResultList();
        List<List<Object>> rows = new ArrayList<>();
        for (ServiceCase c : filed) {
            if (!org.minhu.cases.CasePermissions.permits(org.minhu.cases.CaseAction.READ_CASE, who, c)) {
                continue;
            }
            List<Object> row = new ArrayList<>();
            row.add(c.getNumber());
            row.add(labels.fullTime(c.getCreatedAt()));
            row.add(c.getChannel());
            row.add(labels.category(c.getCategory()));
            row.add(c.getPriority().name());
            row.add(c.getDescription());
            row.add(c.getAddress() == null ? "" : c.getAddress());
            row.add(c.getUnit());
            row.add(c.getUnits().getGrid() == null ? "" : c.getUnits().getGrid());
            row.add(labels.state(c.getState()));
            row.add(labels.fullTime(c.getDueAt()));
            row.add(labels.fullTime(c.getResolvedAt()));
            row.add(c.getResolution().getNote() == null ? "" : c.getResolution().getNote());
            row.add(c.getFollowUp().getRating() == null ? "" : labels.rating(c.getFollowUp().getRating()));
            rows.add(row);
        }
        return new Table("日登记 " + day, List.of("编号", "受理时间", "渠道", "类别", "等级", "诉求内容", "地点",
                "承办单位", "网格", "状态", "办结时限", "办结时间", "办理结果", "评价"), rows);
    }

    /**
     * 周汇总 / 月上报: per unit, for cases filed from {@code from} (inclusive) to {@code to} (exclusive),
     * and a column per label (标签：…) counting those of the unit's cases that carry it.
     */
    public Table summary(String title, LocalDate from, LocalDate to) {
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.atStartOfDay(zone).toInstant();
        // the summary brought up to date once for both reads
        CaseFigures.AsOf counted = figures.upToDate();
        List<CaseFigures.Figures> units = counted.compute(start, end, CaseFigures.By.UNIT);
        List<CaseFigures.Figures> all = counted.compute(start, end, CaseFigures.By.ALL);
        LabelCounts labelled = labelCounts(start, end);
        List<List<Object>> rows = new ArrayList<>();
        units.forEach(f -> rows.add(labelled.appendTo(summaryRow(f.key(), f), f.key())));
        all.forEach(f -> rows.add(labelled.appendTo(summaryRow("合计", f), null)));
        List<String> header = new ArrayList<>(List.of("承办单位", "受理", "已派单", "按时签收", "响应率", "办结", "办结率", "已评价",
                "满意", "满意率", "平均办理小时", "解决", "解决率", "回访", "回访率", "不予受理"));
        labelled.names().forEach(name -> header.add("标签：" + name));
        return new Table(title, header, rows);
    }

    /** The most rows a 超期通报 file lists, the most overdue first; the page counts them all. */
    static final int OVERDUE_ROWS = 10_000;

    /** 超期通报 as a file: one row per overdue case, the most overdue first. */
    public Table overdue(UnitReports.OverdueReport report, List<UnitReports.OverdueCase> cases) {
        java.util.Map<String, String> parents = new java.util.HashMap<>();
        report.units().forEach(u -> parents.put(u.unit(), u.parent() == null ? "" : u.parent()));
        List<List<Object>> rows = new ArrayList<>();
        for (UnitReports.OverdueCase c : cases) {
            rows.add(List.of(c.unit(), parents.getOrDefault(c.unit(), ""), c.number(), labels.category(c.category()),
                    c.owner() == null ? "" : people.name(c.owner()), labels.fullTime(c.dueAt()), c.overdueDays(),
                    c.overdueHours()));
        }
        return new Table("超期通报 " + report.day(), List.of("承办单位", "上级单位", "编号", "类别", "承办人", "办结时限",
                "超期天数", "超期小时"), rows);
    }

    /** 单位排名 as a file. */
    public static Table ranking(UnitReports.Ranking ranking) {
        List<List<Object>> rows = new ArrayList<>();
        for (UnitReports.Rank r : ranking.ranks()) {
            CaseFigures.Figures f = r.figures();
            rows.add(List.of(r.place(), r.unit(), r.score(), f.total(), percent(f.responseRate()),
                    percent(f.resolutionRate()), percent(f.satisfactionRate()), percent(f.solvedRate()), r.overdue()));
        }
        return new Table("单位排名 " + ranking.weekStart(), List.of("名次", "承办单位", "得分", "受理", "响应率", "办结率",
                "满意率", "解决率", "周末超期"), rows);
    }

    private static List<Object> summaryRow(String name, CaseFigures.Figures f) {
        List<Object> row = new ArrayList<>();
        row.add(name);
        row.add(f.total());
        row.add(f.dispatched());
        row.add(f.respondedInTime());
        row.add(percent(f.responseRate()));
        row.add(f.resolved());
        row.add(percent(f.resolutionRate()));
        row.add(f.rated());
        row.add(f.satisfied());
        row.add(percent(f.satisfactionRate()));
        row.add(f.averageHandlingHours() == null ? "" : Math.round(f.averageHandlingHours() * 10) / 10.0);
        row.add(f.solved());
        row.add(percent(f.solvedRate()));
        row.add(f.visited());
        row.add(percent(f.visitRate()));
        row.add(f.declined());
        return row;
    }

    /** Per unit and label, how many of the cases filed in a period carry the label; every label, by name. */
    private record LabelCounts(List<String> names, java.util.Map<String, java.util.Map<String, Long>> byUnit) {
        /** The row with a count per label: the unit's, or for no unit all units'. */
        List<Object> appendTo(List<Object> row, String unit) {
            for (String name : names) {
                row.add(byUnit.entrySet().stream().filter(e -> unit == null || unit.equals(e.getKey()))
                        .mapToLong(e -> e.getValue().getOrDefault(name, 0L)).sum());
            }
            return row;
        }
    }

    private LabelCounts labelCounts(Instant from, Instant to) {
        List<String> names = em.createQuery("select t.name from CaseTag t order by t.name", String.class).getResultList();
        java.util.Map<String, java.util.Map<String, Long>> byUnit = new java.util.HashMap<>();
        if (!names.isEmpty()) {
            em.createQuery("""
                            select c.units.unit, t.name, count(c) from ServiceCase c, CaseTagging g, CaseTag t
                            where g.caseId = c.id and g.tagId = t.id and c.createdAt >= :from and c.createdAt < :to
                            group by c.units.unit, t.name""", Object[].class)
                    .setParameter("from", from).setParameter("to", to).getResultList()
                    .forEach(r -> byUnit.computeIfAbsent(String.valueOf(r[0]), k -> new java.util.HashMap<>())
                            .put((String) r[1], ((Number) r[2]).longValue()));
        }
        return new LabelCounts(names, byUnit);
    }

    static String percent(Double share) {
        return share == null ? "" : String.format("%.1f%%", share * 100);
    }

    public static byte[] csv(Table table) {
        StringBuilder out = new StringBuilder("\uFEFF");
        line(out, new ArrayList<>(table.header()));
        table.rows().forEach(row -> line(out, row));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(csvCell(cells.get(i)));
        }
        out.append("\r\n");
    }

    /** Quoted, with a cell that a spreadsheet would read as a formula made plain text. */
    static String csvCell(Object value) {
        String s = value == null ? "" : value.toString();
        if (!(value instanceof Number) && !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    public static byte[] xlsx(Table table) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(bytes, "Minhu", "1.0")) {
            Worksheet sheet = workbook.newWorksheet(table.title().length() > 31 ? table.title().substring(0, 31) : table.title());
            for (int c = 0; c < table.header().size(); c++) {
                sheet.value(0, c, table.header().get(c));
                sheet.style(0, c).bold().fillColor("EEF2F6").set();
            }
            for (int r = 0; r < table.rows().size(); r++) {
                List<Object> row = table.rows().get(r);
                for (int c = 0; c < row.size(); c++) {
                    Object v = row.get(c);
                    if (v instanceof Number n) {
                        sheet.value(r + 1, c, n);
                    } else {
                        sheet.value(r + 1, c, v == null ? "" : v.toString());
                    }
                }
            }
            sheet.freezePane(0, 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
