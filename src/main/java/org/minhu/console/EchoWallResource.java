package org.minhu.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestQuery;
import org.minhu.cases.Categories;
import org.minhu.cases.DispatchRules;
import org.minhu.cases.Rating;
import org.minhu.cases.ServiceCase;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The public echo wall (回音壁, 德馨苑): recent cases as anyone may see them, without signing in —
 * the kind of problem, the area (the grid from the dispatch rules, never an address or place the
 * resident typed), when it was filed and resolved, where it stands, the answer staff wrote for the
 * public when resolving (答复居民, never their internal note) and how the resident rated it. Anyone
 * may narrow it to one kind of problem or one area (the dispatch rules' grids) and page back through
 * older cases, 50 at a time (keyset paging on the filing time, so a deep page costs what the first does).
 */
@Path("/echo-wall")
@Produces(MediaType.TEXT_HTML)
public class EchoWallResource {

    static final int SHOWN = 50;
    private static final Pattern LONG_NUMBER = Pattern.compile("\\d{5,}");

    /** One case as the public sees it. */
    public record Item(Instant filedAt, Instant resolvedAt, String category, String area, String state, boolean done,
                       String whatWasDone, String rating) {
    }

    /** A choice of the filter form: the value sent and the words shown. */
    public record Choice(String value, String label) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance wall(List<Item> items, long resolved, long satisfied, long rated,
                                            List<Choice> categories, List<Choice> areas, String category, String area,
                                            boolean older, String next);
    }

    private final EntityManager em;
    private final Labels labels;
    private final Categories categories;
    private final DispatchRules rules;

    public EchoWallResource(EntityManager em, Labels labels, Categories categories, DispatchRules rules) {
        this.em = em;
        this.labels = labels;
        this.categories = categories;
        this.rules = rules;
    }

    /**
     * A category or area the wall does not know, or a page mark it did not write, is left out rather
     * than refused: the page shows everything, as a visitor following an old link would expect.
     */
    @GET
    public TemplateInstance wall(@RestQuery String category, @RestQuery String area, @RestQuery String before) {
        List<Choice> categoryChoices = categories.all().stream().map(c -> new Choice(c.code(), c.name().zh())).toList();
        List<Choice> areaChoices = rules.areas().stream().map(DispatchRules.Area::grid).distinct()
                .map(g -> new Choice(g, g)).toList();
        String kind = categoryChoices.stream().anyMatch(c -> c.value().equals(category)) ? category : null;
        String grid = areaChoices.stream().anyMatch(c -> c.value().equals(area)) ? area : null;
        // the inbox's keyset cursor: filing time in microseconds and id
        String mark = InboxFilter.cursorOrNull(before);
        boolean older = mark != null;

        // questions answered at once and declined requests are no problems handled: not on the wall
        StringBuilder where = new StringBuilder("""
                select c from ServiceCase c where c.state <> :declined
                and not (c.requestType = :consultation and c.schedule.dispatchedAt is null and c.state = :archived)""");
        Map<String, Object> params = new HashMap<>();
        params.put("declined", org.minhu.cases.CaseState.DECLINED);
        params.put("consultation", org.minhu.cases.RequestType.CONSULTATION);
        params.put("archived", org.minhu.cases.CaseState.ARCHIVED);
        if (kind != null) {
            where.append(" and c.category = :category");
            params.put("category", kind);
        }
        if (grid != null) {
            where.append(" and c.units.grid = :grid");
            params.put("grid", grid);
        }
        if (older) {
            where.append(" and (c.createdAt < :at or (c.createdAt = :at and c.id < :id))");
            params.put("at", InboxFilter.createdAtOf(mark));
            params.put("id", InboxFilter.idOf(mark));
        }
        var query = em.createQuery(where.append(" order by c.createdAt desc, c.id desc").toString(), ServiceCase.class);
        params.forEach(query::setParameter);
        List<ServiceCase> found = new ArrayList<>(query.setMaxResults(SHOWN + 1).getResultList());
        String next = null;
        if (found.size() > SHOWN) {
            found = found.subList(0, SHOWN);
            ServiceCase last = found.get(SHOWN - 1);
            next = "/echo-wall?" + (kind == null ? "" : "category=" + encode(kind) + "&")
                    + (grid == null ? "" : "area=" + encode(grid) + "&")
                    + "before=" + InboxFilter.cursor(last.getCreatedAt(), last.getId());
        }
        List<Item> items = found.stream().map(this::item).toList();
        long resolved = items.stream().filter(Item::done).count();
        long rated = found.stream().filter(c -> c.getFollowUp().getRating() != null).count();
        long satisfied = found.stream()
                .filter(c -> c.getFollowUp().getRating() == Rating.SATISFIED || c.getFollowUp().getRating() == Rating.MOSTLY_SATISFIED).count();
        return Templates.wall(items, resolved, satisfied, rated, categoryChoices, areaChoices, kind, grid, older, next);
    }

    private Item item(ServiceCase c) {
        boolean done = c.getResolvedAt() != null || !c.isOpen();
        return new Item(c.getCreatedAt(), c.getResolvedAt(), labels.category(c.getCategory()), area(c),
                labels.state(c.getState()), done, c.getResolution().getPublicReply() == null ? null : scrub(c.getResolution().getPublicReply()),
                c.getFollowUp().getRating() == null ? null : labels.rating(c.getFollowUp().getRating()));
    }

    /** The grid (reference data: the dispatch rules' areas) if the case has one; never the resident's own words. */
    static String area(ServiceCase c) {
        return c.getUnits().getGrid() != null && !c.getUnits().getGrid().isBlank() ? c.getUnits().getGrid() : "辖区内";
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    static String scrub(String text) {
        return LONG_NUMBER.matcher(text).replaceAll("****");
    }
}
