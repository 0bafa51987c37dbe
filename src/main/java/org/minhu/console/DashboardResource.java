package org.minhu.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestQuery;
import org.minhu.cases.UnitReports;
import org.minhu.common.Days;
import org.minhu.common.ProblemException;
import org.minhu.security.CsrfProtected;
import org.minhu.security.Role;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** The supervisor dashboard and the report exports: for supervisors and admins only. */
@Path("/console")
@CsrfProtected
@RolesAllowed({Role.SUPERVISOR_NAME, Role.ADMIN_NAME})
public class DashboardResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(Dashboard.View view, LocalDate today, LocalDate weekStart,
                                                 YearMonth month);

        static native TemplateInstance overdue(UnitReports.OverdueReport report, LocalDate previous, LocalDate next);

        static native TemplateInstance ranking(UnitReports.Ranking ranking, LocalDate previous, LocalDate next);
    }

    private final Dashboard dashboard;
    private final Reports reports;
    private final UnitReports unitReports;
    private final Viewer viewer;

    public DashboardResource(Dashboard dashboard, Reports reports, UnitReports unitReports, Viewer viewer) {
        this.viewer = viewer;
        this.unitReports = unitReports;
        this.dashboard = dashboard;
        this.reports = reports;
    }

    @GET
    @Path("/dashboard")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance dashboard() {
        LocalDate today = unitReports.today();
        return Templates.dashboard(dashboard.view(), today, UnitReports.monday(today), YearMonth.from(today));
    }

    /** 日登记 for {@code date} (yyyy-MM-dd, today by default). */
    @GET
    @Path("/reports/daily")
    public Response daily(@RestQuery String date, @RestQuery String format) {
        LocalDate named = Days.parse("date", date);
        LocalDate day = named != null ? named : unitReports.today();
        return file(reports.daily(day, viewer.staff()), "daily-register-" + day, format);
    }

    /** 周汇总 for the week (Monday to Sunday) that holds {@code week} (yyyy-MM-dd, this week by default). */
    @GET
    @Path("/reports/weekly")
    public Response weekly(@RestQuery String week, @RestQuery String format) {
        LocalDate named = Days.parse("week", week);
        LocalDate start = UnitReports.monday(named != null ? named : unitReports.today());
        return file(reports.summary("周汇总 " + start, start, start.plusWeeks(1)), "weekly-report-" + start, format);
    }

    /** 月上报 for {@code month} (yyyy-MM, this month by default). */
    @GET
    @Path("/reports/monthly")
    public Response monthly(@RestQuery String month, @RestQuery String format) {
        YearMonth m;
        try {
            m = month == null || month.isBlank() ? YearMonth.from(unitReports.today()) : YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("month", "month is yyyy-MM");
        }
        return file(reports.summary("月上报 " + m, m.atDay(1), m.plusMonths(1).atDay(1)), "monthly-report-" + m, format);
    }

    /** 超期通报 of {@code date} (yesterday by default: the 通报 goes round each morning), as a page or a file. */
    @GET
    @Path("/reports/overdue")
    public Response overdue(@RestQuery String date, @RestQuery String format) {
        LocalDate day = unitReports.overdueDay(Days.parse("date", date));
        UnitReports.OverdueReport report = unitReports.overdue(day);
        if (format != null && !format.isBlank()) {
            return file(reports.overdue(report, unitReports.overdueCases(day, Reports.OVERDUE_ROWS)),
                    "overdue-report-" + day, format);
        }
        return page(Templates.overdue(report, day.minusDays(1), day.isBefore(unitReports.today()) ? day.plusDays(1) : null));
    }

    /** 单位排名 of the week (Monday to Sunday) that holds {@code week}; last week by default. */
    @GET
    @Path("/reports/ranking")
    public Response ranking(@RestQuery String week, @RestQuery String format) {
        LocalDate start = unitReports.rankingWeek(Days.parse("week", week));
        UnitReports.Ranking ranking = unitReports.ranking(start);
        if (format != null && !format.isBlank()) {
            return file(Reports.ranking(ranking), "unit-ranking-" + start, format);
        }
        LocalDate thisWeek = UnitReports.monday(unitReports.today());
        return page(Templates.ranking(ranking, start.minusWeeks(1), start.isBefore(thisWeek) ? start.plusWeeks(1) : null));
    }

    private static Response page(TemplateInstance page) {
        return Response.ok(page).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    private static Response file(Reports.Table table, String name, String format) {
        boolean xlsx = "xlsx".equalsIgnoreCase(format);
        return Response.ok(xlsx ? Reports.xlsx(table) : Reports.csv(table),
                        xlsx ? XLSX : "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + (xlsx ? ".xlsx" : ".csv") + "\"")
                .build();
    }
}
