package org.minhu.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.minhu.cases.CaseState;
import org.minhu.cases.CaseTag;
import org.minhu.cases.CaseTags;
import org.minhu.cases.ServiceCase;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The inbox's queries. Newest first by (created_at, id), one page at a time after a keyset
 * cursor: with the indexes of V4 and V7 each filter is a range scan that stops after a page.
 */
@ApplicationScoped
public class Inbox {

    public static final int PAGE = 50;
    private static final String NUMBER = "[A-Za-z]{2}-\\d{8}-\\d{1,6}";

    /**
     * Counts stop at this many: past it a tab shows "1000+". Counting a million cases exactly on every
     * page load would cost more than the page itself (issue 7 measures the inbox at a million cases);
     * whoever needs the exact figure for a period has the dashboard and the reports.
     */
    public static final int COUNT_CAP = 1000;

    /** A label and how many cases under the other filters carry it ("1000+" past the cap). */
    public record TagCount(CaseTag tag, String count) {
    }

    public record Page(List<ServiceCase> cases, Set<String> waitingPhones, String nextCursor,
                       Map<CaseState, Long> counts, long overdue, Map<Long, List<CaseTag>> tags,
                       List<TagCount> tagCounts) {

        /** The labels on a case of this page. */
        public List<CaseTag> tagsOf(ServiceCase c) {
            return tags.getOrDefault(c.getId(), List.of());
        }

        /** The state tabs' numbers as shown: exact up to {@link #COUNT_CAP}, then "1000+". */
        public Map<CaseState, String> countLabels() {
            Map<CaseState, String> labels = new EnumMap<>(CaseState.class);
            counts.forEach((state, n) -> labels.put(state, label(n)));
            return labels;
        }

        public String totalLabel() {
            boolean capped = counts.values().stream().anyMatch(n -> n > COUNT_CAP);
            long shown = counts.values().stream().mapToLong(n -> Math.min(n, COUNT_CAP)).sum();
            return capped ? shown + "+" : String.valueOf(shown);
        }

        public String overdueLabel() {
            return label(overdue);
        }

        private static String label(long n) {
            return n > COUNT_CAP ? COUNT_CAP + "+" : String.valueOf(n);
        }
    }

    private final EntityManager em;
    private final Clock clock;
    private final CaseTags caseTags;

    public Inbox(EntityManager em, Clock clock, CaseTags caseTags) {
        this.em = em;
        this.clock = clock;
        this.caseTags = caseTags;
    }

    public Page page(Viewer viewer, InboxFilter filter) {
        Instant now = clock.instant();
        Where where = where(viewer, filter, now, true);
        StringBuilder jpql = new StringBuilder("select c from ServiceCase c where ").append(where.text);
        Map<String, Object> params = new HashMap<>(where.params);
        if (filter.after() != null) {
            jpql.append(" and (c.createdAt < :afterAt or (c.createdAt = :afterAt and c.id < :afterId))");
            params.put("afterAt", filter.afterCreatedAt());
            params.put("afterId", filter.afterId());
        }
        jpql.append(" order by c.createdAt desc, c.id desc");
        TypedQuery<ServiceCase> query = em.createQuery(jpql.toString(), ServiceCase.class).setMaxResults(PAGE + 1);
        params.forEach(query::setParameter);
        List<ServiceCase> rows = new ArrayList<>(query.getResultList());
        String next = null;
        if (rows.size() > PAGE) {
            rows = rows.subList(0, PAGE);
            ServiceCase last = rows.get(PAGE - 1);
            next = InboxFilter.cursor(last.getCreatedAt(), last.getId());
        }
        return new Page(rows, waiting(rows), next, counts(viewer, filter, now), overdueCount(viewer, filter, now),
                caseTags.on(rows.stream().map(ServiceCase::getId).toList()), tagCounts(viewer, filter, now));
    }

    /**
     * How many cases carry each label under the other filters: one query per label (admins keep a
     * handful), each stopping at {@link #COUNT_CAP} + 1 like the state tabs.
     */
    private List<TagCount> tagCounts(Viewer viewer, InboxFilter filter, Instant now) {
        List<CaseTag> all = caseTags.all();
        if (all.isEmpty()) {
            return List.of();
        }
        Where where = where(viewer, filter.withTag(null), now, true);
        List<TagCount> counts = new ArrayList<>();
        for (CaseTag tag : all) {
            TypedQuery<Long> query = em.createQuery("select c.id from ServiceCase c where " + where.text
                    + " and c.id in (select g.caseId from CaseTagging g where g.tagId = :countTag)", Long.class)
                    .setMaxResults(COUNT_CAP + 1);
            where.params.forEach(query::setParameter);
            query.setParameter("countTag", tag.getId());
            long n = query.getResultList().size();
            counts.add(new TagCount(tag, n > COUNT_CAP ? COUNT_CAP + "+" : String.valueOf(n)));
        }
        return counts;
    }

    /**
     * How many cases each state holds under the other filters: the numbers on the state tabs, each
     * counted only up to {@link #COUNT_CAP} + 1 so a tab with a million cases costs what one with a
     * thousand does. Each count reads the newest cases through an index and stops at the cap; without
     * the order PostgreSQL scans the table hoping to stop early, which is slow when the matching rows
     * sit at its end (measured: 27 ms for one tab, 60 ms for the overdue count at 200,000 cases).
     */
    private Map<CaseState, Long> counts(Viewer viewer, InboxFilter filter, Instant now) {
        Where where = where(viewer, filter, now, false);
        Map<CaseState, Long> counts = new EnumMap<>(CaseState.class);
        for (CaseState s : CaseState.values()) {
            TypedQuery<Long> query = em.createQuery("select c.id from ServiceCase c where " + where.text
                    + " and c.state = :countState order by c.createdAt desc, c.id desc", Long.class)
                    .setMaxResults(COUNT_CAP + 1);
            where.params.forEach(query::setParameter);
            query.setParameter("countState", s);
            counts.put(s, (long) query.getResultList().size());
        }
        return counts;
    }

    /** Overdue open cases, up to the cap: one bounded range of the (state, due) index per open state. */
    private long overdueCount(Viewer viewer, InboxFilter filter, Instant now) {
        Where where = where(viewer, filter, now, true);
        long overdue = 0;
        for (CaseState open : CaseState.OPEN) {
            if (overdue > COUNT_CAP) {
                break;
            }
            TypedQuery<Long> query = em.createQuery("select c.id from ServiceCase c where " + where.text
                            + " and c.state = :openState and c.schedule.dueAt < :now and c.schedule.pausedAt is null order by c.schedule.dueAt", Long.class)
                    .setMaxResults((int) (COUNT_CAP + 1 - overdue));
            where.params.forEach(query::setParameter);
            query.setParameter("openState", open);
            query.setParameter("now", now);
            overdue += query.getResultList().size();
        }
        return overdue;
    }

    private Set<String> waiting(List<ServiceCase> rows) {
        Set<String> phones = new HashSet<>();
        rows.stream().map(ServiceCase::getPhone).filter(p -> p != null).forEach(phones::add);
        if (phones.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(em.createQuery(
                        "select distinct h.phone from Handoff h where h.closedAt is null and h.phone in :phones", String.class)
                .setParameter("phones", phones)
                .getResultList());
    }

    /** A JPQL condition on {@code c} (a ServiceCase) and its parameters. */
    record Where(String text, Map<String, Object> params) {
    }

    /**
     * The viewer's scope (a handler their unit's cases, a grid worker their grid's) and the filter as a
     * condition: the inbox's, and the map's ({@link CaseMap}), so the two never disagree on who sees what.
     */
    Where where(Viewer viewer, InboxFilter f, Instant now, boolean withState) {
        List<String> terms = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        terms.add("1 = 1");
        if (viewer.isUnitScoped()) {
            // the unit as one whole element of the comma-separated assisting units, as Viewer.canSee reads them:
            // a unit whose name contains this one's is not this one
            terms.add("(c.units.unit = :myUnit or concat(',', c.units.assistingUnits, ',') like :myUnitLike)");
            params.put("myUnit", viewer.getUnit() == null ? "" : viewer.getUnit());
            params.put("myUnitLike", "%," + (viewer.getUnit() == null ? "\u0000" : viewer.getUnit()) + ",%");
        }
        if (viewer.isGridScoped()) {
            terms.add("c.units.grid = :myGrid");
            params.put("myGrid", viewer.getUnit() == null ? "" : viewer.getUnit());
        }
        if (f.view() == InboxFilter.View.MINE) {
            // index service_case_owner_created (V80)
            terms.add("c.units.owner = :me");
            params.put("me", viewer.getUsername());
        } else if (f.view() == InboxFilter.View.UNASSIGNED) {
            // the cases a unit holds and no one of it has yet: index service_case_unit_owner_created (V80)
            terms.add("c.units.owner is null and c.state in :assignable");
            params.put("assignable", java.util.EnumSet.of(CaseState.DISPATCHED, CaseState.ACCEPTED, CaseState.IN_PROGRESS));
            if (viewer.getUnit() != null && !viewer.isGridScoped()) {
                terms.add("c.units.unit = :myLeadUnit");
                params.put("myLeadUnit", viewer.getUnit());
            }
        }
        if (withState && f.state() != null) {
            terms.add("c.state = :state");
            params.put("state", f.state());
        }
        if (f.category() != null) {
            terms.add("c.category = :category");
            params.put("category", f.category());
        }
        if (f.unit() != null) {
            terms.add("c.units.unit = :unit");
            params.put("unit", f.unit());
        }
        if (f.grid() != null) {
            terms.add("c.units.grid = :grid");
            params.put("grid", f.grid());
        }
        if (f.priority() != null) {
            terms.add("c.priority = :priority");
            params.put("priority", f.priority());
        }
        if (f.tag() != null) {
            // the label's cases through case_tagging's (tag_id, case_id) key (V81)
            terms.add("c.id in (select g.caseId from CaseTagging g where g.tagId = :tag)");
            params.put("tag", f.tag());
        }
        if (f.overdue()) {
            terms.add("c.state in :overdueStates and c.schedule.pausedAt is null and c.schedule.dueAt < :overdueNow");
            params.put("overdueStates", CaseState.OPEN);
            params.put("overdueNow", now);
        }
        if (f.unrated()) {
            terms.add("c.state = :resolvedState");
            params.put("resolvedState", CaseState.RESOLVED);
        }
        if (f.flagged()) {
            terms.add("(c.flagged = true or c.schedule.escalationLevel > 0)");
        }
        if (f.waiting()) {
            terms.add("exists (select h.id from Handoff h where h.phone = c.phone and h.closedAt is null)");
        }
        if (f.q() != null) {
            String q = f.q().strip();
            if (q.matches(NUMBER)) {
                terms.add("c.number = :number");
                params.put("number", q.toUpperCase(Locale.ROOT));
            } else if (q.matches("\\d{4,11}") && viewer.isSeesFullPhone()) {
                terms.add("c.phone like :phoneLike");
                params.put("phoneLike", "%" + q + "%");
            } else {
                terms.add("(lower(c.description) like :text or lower(c.address) like :text)");
                params.put("text", "%" + q.toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%");
            }
        }
        return new Where(String.join(" and ", terms), params);
    }
}
