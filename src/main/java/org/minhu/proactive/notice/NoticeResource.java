package org.minhu.proactive.notice;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.minhu.common.ProblemException;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * The staff API over notices: compose (the recipients are fixed then), preview both renderings,
 * send, pause, resume, cancel, and follow progress and delivery. Refusals are problem+json.
 */
@Path("/api/notices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "notices", description = "Notices to many residents (campaigns)")
@RolesAllowed({"supervisor", "admin"})
public class NoticeResource {

    public record NoticeView(long id, String title, String text, String state, String topic, String area,
                             String aboutCase, Long hotspot, String audience, String createdBy, Instant createdAt,
                             Instant startedAt, Instant finishedAt, Notices.Progress progress) {
    }

    /** A card to preview before it is saved. */
    public record Compose(String title, String text, NoticeCard.Image image, List<NoticeCard.NoticeChip> chips) {
    }

    private final Notices notices;
    private final SecurityIdentity identity;

    public NoticeResource(Notices notices, SecurityIdentity identity) {
        this.notices = notices;
        this.identity = identity;
    }

    private NoticeView view(Notice n) {
        return new NoticeView(n.getId(), n.getTitle(), n.getBody(), n.getState().name(), n.getTopic(), n.getArea(),
                n.getAboutCase(), n.getHotspotId(), n.getAudience(), n.getCreatedBy(), n.getCreatedAt(),
                n.getStartedAt(), n.getFinishedAt(), notices.progress(n.getId()));
    }

    @GET
    @Operation(summary = "The latest notices with their progress")
    public List<NoticeView> list(@QueryParam("limit") @DefaultValue("50") int limit) {
        return notices.recent(limit).stream().map(this::view).toList();
    }

    @POST
    @Operation(summary = "Compose a notice (DRAFT) for an audience: cases, case, subscribers or list")
    public Response create(Notices.Draft draft) {
        Notice created = notices.create(draft, identity.getPrincipal().getName());
        return Response.created(URI.create("/api/notices/" + created.getId())).entity(view(created)).build();
    }

    @POST
    @Path("preview")
    @Operation(summary = "Both renderings of a card not saved yet: the 5G card JSON and the SMS text")
    public Notices.Preview previewDraft(Compose card, @QueryParam("language") @DefaultValue("zh-CN") String language,
                                        @QueryParam("ownCase") boolean ownCase) {
        if (card == null) {
            throw ProblemException.badRequest("title", "a card needs a title and a text");
        }
        return notices.preview(new NoticeCard(card.title(), card.text(), card.image(), card.chips()), language, ownCase);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A notice with its progress and delivery figures")
    public NoticeView get(@PathParam("id") long id) {
        return view(notices.find(id));
    }

    @GET
    @Path("{id}/preview")
    @Operation(summary = "Both renderings of a notice as a recipient gets it")
    public Notices.Preview preview(@PathParam("id") long id, @QueryParam("language") @DefaultValue("zh-CN") String language,
                                   @QueryParam("ownCase") boolean ownCase) {
        return notices.preview(id, language, ownCase);
    }

    @POST
    @Path("{id}/send")
    public NoticeView send(@PathParam("id") long id) {
        return view(notices.send(id));
    }

    @POST
    @Path("{id}/pause")
    public NoticeView pause(@PathParam("id") long id) {
        return view(notices.pause(id));
    }

    @POST
    @Path("{id}/resume")
    public NoticeView resume(@PathParam("id") long id) {
        return view(notices.resume(id));
    }

    @POST
    @Path("{id}/cancel")
    public NoticeView cancel(@PathParam("id") long id) {
        return view(notices.cancel(id));
    }
}
