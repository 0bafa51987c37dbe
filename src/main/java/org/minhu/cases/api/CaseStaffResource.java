package org.minhu.cases.api;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.minhu.cases.CaseAction;
import org.minhu.cases.CaseActionForm;
import org.minhu.cases.CaseEvent;
import org.minhu.cases.CasePermissions;
import org.minhu.cases.CaseFigures;
import org.minhu.cases.CaseLifecycle;
import org.minhu.cases.CallBackResult;
import org.minhu.cases.CaseService;
import org.minhu.cases.CaseTag;
import org.minhu.cases.CaseTags;
import org.minhu.cases.DispatchRules;
import org.minhu.cases.HandlingClass;
import org.minhu.cases.RequestType;
import org.minhu.cases.ServiceCase;
import org.minhu.cases.ServiceCaseRepository;
import org.minhu.cases.Staff;
import org.minhu.common.ProblemException;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * The staff API over a case's lifecycle: every change through {@link CaseLifecycle#perform} and every
 * read through {@link CaseLifecycle#read}, so the same table ({@link CasePermissions}) decides here as in
 * the console. Not permitted: 403; illegal in the case's state: 409; all as problem+json. A case comes
 * with the names of its labels (标签); the lists take {@code label} to list only the cases that carry it.
 */
@Path("/api/cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "cases", description = "Staff actions on cases")
@RolesAllowed({"operator", "handler", "supervisor", "admin"})
public class CaseStaffResource {

    public record CaseView(String number, String state, String category, String unit, String grid, String priority,
                           String owner, Instant createdAt, Instant dueAt, Instant acceptDueAt, boolean flagged,
                           int escalationLevel, boolean paused, Instant requestedDue, String rating, String linkedTo,
                           String requestType, String handlingClass, String declineReason, String callBackResult,
                           boolean reviewNeeded, List<String> labels) {
        static CaseView of(ServiceCase c, List<String> labels) {
            return new CaseView(c.getNumber(), c.getState().name(), c.getCategory(), c.getUnit(), c.getUnits().getGrid(),
                    c.getPriority().name(), c.getOwner(), c.getCreatedAt(), c.getDueAt(), c.getSchedule().getAcceptDueAt(),
                    c.isFlagged(), c.getSchedule().getEscalationLevel(), c.getSchedule().getPausedAt() != null, c.getSchedule().getRequestedDue(),
                    c.getFollowUp().getRating() == null ? null : c.getFollowUp().getRating().name(), c.getLinkedTo(),
                    c.getRequestType().name(), c.getHandlingClass().name(), c.getDeclineReason(),
                    c.getFollowUp().getCallBackResult() == null ? null : c.getFollowUp().getCallBackResult().name(), c.isReviewNeeded(), labels);
        }
    }

    public record EventView(Instant at, String actor, String kind, String from, String to, String note) {
        static EventView of(CaseEvent e, Staff who) {
            return new EventView(e.getAt(), CasePermissions.actor(who.role(), e.getActor()), e.getKind().name(),
                    e.getFromState() == null ? null : e.getFromState().name(),
                    e.getToState() == null ? null : e.getToState().name(), e.getNote());
        }
    }

    public record DeclineReasonView(String code, String label, String elsewhere) {
    }

    private final CaseLifecycle lifecycle;
    private final CaseService cases;
    private final ServiceCaseRepository repository;
    private final CaseFigures figures;
    private final SecurityIdentity identity;
    private final Clock clock;
    private final DispatchRules rules;
    private final CaseTags tags;

    public CaseStaffResource(CaseLifecycle lifecycle, CaseService cases, ServiceCaseRepository repository,
                             CaseFigures figures, SecurityIdentity identity, Clock clock, DispatchRules rules, CaseTags tags) {
        this.rules = rules;
        this.tags = tags;
        this.lifecycle = lifecycle;
        this.cases = cases;
        this.repository = repository;
        this.figures = figures;
        this.identity = identity;
        this.clock = clock;
    }

    /** The case as the API shows it, with its labels' names. */
    private CaseView view(ServiceCase c) {
        return CaseView.of(c, tags.on(c).stream().map(CaseTag::getName).toList());
    }

    /** The cases this person may read, with their labels (one query for the list). */
    private List<CaseView> views(List<ServiceCase> list, Staff who) {
        List<ServiceCase> readable = list.stream().filter(c -> CasePermissions.permits(CaseAction.READ_CASE, who, c)).toList();
        Map<Long, List<CaseTag>> labels = tags.on(readable.stream().map(ServiceCase::getId).toList());
        return readable.stream().map(c -> CaseView.of(c, labels.getOrDefault(c.getId(), List.of()).stream()
                .map(CaseTag::getName).toList())).toList();
    }

    /** The label a list is asked for by name: its id, null for none; 400 for a name no label has. */
    private Long label(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return tags.named(name).map(CaseTag::getId)
                .orElseThrow(() -> ProblemException.badRequest("label", "没有名为「" + name.strip() + "」的标签"));
    }

    private Staff staff() {
        return Staff.of(identity).orElseThrow(() -> new jakarta.ws.rs.ForbiddenException("no staff role"));
    }

    @GET
    @Path("{number}")
    public CaseView get(@PathParam("number") String number) {
        return view(lifecycle.read(staff(), CaseAction.READ_CASE, number));
    }

    /** The history, with residents' numbers as this role sees them ({@link CasePermissions#actor}). */
    @GET
    @Path("{number}/history")
    public List<EventView> history(@PathParam("number") String number) {
        Staff who = staff();
        ServiceCase c = lifecycle.read(who, CaseAction.READ_HISTORY, number);
        return cases.history(c).stream().map(e -> EventView.of(e, who)).toList();
    }

    @GET
    @Path("overdue")
    @Operation(summary = "Open cases past their deadline, most overdue first; label: only those carrying the label of that name")
    public List<CaseView> overdue(@QueryParam("label") String label) {
        return views(repository.overdue(clock.instant(), 200, label(label)), staff());
    }

    @GET
    @Path("escalated")
    @Operation(summary = "Open escalated cases, most escalated first; label: only those carrying the label of that name")
    public List<CaseView> escalated(@QueryParam("label") String label) {
        return views(repository.escalated(200, label(label)), staff());
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

    /**
     * Every action with a form ({@link CaseAction#form}), at the form's API path: its fields read from the
     * JSON body by their JSON names (a photo as the path of one staff uploaded through the console, which keeps
     * the file itself; never a resident's). A body is needed when a field is; 404 for a path that names no action.
     */
    @POST
    @Path("{number}/{action: .+}")
    @Operation(summary = "A staff action on the case (dispatch, accept, resolve, notes, extension/approve, tag, classify, decline, call-back, review …)")
    public CaseView perform(@PathParam("number") String number, @PathParam("action") String path, JsonNode body) {
        CaseAction action = CaseAction.byApiPath(path).orElseThrow(() -> ProblemException.notFound("no action " + path));
        CaseActionForm form = action.form().orElseThrow();
        if ((body == null || body.isNull()) && form.needsBody()) {
            throw ProblemException.badRequest("body", "a JSON body is required");
        }
        return view(lifecycle.perform(staff(), action, number,
                form.details(f -> body == null ? null : value(f, body.get(f.json())))));
    }

    /** A JSON field as its {@link CaseActionForm.Into} wants it. */
    private static Object value(CaseActionForm.Field field, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return switch (field.into()) {
                case ASSISTING_UNITS -> node.isArray()
                        ? StreamSupport.stream(node.spliterator(), false).map(JsonNode::asText).toList()
                        : List.of(node.asText());
                case UNTIL -> Instant.parse(node.asText());
                case TAG -> node.isNumber() ? node.longValue() : Long.valueOf(node.asText().strip());
                // a photo staff uploaded through the console, never a resident's file or any other path
                case PHOTO_PATH -> {
                    if (!org.minhu.common.StaffPhotos.isStaffPhoto(node.asText().strip())) {
                        throw ProblemException.badRequest(field.json(), "照片须为工作人员在控制台上传的照片");
                    }
                    yield node.asText().strip();
                }
                default -> node.asText();
            };
        } catch (DateTimeParseException | NumberFormatException e) {
            throw ProblemException.badRequest(field.json(), field.json() + " is not valid: " + node);
        }
    }

    @GET
    @Path("decline-reasons")
    @Operation(summary = "The reasons a request may be declined (不予受理), from the dispatch rules")
    public List<DeclineReasonView> declineReasons() {
        return rules.declineReasons().stream()
                .map(r -> new DeclineReasonView(r.code(), r.label().zh(), r.elsewhere().zh())).toList();
    }

    @GET
    @Path("call-backs")
    @Operation(summary = "Resolved cases whose resident has not rated within the call-back delay: the operators' call-back list; label: only those carrying the label of that name")
    public List<CaseView> callBacks(@QueryParam("label") String label) {
        return views(cases.callBacksDue(200, label(label)), staff());
    }
}
