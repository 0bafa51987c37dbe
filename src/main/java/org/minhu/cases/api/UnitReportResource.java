package org.minhu.cases.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.minhu.cases.CasesConfig;
import org.minhu.cases.UnitReports;
import org.minhu.common.ProblemException;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;

/**
 * 超期通报 and 单位排名 for other systems (a district's own dashboard, a weekly mail): the same
 * figures as the console's report pages (/console/reports/overdue, /console/reports/ranking), as JSON,
 * for supervisors and admins.
 */
@Path("/api/reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "reports", description = "Overdue report per unit (超期通报) and weekly unit ranking (单位排名)")
@RolesAllowed({"supervisor", "admin"})
public class UnitReportResource {

    private final UnitReports reports;
    private final CasesConfig config;
    private final Clock clock;

    public UnitReportResource(UnitReports reports, CasesConfig config, Clock clock) {
        this.reports = reports;
        this.config = config;
        this.clock = clock;
    }

    @GET
    @Path("overdue")
    @Operation(summary = "超期通报 of a day (yyyy-MM-dd; yesterday by default): per unit, count, longest overdue, the most overdue cases")
    public UnitReports.OverdueReport overdue(@QueryParam("date") String date) {
        return reports.overdue(date == null || date.isBlank() ? today().minusDays(1) : day("date", date));
    }

    @GET
    @Path("ranking")
    @Operation(summary = "单位排名 of the week (Monday to Sunday) holding a day (yyyy-MM-dd; last week by default)")
    public UnitReports.Ranking ranking(@QueryParam("week") String week) {
        LocalDate day = week == null || week.isBlank() ? today().minusWeeks(1) : day("week", week);
        return reports.ranking(day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), config.zone());
    }

    private static LocalDate day(String name, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name, name + " is yyyy-MM-dd");
        }
    }
}
