package org.minhu.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestQuery;
import org.minhu.cases.DispatchRules;
import org.minhu.common.ProblemException;
import org.minhu.conversation.FlowRegistry;
import org.minhu.conversation.subscription.Topic;
import org.minhu.flow.Flow;
import org.minhu.flow.Messages;
import org.minhu.proactive.hotspot.HotspotAlert;
import org.minhu.proactive.hotspot.Hotspots;
import org.minhu.proactive.notice.Audience;
import org.minhu.proactive.notice.Notice;
import org.minhu.proactive.notice.Notices;
import org.minhu.security.CsrfProtected;
import org.minhu.security.Role;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Notices (群发通知) for supervisors: the list with each one's progress; a form to compose a card,
 * choose who gets it and see both renderings (5G card and SMS) as they type; and one notice with
 * its progress, polled every two seconds while it runs, and the actions its state allows. Every
 * change goes through {@link Notices} (or {@link Hotspots} for a hot spot's notice); a refusal comes
 * back on the page with its status.
 */
@Path("/console/notices")
@CsrfProtected
@RolesAllowed({Role.SUPERVISOR_NAME, Role.ADMIN_NAME})
@Produces(MediaType.TEXT_HTML)
public class NoticePageResource {

    static final int SHOWN = 50;
    /** Delivery reports keep coming for a while after the last recipient is queued. */
    private static final Duration REPORTS_AFTER_DONE = Duration.ofMinutes(5);
    private static final Map<String, String> DONE = Map.of("created", "草稿已保存，确认预览无误后点击“发送”",
            "send", "已开始发送", "pause", "已暂停发送", "resume", "已继续发送", "cancel", "已取消，尚未发出的不再发送");
    private static final Map<String, String> AUDIENCES = Map.of(Audience.CASES, "有诉求的居民",
            Audience.CASE, "诉求相关居民", Audience.SUBSCRIBERS, "订阅者", Audience.LIST, "手机号名单",
            NoticeForm.HOTSPOT, "热点周边居民");

    /** A notice with where it has got to, and what its state allows now. */
    public record Status(Notice notice, Notices.Progress progress, String audience, boolean live) {

        public String stateLabel() {
            return switch (notice.getState()) {
                case DRAFT -> "草稿";
                case SENDING -> "发送中";
                case PAUSED -> "已暂停";
                case DONE -> "已完成";
                case CANCELLED -> "已取消";
            };
        }

        public boolean canSend() {
            return notice.getState() == Notice.State.DRAFT;
        }

        public boolean canPause() {
            return notice.getState() == Notice.State.SENDING;
        }

        public boolean canResume() {
            return notice.getState() == Notice.State.PAUSED;
        }

        public boolean canCancel() {
            return notice.getState() == Notice.State.DRAFT || notice.getState() == Notice.State.SENDING
                    || notice.getState() == Notice.State.PAUSED;
        }

        /** Share of recipients dealt with (queued or skipped), for the bar. */
        public long percent() {
            return progress.recipients() == 0 ? 0 : (progress.queued() + progress.skipped()) * 100 / progress.recipients();
        }
    }

    public record TopicOption(String code, String name) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance notices(List<Status> notices);

        static native TemplateInstance compose(NoticeForm form, HotspotAlert hotspot, String hotspotPlace,
                                               List<DispatchRules.Area> areas, List<TopicOption> topics,
                                               List<Flow> flows, String error);

        static native TemplateInstance preview(NoticePreview preview);

        static native TemplateInstance notice(Status s, String flash, String error);

        static native TemplateInstance notice$progress(Status s);
    }

    private final Notices notices;
    private final Hotspots hotspots;
    private final DispatchRules rules;
    private final FlowRegistry flows;
    private final Labels labels;
    private final Viewer viewer;
    private final ObjectMapper json;
    private final Clock clock;

    public NoticePageResource(Notices notices, Hotspots hotspots, DispatchRules rules, FlowRegistry flows,
                              Labels labels, Viewer viewer, ObjectMapper json, Clock clock) {
        this.notices = notices;
        this.hotspots = hotspots;
        this.rules = rules;
        this.flows = flows;
        this.labels = labels;
        this.viewer = viewer;
        this.json = json;
        this.clock = clock;
    }

    @GET
    public TemplateInstance list() {
        return Templates.notices(notices.recent(SHOWN).stream().map(this::status).toList());
    }

    /** The form; from a hot spot, filled with its "已知悉，正在处理" notice for its residents. */
    @GET
    @Path("/new")
    public TemplateInstance compose(@RestQuery Long hotspot) {
        if (hotspot == null) {
            return compose(NoticeForm.blank(), null);
        }
        HotspotAlert alert = hotspots.find(hotspot);
        return compose(NoticeForm.forHotspot(alert.getId(), alert.getArea(), hotspots.defaultNotice(alert.getId())), null);
    }

    /** Both renderings of the card being typed; what is still missing shows in their place. */
    @POST
    @Path("/preview")
    public TemplateInstance previewDraft(@BeanParam NoticeForm form) {
        if (blank(form.title) && blank(form.text)) {
            // nothing typed yet is not a mistake
            return Templates.preview(NoticePreview.refused(null));
        }
        try {
            return Templates.preview(NoticePreview.of(notices.preview(form.card(), Messages.DEFAULT_LANGUAGE, form.ownCase())));
        } catch (ProblemException refused) {
            return Templates.preview(NoticePreview.refused(Refusals.message(refused)));
        }
    }

    @POST
    public Response create(@BeanParam NoticeForm form) {
        Notice created;
        try {
            Long hotspot = form.hotspotId();
            if (form.isHotspotAudience()) {
                if (hotspot == null) {
                    throw ProblemException.badRequest("audience.kind", "请从热点预警页进入热点通知");
                }
                created = hotspots.notifyResidents(hotspot, form.hotspotRequest(), viewer.getUsername());
            } else {
                created = notices.create(form.draft(labels.zone()), viewer.getUsername());
            }
        } catch (ProblemException refused) {
            return Response.status(refused.problem().status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(compose(form, Refusals.message(refused))).build();
        }
        return Response.seeOther(URI.create("/console/notices/" + created.getId() + "?done=created")).build();
    }

    @GET
    @Path("/{id}")
    public TemplateInstance notice(@PathParam("id") long id, @RestQuery String done) {
        return Templates.notice(status(notices.find(id)), done == null ? null : DONE.get(done), null);
    }

    @GET
    @Path("/{id}/progress")
    public TemplateInstance progress(@PathParam("id") long id) {
        return Templates.notice$progress(status(notices.find(id)));
    }

    /** The saved card as a recipient gets it; notices about residents' own cases go without the line on leaving. */
    @GET
    @Path("/{id}/preview")
    public TemplateInstance preview(@PathParam("id") long id) {
        Notice notice = notices.find(id);
        return Templates.preview(NoticePreview.of(notices.preview(id, Messages.DEFAULT_LANGUAGE, notice.getAboutCase() != null)));
    }

    @POST
    @Path("/{id}/send")
    public Response send(@PathParam("id") long id) {
        return act(id, "send", () -> notices.send(id));
    }

    @POST
    @Path("/{id}/pause")
    public Response pause(@PathParam("id") long id) {
        return act(id, "pause", () -> notices.pause(id));
    }

    @POST
    @Path("/{id}/resume")
    public Response resume(@PathParam("id") long id) {
        return act(id, "resume", () -> notices.resume(id));
    }

    @POST
    @Path("/{id}/cancel")
    public Response cancel(@PathParam("id") long id) {
        return act(id, "cancel", () -> notices.cancel(id));
    }

    private Response act(long id, String action, Supplier<Notice> change) {
        notices.find(id);
        try {
            change.get();
        } catch (ProblemException refused) {
            return Response.status(refused.problem().status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(Templates.notice(status(notices.find(id)), null, Refusals.message(refused))).build();
        }
        return Response.seeOther(URI.create("/console/notices/" + id + "?done=" + action)).build();
    }

    private TemplateInstance compose(NoticeForm form, String error) {
        Long hotspot = form.hotspotId();
        HotspotAlert alert = hotspot == null ? null : hotspots.find(hotspot);
        Messages messages = flows.engine().flows().messages();
        List<TopicOption> topics = Arrays.stream(Topic.values())
                .map(t -> new TopicOption(t.code(), messages.render(Messages.DEFAULT_LANGUAGE, t.messageKey(), Map.of())))
                .toList();
        List<Flow> flowList = flows.engine().flows().flows().values().stream()
                .sorted(Comparator.comparing(Flow::id)).toList();
        return Templates.compose(form, alert, alert == null ? null : hotspots.place(alert.getId()), rules.areas(), topics,
                flowList, error);
    }

    private Status status(Notice notice) {
        Notices.Progress progress = notices.progress(notice.getId());
        boolean live = switch (notice.getState()) {
            case SENDING, PAUSED -> true;
            case DONE -> progress.waiting() > 0 || notice.getFinishedAt() == null
                    || notice.getFinishedAt().plus(REPORTS_AFTER_DONE).isAfter(clock.instant());
            case DRAFT, CANCELLED -> false;
        };
        return new Status(notice, progress, describe(notice.getAudience()), live);
    }

    /** The audience as recorded ({@code {"kind":"list","count":3}}), in words. */
    private String describe(String audience) {
        Map<String, Object> recorded;
        try {
            recorded = new LinkedHashMap<>(json.readValue(audience, new TypeReference<Map<String, Object>>() {
            }));
        } catch (JsonProcessingException e) {
            return audience;
        }
        Object kind = recorded.remove("kind");
        String what = AUDIENCES.getOrDefault(String.valueOf(kind), String.valueOf(kind));
        String details = recorded.entrySet().stream()
                .map(e -> switch (e.getKey()) {
                    case "count" -> e.getValue() + " 个号码";
                    case "area" -> areaName(String.valueOf(e.getValue()));
                    case "category" -> labels.category(String.valueOf(e.getValue()));
                    case "hotspot" -> "热点 #" + e.getValue();
                    case "case" -> "诉求 " + e.getValue();
                    default -> e.getKey() + " " + e.getValue();
                })
                .collect(Collectors.joining(" · "));
        return details.isEmpty() ? what : what + "：" + details;
    }

    private String areaName(String code) {
        return rules.area(code).map(DispatchRules.Area::name).orElse(code);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
