package org.minhu.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestQuery;
import org.minhu.cases.Categories;
import org.minhu.security.CsrfProtected;

import java.util.List;

/**
 * The inbox: every case the viewer may see, newest first, with filters, a search, counts per
 * state and a countdown to each deadline. The rows come again by themselves (htmx, on the live
 * events) when cases arrive or change.
 */
@Path("/console")
@CsrfProtected
@Produces(MediaType.TEXT_HTML)
public class InboxResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance inbox(Inbox.Page page, InboxFilter filter, List<String> units);

        static native TemplateInstance inbox$rows(Inbox.Page page, InboxFilter filter);
    }

    private final Inbox inbox;
    private final Viewer viewer;
    private final Categories categories;

    public InboxResource(Inbox inbox, Viewer viewer, Categories categories) {
        this.inbox = inbox;
        this.viewer = viewer;
        this.categories = categories;
    }

    @GET
    public TemplateInstance inbox(@RestQuery String view, @RestQuery String state, @RestQuery String category, @RestQuery String unit,
                                  @RestQuery String grid, @RestQuery String priority, @RestQuery boolean overdue,
                                  @RestQuery boolean unrated, @RestQuery boolean waiting, @RestQuery boolean flagged,
                                  @RestQuery String q, @RestQuery String after) {
        InboxFilter filter = InboxFilter.of(view, state, category, unit, grid, priority, overdue, unrated, waiting, flagged, q, after);
        List<String> units = categories.units();
        return Templates.inbox(inbox.page(viewer, filter), filter, units);
    }

    /** Just the counts and the rows, for the filters and the live refresh. */
    @GET
    @Path("/inbox/rows")
    public TemplateInstance rows(@RestQuery String view, @RestQuery String state, @RestQuery String category, @RestQuery String unit,
                                 @RestQuery String grid, @RestQuery String priority, @RestQuery boolean overdue,
                                 @RestQuery boolean unrated, @RestQuery boolean waiting, @RestQuery boolean flagged,
                                 @RestQuery String q, @RestQuery String after) {
        InboxFilter filter = InboxFilter.of(view, state, category, unit, grid, priority, overdue, unrated, waiting, flagged, q, after);
        return Templates.inbox$rows(inbox.page(viewer, filter), filter);
    }
}
