package org.minhu.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.minhu.cases.CaseAction;
import org.minhu.cases.CaseLifecycle;
import org.minhu.cases.CaseTag;
import org.minhu.cases.CaseTags;
import org.minhu.cases.Categories;
import org.minhu.common.ProblemException;
import org.minhu.security.CsrfProtected;

import java.net.URI;
import java.util.List;

/**
 * The inbox: every case the viewer may see, newest first, with filters, a search, counts per
 * state and per label and a countdown to each deadline. The rows come again by themselves (htmx,
 * on the live events) when cases arrive or change. Several cases ticked at once get a label together.
 */
@Path("/console")
@CsrfProtected
@Produces(MediaType.TEXT_HTML)
public class InboxResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance inbox(Inbox.Page page, InboxFilter filter, List<String> units,
                                             List<CaseTag> allTags, String flash, String error);

        static native TemplateInstance inbox$rows(Inbox.Page page, InboxFilter filter);
    }

    private final Inbox inbox;
    private final Viewer viewer;
    private final Categories categories;
    private final CaseTags tags;
    private final CaseLifecycle lifecycle;

    public InboxResource(Inbox inbox, Viewer viewer, Categories categories, CaseTags tags, CaseLifecycle lifecycle) {
        this.inbox = inbox;
        this.viewer = viewer;
        this.categories = categories;
        this.tags = tags;
        this.lifecycle = lifecycle;
    }

    @GET
    public TemplateInstance inbox(@RestQuery String view, @RestQuery String state, @RestQuery String category,
                                  @RestQuery String unit, @RestQuery String grid, @RestQuery String priority,
                                  @RestQuery boolean overdue, @RestQuery boolean unrated, @RestQuery boolean waiting,
                                  @RestQuery boolean flagged, @RestQuery String tag, @RestQuery String q,
                                  @RestQuery String after, @RestQuery Integer tagged, @RestQuery Integer refused,
                                  @RestQuery Long taggedWith) {
        InboxFilter filter = InboxFilter.of(view, state, category, unit, grid, priority, overdue, unrated, waiting,
                flagged, tag, q, after);
        List<CaseTag> all = tags.all();
        String flash = null;
        String error = null;
        if (tagged != null) {
            String name = all.stream().filter(t -> t.getId().equals(taggedWith)).map(CaseTag::getName).findFirst().orElse("");
            if (tagged == 0 && (refused == null || refused == 0)) {
                error = "请先勾选要加标签的诉求";
            } else {
                flash = "已为 " + tagged + " 件诉求加上标签「" + name + "」";
                if (refused != null && refused > 0) {
                    error = refused + " 件诉求您不能加标签，未改动";
                }
            }
        }
        return Templates.inbox(inbox.page(viewer, filter), filter, categories.units(), all, flash, error);
    }

    /** Just the counts and the rows, for the filters and the live refresh. */
    @GET
    @Path("/inbox/rows")
    public TemplateInstance rows(@RestQuery String view, @RestQuery String state, @RestQuery String category,
                                 @RestQuery String unit, @RestQuery String grid, @RestQuery String priority,
                                 @RestQuery boolean overdue, @RestQuery boolean unrated, @RestQuery boolean waiting,
                                 @RestQuery boolean flagged, @RestQuery String tag, @RestQuery String q,
                                 @RestQuery String after) {
        InboxFilter filter = InboxFilter.of(view, state, category, unit, grid, priority, overdue, unrated, waiting,
                flagged, tag, q, after);
        return Templates.inbox$rows(inbox.page(viewer, filter), filter);
    }

    /**
     * One label on every ticked case, each through {@link CaseLifecycle#perform} (the permission table,
     * the history); a case the viewer may not label is left as it is and counted. Back to the inbox
     * as it was filtered ({@code back}, the filters' query), with what was done.
     */
    @POST
    @Path("/inbox/tag")
    public Response tagSeveral(@RestForm("case") List<String> numbers, @RestForm Long tag, @RestForm String back) {
        List<String> chosen = numbers == null ? List.of() : numbers.stream().filter(n -> n != null && !n.isBlank()).distinct().toList();
        CaseTag label;
        try {
            label = tags.require(tag);
        } catch (ProblemException none) {
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(Templates.inbox(inbox.page(viewer, InboxFilter.none()), InboxFilter.none(), categories.units(),
                            tags.all(), null, none.problem().detail())).build();
        }
        int done = 0;
        int refused = 0;
        for (String number : chosen) {
            try {
                lifecycle.perform(viewer.staff(), CaseAction.TAG, number.strip(), CaseLifecycle.Details.tag(label.getId()));
                done++;
            } catch (ProblemException notThisOne) {
                refused++;
            }
        }
        String filters = back == null || !back.matches("[A-Za-z0-9_=&%.+*-]*") ? "" : back;
        return Response.seeOther(URI.create("/console?" + (filters.isEmpty() ? "" : filters + "&") + "tagged=" + done
                + "&refused=" + refused + "&taggedWith=" + label.getId())).build();
    }
}
