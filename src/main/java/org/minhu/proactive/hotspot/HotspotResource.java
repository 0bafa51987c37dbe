package org.minhu.proactive.hotspot;

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.minhu.proactive.notice.Notice;

import java.time.Instant;
import java.util.List;

/** Hot-spot alerts for supervisors: list them, merge one into a parent case, tell its residents, close it. */
@Path("/api/hotspots")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "hotspots", description = "Clusters of similar new cases (未诉先办)")
@RolesAllowed({"supervisor", "admin"})
public class HotspotResource {

    public record HotspotView(long id, String category, double latitude, double longitude, String area, String state,
                              int caseCount, Instant firstCaseAt, Instant lastCaseAt, String parentCase, Long notice,
                              String handledBy, List<String> cases) {
    }

    public record NoticeCreated(long notice, String state, HotspotView hotspot) {
    }

    private final Hotspots hotspots;
    private final SecurityIdentity identity;

    public HotspotResource(Hotspots hotspots, SecurityIdentity identity) {
        this.hotspots = hotspots;
        this.identity = identity;
    }

    private HotspotView view(HotspotAlert a) {
        return new HotspotView(a.getId(), a.getCategory(), a.getLatitude(), a.getLongitude(), a.getArea(), a.getState().name(),
                a.getCaseCount(), a.getFirstCaseAt(), a.getLastCaseAt(), a.getParentCase(), a.getNoticeId(),
                a.getHandledBy(), hotspots.caseNumbers(a.getId()));
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }

    @GET
    @Operation(summary = "Hot spots, latest first; state OPEN, MERGED or CLOSED")
    public List<HotspotView> list(@QueryParam("state") HotspotAlert.State state,
                                  @QueryParam("limit") @DefaultValue("50") int limit) {
        return hotspots.latest(state, limit).stream().map(this::view).toList();
    }

    @GET
    @Path("{id}")
    public HotspotView get(@PathParam("id") long id) {
        return view(hotspots.find(id));
    }

    @POST
    @Path("{id}/merge")
    @Operation(summary = "File one parent case for the cluster and link its cases to it")
    public HotspotView merge(@PathParam("id") long id) {
        return view(hotspots.merge(id, actor()));
    }

    @POST
    @Path("{id}/notice")
    @Operation(summary = "Compose (and with send=true, send) the 已知悉，正在处理 notice to the residents around it")
    public NoticeCreated notice(@PathParam("id") long id, Hotspots.NoticeRequest request) {
        Notice notice = hotspots.notifyResidents(id, request, actor());
        return new NoticeCreated(notice.getId(), notice.getState().name(), view(hotspots.find(id)));
    }

    @POST
    @Path("{id}/close")
    public HotspotView close(@PathParam("id") long id) {
        return view(hotspots.close(id, actor()));
    }
}
