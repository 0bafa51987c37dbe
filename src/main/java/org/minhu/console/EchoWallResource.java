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
 * the kind of problem, the area, where it stands, what was done and how the resident rated it.
 * Nothing that names a person: no number, no description in the resident's words, no exact address.
 */
@Path("/echo-wall")
@Produces(MediaType.TEXT_HTML)
public class EchoWallResource {

    static final int SHOWN = 50;
    private static final Pattern LONG_NUMBER = Pattern.compile("\\d{5,}");
    private static final Pattern BUILDING = Pattern.compile("[0-9０-９一二三四五六七八九十百]+\\s*(栋|幢|座|单元|室|号楼|号|楼|层|房).*$");

    /** One case as the public sees it. */
    public record Item(Instant filedAt, String category, String area, String state, boolean done, String whatWasDone,
                       String rating) {
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
        return new Item(c.getCreatedAt(), labels.category(c.getCategory()), area(c), labels.state(c.getState()), done,
                c.getResolutionNote() == null ? null : scrub(c.getResolutionNote()),
                c.getRating() == null ? null : labels.rating(c.getRating()));
    }

    /** The grid if the case has one, else the address cut before the building and door. */
    static String area(ServiceCase c) {
        if (c.getGrid() != null && !c.getGrid().isBlank()) {
            return c.getGrid();
        }
        if (c.getAddress() == null || c.getAddress().isBlank()) {
            return "辖区内";
        }
        String area = BUILDING.matcher(c.getAddress().strip()).replaceFirst("");
        area = area.replaceAll("[0-9０-９]+.*$", "").strip();
        if (area.isEmpty()) {
            return "辖区内";
        }
        return area.codePointCount(0, area.length()) > 16 ? area.substring(0, area.offsetByCodePoints(0, 16)) + "…" : area;
    }

    static String scrub(String text) {
        return LONG_NUMBER.matcher(text).replaceAll("****");
    }
}
