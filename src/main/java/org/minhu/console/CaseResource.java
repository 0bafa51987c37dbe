package org.minhu.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;
import org.minhu.carrier.inbound.InboundMessage;
import org.minhu.cases.CaseAction;
import org.minhu.cases.CaseActionForm;
import org.minhu.cases.CaseEvent;
import org.minhu.cases.CasePermissions;
import org.minhu.cases.Staff;
import org.minhu.cases.CaseLifecycle;
import org.minhu.cases.CaseService;
import org.minhu.cases.CaseTag;
import org.minhu.cases.CaseTags;
import org.minhu.cases.ServiceCase;
import org.minhu.cases.ServiceCaseRepository;
import org.minhu.common.ProblemException;
import org.minhu.security.CsrfProtected;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One case: the resident (masked), the place, the photos, the whole conversation and the
 * history, with the actions the viewer's role allows. Every action goes through the lead's
 * {@link CaseLifecycle}; a refusal (wrong state, not the owner) comes back on the page with its
 * status, and nothing changes.
 */
@Path("/console/cases/{number}")
@CsrfProtected
@Produces(MediaType.TEXT_HTML)
public class CaseResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(ServiceCase c, List<Conversation.Entry> conversation, List<CaseEvent> history,
                                            CaseActions actions, List<CannedReply> canned, List<String> units,
                                            List<CaseTag> tags, List<CaseTag> allTags, String flash, String error);

        static native TemplateInstance page$conversation(ServiceCase c, List<Conversation.Entry> conversation);

        static native TemplateInstance page$additions(ServiceCase c);
    }

    /** What the page says after the steps that have no {@link CaseAction#form} (theirs says it itself). */
    private static final Map<String, String> DONE = Map.ofEntries(
            Map.entry("reply", "回复已发送，正在送达居民手机"), Map.entry("intake", "已代为登记，已按派单规则派单"));

    private final ServiceCaseRepository cases;
    private final CaseService caseService;
    private final CaseLifecycle lifecycle;
    private final Conversation conversation;
    private final Replies replies;
    private final MediaFiles media;
    private final Labels labels;
    private final Viewer viewer;
    private final EntityManager em;
    private final CaseTags tags;

    public CaseResource(ServiceCaseRepository cases, CaseService caseService, CaseLifecycle lifecycle,
                        Conversation conversation, Replies replies, MediaFiles media, Labels labels, Viewer viewer,
                        EntityManager em, CaseTags tags) {
        this.tags = tags;
        this.cases = cases;
        this.caseService = caseService;
        this.lifecycle = lifecycle;
        this.conversation = conversation;
        this.replies = replies;
        this.media = media;
        this.labels = labels;
        this.viewer = viewer;
        this.em = em;
    }

    @GET
    public TemplateInstance page(@PathParam("number") String number, @RestQuery String done) {
        return render(find(number), done == null ? null : flash(done), null);
    }

    @GET
    @Path("/conversation")
    public TemplateInstance conversationPart(@PathParam("number") String number) {
        ServiceCase c = find(number, CaseAction.READ_CONVERSATION);
        return Templates.page$conversation(c, conversation.of(c));
    }

    @GET
    @Path("/photo")
    @Produces(MediaType.WILDCARD)
    public Response photo(@PathParam("number") String number) {
        return media.serve(find(number, CaseAction.READ_MEDIA).getPhotoPath());
    }

    @GET
    @Path("/resolution-photo")
    @Produces(MediaType.WILDCARD)
    public Response resolutionPhoto(@PathParam("number") String number) {
        return media.serve(find(number, CaseAction.READ_MEDIA).getResolution().getPhoto());
    }

    /** What the resident added to the case, fetched again when their conversation moves (they add through it). */
    @GET
    @Path("/additions")
    public TemplateInstance additionsPart(@PathParam("number") String number) {
        return Templates.page$additions(find(number));
    }

    /** A photo or file the resident added to this case from its progress card (补充材料). */
    @GET
    @Path("/additions/{id}")
    @Produces(MediaType.WILDCARD)
    public Response addition(@PathParam("number") String number, @PathParam("id") long id) {
        ServiceCase c = find(number, CaseAction.READ_MEDIA);
        return media.serve(caseService.addition(c, id)
                .orElseThrow(() -> ProblemException.notFound("这件诉求没有这份补充材料")).getMediaPath());
    }

    /** A file the resident sent in the conversation of this case. */
    @GET
    @Path("/files/{id}")
    @Produces(MediaType.WILDCARD)
    public Response file(@PathParam("number") String number, @PathParam("id") long id) {
        ServiceCase c = find(number, CaseAction.READ_MEDIA);
        InboundMessage m = em.find(InboundMessage.class, id);
        if (m == null || c.getPhone() == null || !c.getPhone().equals(m.getPhone())
                || conversation.of(c).stream().noneMatch(e -> Long.valueOf(id).equals(e.fileId()))) {
            throw ProblemException.notFound("no such file in this conversation");
        }
        return media.serve(m.getMediaPath());
    }

    @POST
    @Path("/reply")
    public Response reply(@PathParam("number") String number, @RestForm String text, @RestForm String title,
                          @RestForm String chips) {
        return act(number, "reply", () -> {
            ServiceCase c = lifecycle.read(viewer.staff(), CaseAction.REPLY, number);
            String summary = (title == null || title.isBlank() ? "" : title.strip() + "：") + (text == null ? "" : text.strip());
            replies.send(c.getPhone(), c.getId(), viewer.getUsername(), Replies.compose(text, title, chips),
                    () -> lifecycle.replied(number, viewer.getUsername(), summary));
            return c;
        });
    }

    /**
     * Every action with a form ({@link CaseAction#form}) but 办结 and 复查, which carry a photo: the fields its
     * form describes, as posted; 404 for a slug that names none.
     */
    @POST
    @Path("/{action}")
    public Response perform(@PathParam("number") String number, @PathParam("action") String slug,
                            @Context ServerRequestContext request) {
        CaseAction action = CaseAction.bySlug(slug).orElseThrow(() -> ProblemException.notFound("no action " + slug));
        return act(number, slug, () -> lifecycle.perform(viewer.staff(), action, number, details(action, request, null)));
    }

    @POST
    @Path("/resolve")
    public Response resolve(@PathParam("number") String number, @RestForm("photo") FileUpload photo,
                            @Context ServerRequestContext request) {
        return withPhoto(number, CaseAction.RESOLVE, photo, request);
    }

    @POST
    @Path("/review")
    public Response review(@PathParam("number") String number, @RestForm("photo") FileUpload photo,
                           @Context ServerRequestContext request) {
        return withPhoto(number, CaseAction.REVIEW, photo, request);
    }

    /** 办结 and 复查, whose forms carry a photo: kept only once the table lets this person take the step on this case. */
    private Response withPhoto(String number, CaseAction action, FileUpload photo, ServerRequestContext request) {
        String slug = action.form().orElseThrow().slug();
        return act(number, slug, () -> {
            lifecycle.read(viewer.staff(), action, number);
            String photoPath = photo == null || photo.size() == 0 ? null : media.keepStaffPhoto(photo);
            return lifecycle.perform(viewer.staff(), action, number, details(action, request, photoPath));
        });
    }

    /** The details of the action from the posted form (URL-encoded or multipart alike), with the photo kept, if any. */
    private CaseLifecycle.Details details(CaseAction action, ServerRequestContext request, String photoPath) {
        ResteasyReactiveRequestContext posted = (ResteasyReactiveRequestContext) request;
        return action.form().orElseThrow().details(f -> f.into() == CaseActionForm.Into.PHOTO_PATH ? photoPath
                : value(f, posted.getFormParameter(f.name(), true, false)));
    }

    /** A posted field as its {@link CaseActionForm.Into} wants it. */
    private Object value(CaseActionForm.Field field, Object posted) {
        String text = posted == null ? null : posted.toString();
        return switch (field.into()) {
            // as typed: the case splits and trims it (ServiceCase.routeTo)
            case ASSISTING_UNITS -> text == null ? List.of() : List.of(text);
            case UNTIL -> parseLocal(text);
            case TAG -> {
                try {
                    yield text == null || text.isBlank() ? null : Long.valueOf(text.strip());
                } catch (NumberFormatException e) {
                    throw ProblemException.badRequest(field.name(), "请从列表中选择标签");
                }
            }
            default -> text;
        };
    }

    /**
     * Runs an action and sends the browser back to the case page (303), or shows the page again
     * with the refusal and its status (400, 403, 409) when the action is not allowed.
     */
    Response act(String number, String action, Supplier<ServiceCase> change) {
        find(number);
        try {
            change.get();
        } catch (ProblemException refused) {
            ServiceCase fresh = find(number);
            return Response.status(refused.problem().status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(render(fresh, null, refused.problem().detail())).build();
        }
        return Response.seeOther(URI.create("/console/cases/" + URLEncoder.encode(number, StandardCharsets.UTF_8)
                + "?done=" + action)).build();
    }

    private static String flash(String done) {
        return CaseAction.bySlug(done).flatMap(CaseAction::form).map(CaseActionForm::done).orElse(DONE.get(done));
    }

    private TemplateInstance render(ServiceCase c, String flash, String error) {
        List<String> units = labels.getUnits();
        Staff who = viewer.staff();
        return Templates.page(c,
                CasePermissions.permits(CaseAction.READ_CONVERSATION, who, c) ? conversation.of(c) : List.of(),
                CasePermissions.permits(CaseAction.READ_HISTORY, who, c) ? caseService.history(c) : List.of(),
                CaseActions.of(c, viewer),
                replies.canned(), units, tags.on(c), tags.all(), flash, error);
    }

    private java.time.Instant parseLocal(String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest("until", "请填写延期到的时间");
        }
        try {
            return LocalDateTime.parse(value.strip()).atZone(labels.zone()).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("until", "时间格式应为 2025-01-31T18:00");
        }
    }

    /** The case, if the viewer may see it: 404 when there is none, 403 when it is another unit's. */
    private ServiceCase find(String number) {
        return find(number, CaseAction.READ_CASE);
    }

    private ServiceCase find(String number, CaseAction read) {
        ServiceCase c = cases.findByNumber(number).orElseThrow(() -> ProblemException.notFound("no case " + number));
        viewer.requireMay(read, c);
        return c;
    }
}
