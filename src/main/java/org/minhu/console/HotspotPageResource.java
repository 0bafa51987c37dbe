package org.minhu.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestQuery;
import org.minhu.common.ProblemException;
import org.minhu.proactive.hotspot.HotspotAlert;
import org.minhu.proactive.hotspot.Hotspots;
import org.minhu.security.CsrfProtected;
import org.minhu.security.Role;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The hot spots (未诉先办) for supervisors: the active ones with their first and last case, each
 * to merge into one parent case, tell the residents around it, or close; the recently closed
 * below. Every action goes through {@link Hotspots}; a refusal comes back on the page.
 */
@Path("/console/hotspots")
@CsrfProtected
@RolesAllowed({Role.SUPERVISOR_NAME, Role.ADMIN_NAME})
@Produces(MediaType.TEXT_HTML)
public class HotspotPageResource {

    static final int ACTIVE_SHOWN = 100;
    static final int CLOSED_SHOWN = 20;
    private static final Map<String, String> DONE = Map.of("merge", "已合并为主案件，热点内的诉求已关联到它",
            "close", "热点已关闭");

    /** One alert as the page shows it: where, how many, and its first and last case. */
    public record Row(HotspotAlert alert, String place, String firstCase, String lastCase) {

        public String stateLabel() {
            return switch (alert.getState()) {
                case OPEN -> "待处理";
                case MERGED -> "已合并";
                case CLOSED -> "已关闭";
            };
        }

        public boolean canMerge() {
            return alert.getState() == HotspotAlert.State.OPEN;
        }

        public boolean active() {
            return alert.getState().active();
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance hotspots(List<Row> active, List<Row> closed, String flash, String error);
    }

    private final Hotspots hotspots;
    private final Viewer viewer;

    public HotspotPageResource(Hotspots hotspots, Viewer viewer) {
        this.hotspots = hotspots;
        this.viewer = viewer;
    }

    @GET
    public TemplateInstance page(@RestQuery String done) {
        return render(done == null ? null : DONE.get(done), null);
    }

    @POST
    @Path("/{id}/merge")
    public Response merge(@PathParam("id") long id) {
        return act("merge", () -> hotspots.merge(id, viewer.getUsername()));
    }

    @POST
    @Path("/{id}/close")
    public Response close(@PathParam("id") long id) {
        return act("close", () -> hotspots.close(id, viewer.getUsername()));
    }

    private Response act(String action, Supplier<HotspotAlert> change) {
        try {
            change.get();
        } catch (ProblemException refused) {
            return Response.status(refused.problem().status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(render(null, Refusals.message(refused))).build();
        }
        return Response.seeOther(URI.create("/console/hotspots?done=" + action)).build();
    }

    private TemplateInstance render(String flash, String error) {
        List<Row> active = Stream.concat(hotspots.latest(HotspotAlert.State.OPEN, ACTIVE_SHOWN).stream(),
                        hotspots.latest(HotspotAlert.State.MERGED, ACTIVE_SHOWN).stream())
                .sorted(Comparator.comparing(HotspotAlert::getLastCaseAt).reversed())
                .map(this::row).toList();
        List<Row> closed = hotspots.latest(HotspotAlert.State.CLOSED, CLOSED_SHOWN).stream().map(this::row).toList();
        return Templates.hotspots(active, closed, flash, error);
    }

    private Row row(HotspotAlert alert) {
        List<String> cases = hotspots.caseNumbers(alert.getId());
        return new Row(alert, hotspots.place(alert.getId()), cases.isEmpty() ? null : cases.get(0),
                cases.isEmpty() ? null : cases.get(cases.size() - 1));
    }
}
