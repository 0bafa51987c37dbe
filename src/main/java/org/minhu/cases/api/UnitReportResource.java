package org.minhu.cases.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.minhu.cases.UnitReports;
import org.minhu.common.Days;

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

    public UnitReportResource(UnitReports reports) {
        this.reports = reports;
    }

    @GET
    @Path("overdue")
    @Operation(summary = "超期通报 of a day (yyyy-MM-dd; yesterday by default): per unit, count, longest overdue, the most overdue cases")
    public UnitReports.OverdueReport overdue(@QueryParam("date") String date) {
        return reports.overdue(reports.overdueDay(Days.parse("date", date)));
    }

    @GET
    @Path("ranking")
    @Operation(summary = "单位排名 of the week (Monday to Sunday) holding a day (yyyy-MM-dd; last week by default)")
    public UnitReports.Ranking ranking(@QueryParam("week") String week) {
        return reports.ranking(reports.rankingWeek(Days.parse("week", week)));
    }
}
