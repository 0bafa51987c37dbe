package org.minhu.cases.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.minhu.cases.CaseEvent;
import org.minhu.cases.CaseFigures;
import org.minhu.cases.CaseLifecycle;
import org.minhu.cases.CaseService;
import org.minhu.cases.ServiceCase;
import org.minhu.cases.ServiceCaseRepository;
import org.minhu.common.ProblemException;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The staff API over a case's lifecycle (the console's pages call the same service). Illegal
 * changes answer 409, a case owned by someone else 403, all as problem+json.
 */
@Path("/api/cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "cases", description = "Staff actions on cases")
@RolesAllowed({"operator", "handler", "supervisor", "admin"})
public class CaseStaffResource {

    public record CaseView(String number, String state, String category, String unit, String grid, String priority,
                           String owner, Instant createdAt, Instant dueAt, Instant acceptDueAt, boolean flagged,
                           int escalationLevel, boolean paused, Instant requestedDue, String rating, String linkedTo) {
        static CaseView of(ServiceCase c) {
            return new CaseView(c.getNumber(), c.getState().name(), c.getCategory(), c.getUnit(), c.getGrid(),
                    c.getPriority().name(), c.getOwner(), c.getCreatedAt(), c.getDueAt(), c.getAcceptDueAt(),
                    c.isFlagged(), c.getEscalationLevel(), c.getPausedAt() != null, c.getRequestedDue(),
                    c.getRating() == null ? null : c.getRating().name(), c.getLinkedTo());
        }
    }

    public record EventView(Instant at, String actor, String kind, String from, String to, String note) {
        static EventView of(CaseEvent e) {
            return new EventView(e.getAt(), e.getActor(), e.getKind().name(),
                    e.getFromState() == null ? null : e.getFromState().name(),
                    e.getToState() == null ? null : e.getToState().name(), e.getNote());
        }
    }

    public record Dispatch(String unit, List<String> assistingUnits, String note) {
    }

    public record Reason(String reason) {
    }

    public record Resolution(String whatWasDone, String photoPath) {
    }

    public record Transfer(String unit, String reason) {
    }

    public record Extension(Instant until, String reason) {
    }

    public record Link(String parent) {
    }

    private final CaseLifecycle lifecycle;
    private final CaseService cases;
    private final ServiceCaseRepository repository;
    private final CaseFigures figures;
    private final SecurityIdentity identity;
    private final Clock clock;

    public CaseStaffResource(CaseLifecycle lifecycle, CaseService cases, ServiceCaseRepository repository,
                             CaseFigures figures, SecurityIdentity identity, Clock clock) {
        this.lifecycle = lifecycle;
        this.cases = cases;
        this.repository = repository;
        this.figures = figures;
        this.identity = identity;
        this.clock = clock;
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }

    /** A department handler works only on their own unit's cases (the unit is an attribute of the identity). */
    private String mine(String number) {
        if (identity.hasRole("handler") && !identity.hasRole("supervisor") && !identity.hasRole("admin")) {
            ServiceCase c = repository.findByNumber(number).orElseThrow(() -> ProblemException.notFound("no case " + number));
            Object unit = identity.getAttribute("unit");
            if (unit == null || !unit.equals(c.getUnit())) {
                throw new ProblemException(org.minhu.common.Problem.of(403, "other-unit", "Not your unit's case",
                        "case " + number + " belongs to " + c.getUnit()));
            }
        }
        return number;
    }

    @GET
    @Path("{number}")
    public CaseView get(@PathParam("number") String number) {
        return CaseView.of(repository.findByNumber(number).orElseThrow(() -> ProblemException.notFound("no case " + number)));
    }

    @GET
    @Path("{number}/history")
    public List<EventView> history(@PathParam("number") String number) {
        ServiceCase c = repository.findByNumber(number).orElseThrow(() -> ProblemException.notFound("no case " + number));
        return cases.history(c).stream().map(EventView::of).toList();
    }

    @GET
    @Path("overdue")
    @Operation(summary = "Open cases past their deadline, most overdue first")
    public List<CaseView> overdue() {
        return repository.overdue(clock.instant(), 200).stream().map(CaseView::of).toList();
    }

    @GET
    @Path("escalated")
    public List<CaseView> escalated() {
        return repository.escalated(200).stream().map(CaseView::of).toList();
    }

    @GET
    @Path("figures")
    @RolesAllowed({"supervisor", "admin"})
    @Operation(summary = "Response, resolution and satisfaction rates and average handling time for a period")
    public List<CaseFigures.Figures> figures(@QueryParam("from") Instant from, @QueryParam("to") Instant to,
                                             @QueryParam("by") CaseFigures.By by) {
        Instant end = to == null ? clock.instant() : to;
        Instant start = from == null ? end.minus(java.time.Duration.ofDays(30)) : from;
        return figures.compute(start, end, by == null ? CaseFigures.By.ALL : by);
    }

    @POST
    @Path("{number}/dispatch")
    public CaseView dispatch(@PathParam("number") String number, Dispatch body) {
        return CaseView.of(lifecycle.dispatch(mine(number), actor(), body.unit(), body.assistingUnits(), body.note()));
    }

    @POST
    @Path("{number}/accept")
    public CaseView accept(@PathParam("number") String number) {
        return CaseView.of(lifecycle.accept(mine(number), actor()));
    }

    @POST
    @Path("{number}/start")
    public CaseView start(@PathParam("number") String number) {
        return CaseView.of(lifecycle.start(mine(number), actor()));
    }

    @POST
    @Path("{number}/resolve")
    public CaseView resolve(@PathParam("number") String number, Resolution body) {
        return CaseView.of(lifecycle.resolve(mine(number), actor(), body.whatWasDone(), body.photoPath()));
    }

    @POST
    @Path("{number}/return")
    public CaseView returnToDispatch(@PathParam("number") String number, Reason body) {
        return CaseView.of(lifecycle.returnToDispatch(mine(number), actor(), body.reason()));
    }

    @POST
    @Path("{number}/transfer")
    public CaseView transfer(@PathParam("number") String number, Transfer body) {
        return CaseView.of(lifecycle.transfer(mine(number), actor(), body.unit(), body.reason()));
    }

    @POST
    @Path("{number}/reopen")
    public CaseView reopen(@PathParam("number") String number, Reason body) {
        return CaseView.of(lifecycle.reopen(mine(number), actor(), body.reason()));
    }

    @POST
    @Path("{number}/archive")
    public CaseView archive(@PathParam("number") String number) {
        return CaseView.of(lifecycle.archive(mine(number), actor(), null));
    }

    @POST
    @Path("{number}/pause")
    public CaseView pause(@PathParam("number") String number, Reason body) {
        return CaseView.of(lifecycle.pause(mine(number), actor(), body.reason()));
    }

    @POST
    @Path("{number}/resume")
    public CaseView resume(@PathParam("number") String number) {
        return CaseView.of(lifecycle.resume(mine(number), actor()));
    }

    @POST
    @Path("{number}/extension")
    public CaseView requestExtension(@PathParam("number") String number, Extension body) {
        return CaseView.of(lifecycle.requestExtension(mine(number), actor(), body.until(), body.reason()));
    }

    @POST
    @Path("{number}/extension/approve")
    @RolesAllowed({"supervisor", "admin"})
    public CaseView approveExtension(@PathParam("number") String number) {
        return CaseView.of(lifecycle.approveExtension(mine(number), actor()));
    }

    @POST
    @Path("{number}/link")
    public CaseView link(@PathParam("number") String number, Link body) {
        return CaseView.of(lifecycle.link(mine(number), body.parent(), actor()));
    }
}
