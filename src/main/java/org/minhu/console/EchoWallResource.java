package org.minhu.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.minhu.cases.Rating;
import org.minhu.cases.ServiceCase;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The public echo wall (回音壁, 德馨苑): recent cases as anyone may see them, without signing in —
 * the kind of problem, the area (the grid from the dispatch rules, never an address or place the
 * resident typed), when it was filed and resolved, where it stands, the answer staff wrote for the
 * public when resolving (答复居民, never their internal note) and how the resident rated it.
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

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance wall(List<Item> items, long resolved, long satisfied, long rated);
    }

    private final EntityManager em;
    private final Labels labels;

    public EchoWallResource(EntityManager em, Labels labels) {
        this.em = em;
        this.labels = labels;
    }

    @GET
    public TemplateInstance wall() {
        // questions answered at once and declined requests are no problems handled: not on the wall
        List<ServiceCase> recent = em.createQuery("""
                        select c from ServiceCase c where c.state <> :declined
                        and not (c.requestType = :consultation and c.dispatchedAt is null and c.state = :archived)
                        order by c.createdAt desc, c.id desc""", ServiceCase.class)
                .setParameter("declined", org.minhu.cases.CaseState.DECLINED)
                .setParameter("consultation", org.minhu.cases.RequestType.CONSULTATION)
                .setParameter("archived", org.minhu.cases.CaseState.ARCHIVED)
                .setMaxResults(SHOWN).getResultList();
        List<Item> items = recent.stream().map(this::item).toList();
        long resolved = items.stream().filter(Item::done).count();
        long rated = recent.stream().filter(c -> c.getRating() != null).count();
        long satisfied = recent.stream()
                .filter(c -> c.getRating() == Rating.SATISFIED || c.getRating() == Rating.MOSTLY_SATISFIED).count();
        return Templates.wall(items, resolved, satisfied, rated);
    }

    private Item item(ServiceCase c) {
        boolean done = c.getResolvedAt() != null || !c.isOpen();
        return new Item(c.getCreatedAt(), c.getResolvedAt(), labels.category(c.getCategory()), area(c),
                labels.state(c.getState()), done, c.getPublicReply() == null ? null : scrub(c.getPublicReply()),
                c.getRating() == null ? null : labels.rating(c.getRating()));
    }

    /** The grid (reference data: the dispatch rules' areas) if the case has one; never the resident's own words. */
    static String area(ServiceCase c) {
        return c.getGrid() != null && !c.getGrid().isBlank() ? c.getGrid() : "辖区内";
    }

    static String scrub(String text) {
        return LONG_NUMBER.matcher(text).replaceAll("****");
    }
}
