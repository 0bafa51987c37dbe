package org.minhu.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.minhu.cases.CaseState;
import org.minhu.proactive.hotspot.HotspotAlert;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The map's points (索骥图): the open cases with a place that the viewer may see, under the filter,
 * newest first and at most {@link #CAP}. The condition is the inbox's ({@link Inbox#where}), so a
 * handler sees their unit's cases and a grid worker their grid's, as in the inbox. One query per open
 * state, each a backward range of the (state, created_at, id) index that stops after the cap, and one
 * query for which of the points are in an active hot spot: never a query per point, never every case.
 */
@ApplicationScoped
public class CaseMap {

    /** At most this many points: past it the page says only the newest are drawn. */
    public static final int CAP = 2000;
    private static final int IDS_PER_QUERY = 500;

    /** One case on the map. */
    public record Point(long id, String number, String category, CaseState state, String unit, String grid,
                        double latitude, double longitude, Instant createdAt, Instant dueAt,
                        boolean overdue, boolean hotspot) {
    }

    /** The points drawn, and whether there were more than the cap. */
    public record View(List<Point> points, boolean capped, int cap) {
        public long overdueCount() {
            return points.stream().filter(Point::overdue).count();
        }

        public long hotspotCount() {
            return points.stream().filter(Point::hotspot).count();
        }
    }

    private final Inbox inbox;
    private final EntityManager em;
    private final Clock clock;

    public CaseMap(Inbox inbox, EntityManager em, Clock clock) {
        this.inbox = inbox;
        this.em = em;
        this.clock = clock;
    }

    public View open(Viewer viewer, InboxFilter filter) {
        return open(viewer, filter, CAP);
    }

    /** The open cases under the filter (its state, if any, must be an open one), newest first, at most {@code cap}. */
    View open(Viewer viewer, InboxFilter filter, int cap) {
        Instant now = clock.instant();
        List<CaseState> states = filter.state() == null ? List.copyOf(CaseState.OPEN)
                : filter.state().isOpen() ? List.of(filter.state()) : List.of();
        Inbox.Where where = inbox.where(viewer, filter, now, false);
        List<Object[]> rows = new ArrayList<>();
        for (CaseState state : states) {
            TypedQuery<Object[]> query = em.createQuery("select c.id, c.number, c.category, c.state, c.units.unit, c.units.grid,"
                            + " c.latitude, c.longitude, c.createdAt, c.schedule.dueAt, c.schedule.pausedAt from ServiceCase c where "
                            + where.text() + " and c.state = :mapState and c.latitude is not null and c.longitude is not null"
                            + " order by c.createdAt desc, c.id desc", Object[].class)
                    .setMaxResults(cap + 1);
            where.params().forEach(query::setParameter);
            query.setParameter("mapState", state);
            rows.addAll(query.getResultList());
        }
        rows.sort(Comparator.comparing((Object[] r) -> (Instant) r[8]).thenComparing(r -> (Long) r[0]).reversed());
        boolean capped = rows.size() > cap;
        if (capped) {
            rows = rows.subList(0, cap);
        }
        Set<Long> hot = inHotspots(rows.stream().map(r -> (Long) r[0]).toList());
        List<Point> points = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            Instant due = (Instant) r[9];
            boolean overdue = r[10] == null && due.isBefore(now);
            points.add(new Point((Long) r[0], (String) r[1], (String) r[2], (CaseState) r[3], (String) r[4],
                    (String) r[5], (Double) r[6], (Double) r[7], (Instant) r[8], due, overdue, hot.contains((Long) r[0])));
        }
        return new View(points, capped, cap);
    }

    /** Which of the cases are in a hot spot not yet closed (a few queries of {@value #IDS_PER_QUERY} ids each). */
    private Set<Long> inHotspots(List<Long> ids) {
        Set<Long> hot = new HashSet<>();
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            hot.addAll(em.createQuery("select hc.caseId from HotspotCase hc, HotspotAlert a"
                            + " where a.id = hc.alertId and a.state <> :closed and hc.caseId in :ids", Long.class)
                    .setParameter("closed", HotspotAlert.State.CLOSED)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY)))
                    .getResultList());
        }
        return hot;
    }
}
