package org.minhu.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.minhu.common.ProblemException;
import org.minhu.notify.StaffNotifications;
import org.minhu.security.CsrfProtected;

import java.net.URI;
import java.util.List;

/**
 * 消息提醒: the signed-in person's own notifications (deadline reminders and escalations, see
 * {@link StaffNotifications}), the bell's unread count in the navigation (fetched again on the
 * "notifications" server-sent event), opening one (read, then its case) and marking all read.
 */
@Path("/console/notifications")
@CsrfProtected
@Produces(MediaType.TEXT_HTML)
public class NotificationsResource {

    static final int LIST = 100;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance notifications(List<StaffNotifications.Entry> entries, long unread);

        static native TemplateInstance bell(long unread);
    }

    private final StaffNotifications notifications;
    private final Viewer viewer;

    public NotificationsResource(StaffNotifications notifications, Viewer viewer) {
        this.notifications = notifications;
        this.viewer = viewer;
    }

    @GET
    public TemplateInstance page() {
        String me = viewer.getUsername();
        return Templates.notifications(notifications.latest(me, LIST), notifications.unread(me));
    }

    @GET
    @Path("/count")
    public TemplateInstance count() {
        return Templates.bell(notifications.unread(viewer.getUsername()));
    }

    /** Read, and on to the case or the report it is about; someone else's (or none) is 404. */
    @POST
    @Path("/{id}/open")
    public Response open(@PathParam("id") long id) {
        String page = notifications.open(viewer.getUsername(), id)
                .orElseThrow(() -> ProblemException.notFound("没有这条消息"));
        return Response.seeOther(URI.create(page)).build();
    }

    @POST
    @Path("/read-all")
    public Response readAll() {
        notifications.readAll(viewer.getUsername());
        return Response.seeOther(URI.create("/console/notifications")).build();
    }
}
