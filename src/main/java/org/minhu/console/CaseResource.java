package org.minhu.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.minhu.carrier.inbound.InboundMessage;
import org.minhu.cases.CaseAction;
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

    private static final Map<String, String> DONE = Map.ofEntries(
            Map.entry("reply", "回复已发送，正在送达居民手机"), Map.entry("note", "备注已记录"),
            Map.entry("dispatch", "已派单"), Map.entry("accept", "已签收，您是这件诉求的首办责任人"),
            Map.entry("start", "已开始办理"), Map.entry("resolve", "已办结，已请居民评价"),
            Map.entry("return", "已退单"), Map.entry("transfer", "已转办"), Map.entry("reopen", "已重新办理"),
            Map.entry("extend", "延期申请已提交"), Map.entry("approve-extension", "已批准延期"),
            Map.entry("reject-extension", "已驳回延期"), Map.entry("pause", "已暂停计时"),
            Map.entry("resume", "已恢复计时"), Map.entry("archive", "已归档"),
            Map.entry("opinion", "办理意见已提交"),
            Map.entry("take", "您已是这件诉求的承办人"), Map.entry("assign", "已分派承办人"),
            Map.entry("pass", "已转交同事"), Map.entry("tag", "已加上标签"), Map.entry("untag", "已去掉标签"),
            // the casework forms (CaseworkResource)
            Map.entry("classify", "诉求类型和办理类别已更新，办结时限随之调整"),
            Map.entry("decline", "已不予受理，已告知居民原因和办理途径"), Map.entry("call-back", "回访结果已记录"),
            Map.entry("review", "复查结果已记录"), Map.entry("intake", "已代为登记，已按派单规则派单"));

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
        return render(find(number), done == null ? null : DONE.get(done), null);
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
        return media.serve(find(number, CaseAction.READ_MEDIA).getResolutionPhoto());
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

    @POST
    @Path("/note")
    public Response note(@PathParam("number") String number, @RestForm String text) {
        return perform(number, "note", CaseAction.NOTE, CaseLifecycle.Details.text(text));
    }

    @POST
    @Path("/dispatch")
    public Response dispatch(@PathParam("number") String number, @RestForm String unit, @RestForm String assisting,
                             @RestForm String note) {
        // as typed: the case splits and trims it (ServiceCase.routeTo)
        List<String> assistingUnits = assisting == null ? List.of() : List.of(assisting);
        return perform(number, "dispatch", CaseAction.DISPATCH, CaseLifecycle.Details.unit(unit, assistingUnits, note));
    }

    @POST
    @Path("/accept")
    public Response accept(@PathParam("number") String number) {
        return perform(number, "accept", CaseAction.ACCEPT, CaseLifecycle.Details.none());
    }

    /** 我来办: the viewer becomes the assignee of an unassigned case of their unit. */
    @POST
    @Path("/take")
    public Response take(@PathParam("number") String number) {
        return perform(number, "take", CaseAction.TAKE, CaseLifecycle.Details.none());
    }

    /** 分派: the unit's head or a supervisor names a colleague of the unit as the assignee. */
    @POST
    @Path("/assign")
    public Response assign(@PathParam("number") String number, @RestForm String assignee, @RestForm String note) {
        return perform(number, "assign", CaseAction.ASSIGN, CaseLifecycle.Details.assignee(assignee, note));
    }

    /** 转交: the assignee hands the case to a colleague of the unit. */
    @POST
    @Path("/pass")
    public Response pass(@PathParam("number") String number, @RestForm String assignee, @RestForm String note) {
        return perform(number, "pass", CaseAction.PASS, CaseLifecycle.Details.assignee(assignee, note));
    }

    /** Puts a label (标签) on the case. */
    @POST
    @Path("/tag")
    public Response tag(@PathParam("number") String number, @RestForm Long tag) {
        return perform(number, "tag", CaseAction.TAG, CaseLifecycle.Details.tag(tag));
    }

    @POST
    @Path("/untag")
    public Response untag(@PathParam("number") String number, @RestForm Long tag) {
        return perform(number, "untag", CaseAction.UNTAG, CaseLifecycle.Details.tag(tag));
    }

    @POST
    @Path("/start")
    public Response start(@PathParam("number") String number) {
        return perform(number, "start", CaseAction.START, CaseLifecycle.Details.none());
    }

    @POST
    @Path("/resolve")
    public Response resolve(@PathParam("number") String number, @RestForm String whatWasDone,
                            @RestForm String publicReply, @RestForm("photo") FileUpload photo) {
        return act(number, "resolve", () -> {
            // the photo is kept only once the table lets this person resolve this case
            lifecycle.read(viewer.staff(), CaseAction.RESOLVE, number);
            String photoPath = photo == null || photo.size() == 0 ? null : media.keepStaffPhoto(photo);
            return lifecycle.perform(viewer.staff(), CaseAction.RESOLVE, number,
                    CaseLifecycle.Details.resolution(whatWasDone, publicReply, photoPath));
        });
    }

    /** 办理意见 of a 疑难件, owed within 3 days of acceptance. */
    @POST
    @Path("/opinion")
    public Response opinion(@PathParam("number") String number, @RestForm String text) {
        return perform(number, "opinion", CaseAction.OPINION, CaseLifecycle.Details.text(text));
    }

    @POST
    @Path("/return")
    public Response returnToDispatch(@PathParam("number") String number, @RestForm String reason) {
        return perform(number, "return", CaseAction.RETURN, CaseLifecycle.Details.text(reason));
    }

    @POST
    @Path("/transfer")
    public Response transfer(@PathParam("number") String number, @RestForm String unit, @RestForm String reason) {
        return perform(number, "transfer", CaseAction.TRANSFER, CaseLifecycle.Details.unit(unit, List.of(), reason));
    }

    /** 重复件: this case is the same matter as {@code parent}; its resident follows the parent from now on. */
    @POST
    @Path("/link")
    public Response link(@PathParam("number") String number, @RestForm String parent) {
        return perform(number, "link", CaseAction.LINK, CaseLifecycle.Details.parent(parent));
    }

    @POST
    @Path("/reopen")
    public Response reopen(@PathParam("number") String number, @RestForm String reason) {
        return perform(number, "reopen", CaseAction.REOPEN, CaseLifecycle.Details.text(reason));
    }

    @POST
    @Path("/extend")
    public Response extend(@PathParam("number") String number, @RestForm String until, @RestForm String reason) {
        return act(number, "extend", () -> lifecycle.perform(viewer.staff(), CaseAction.REQUEST_EXTENSION, number,
                CaseLifecycle.Details.extension(parseLocal(until), reason)));
    }

    @POST
    @Path("/approve-extension")
    public Response approveExtension(@PathParam("number") String number) {
        return perform(number, "approve-extension", CaseAction.APPROVE_EXTENSION, CaseLifecycle.Details.none());
    }

    @POST
    @Path("/reject-extension")
    public Response rejectExtension(@PathParam("number") String number, @RestForm String reason) {
        return perform(number, "reject-extension", CaseAction.REJECT_EXTENSION, CaseLifecycle.Details.text(reason));
    }

    @POST
    @Path("/pause")
    public Response pause(@PathParam("number") String number, @RestForm String reason) {
        return perform(number, "pause", CaseAction.PAUSE, CaseLifecycle.Details.text(reason));
    }

    @POST
    @Path("/resume")
    public Response resume(@PathParam("number") String number) {
        return perform(number, "resume", CaseAction.RESUME, CaseLifecycle.Details.none());
    }

    @POST
    @Path("/archive")
    public Response archive(@PathParam("number") String number, @RestForm String note) {
        return perform(number, "archive", CaseAction.ARCHIVE, CaseLifecycle.Details.text(note));
    }

    private Response perform(String number, String done, CaseAction action, CaseLifecycle.Details details) {
        return act(number, done, () -> lifecycle.perform(viewer.staff(), action, number, details));
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
