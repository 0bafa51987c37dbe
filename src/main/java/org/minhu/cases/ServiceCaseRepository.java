package org.minhu.cases;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;

@ApplicationScoped
public class ServiceCaseRepository implements PanacheRepository<ServiceCase> {

    /** How many cases, whatever their state, have each of these categories; a category none has is left out. */
    public Map<String, Long> countByCategory(Collection<String> categories) {
        Map<String, Long> counts = new TreeMap<>();
        if (categories.isEmpty()) {
            return counts;
        }
        List<Object[]> rows = getEntityManager().createQuery(
                "select c.category, count(c) from ServiceCase c where c.category in ?1 group by c.category", Object[].class)
                .setParameter(1, categories).getResultList();
        for (Object[] row : rows) {
            counts.put((String) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    public Optional<ServiceCase> findByNumber(String number) {
        return find("number", number).firstResultOptional();
    }

    /** The case with this number, only if the resident filed it. */
    public Optional<ServiceCase> findOwned(String phone, String number) {
        return find("number = ?1 and phone = ?2", number, phone).firstResultOptional();
    }

    /** A resident's cases: open ones first, then the rest; newest first within each. */
    public List<ServiceCase> forPhone(String phone, int limit) {
        return find("""
                phone = ?1
                order by case when state in ?2 then 0 else 1 end, createdAt desc, id desc""",
                phone, CaseState.OPEN)
                .range(0, limit - 1)
                .list();
    }

    /** Open cases of a category inside a latitude/longitude box: the cheap first cut of a radius search. */
    public List<ServiceCase> openInBox(String category, double minLatitude, double maxLatitude,
                                       double minLongitude, double maxLongitude) {
        return list("""
                category = ?1 and state in ?2
                and latitude between ?3 and ?4 and longitude between ?5 and ?6""",
                category, CaseState.OPEN, minLatitude, maxLatitude, minLongitude, maxLongitude);
    }

    /**
     * Open cases whose clock runs and that have a reminder or an escalation due now: read without
     * locks, so only those that need it are locked and changed.
     */
    public List<Long> dueForCheck(java.time.Instant now, double firstReminderShare) {
        List<Object[]> rows = getEntityManager().createQuery("""
                        select c.id, c.createdAt, c.dueAt, c.remindersSent, c.escalationLevel from ServiceCase c
                        where c.state in :open and c.pausedAt is null and c.escalationLevel < 3""", Object[].class)
                .setParameter("open", CaseState.OPEN)
                .getResultList();
        List<Long> due = new java.util.ArrayList<>();
        for (Object[] row : rows) {
            java.time.Instant created = (java.time.Instant) row[1];
            java.time.Instant deadline = (java.time.Instant) row[2];
            int reminders = (Integer) row[3];
            int level = (Integer) row[4];
            java.time.Duration allowed = java.time.Duration.between(created, deadline);
            java.time.Instant firstReminder = created.plusMillis((long) (allowed.toMillis() * firstReminderShare));
            java.time.Instant secondReminder = created.plus(allowed.multipliedBy(4).dividedBy(5));
            boolean remind = now.isBefore(deadline) && (reminders < 1 && !now.isBefore(firstReminder)
                    || reminders < 2 && !now.isBefore(secondReminder));
            boolean escalate = now.isAfter(deadline) && (level < 1
                    || level < 2 && !now.isBefore(deadline.plus(allowed.dividedBy(4)))
                    || !now.isBefore(deadline.plus(allowed.dividedBy(2))));
            if (remind || escalate) {
                due.add((Long) row[0]);
            }
        }
        return due;
    }

    public List<Long> unratedResolvedBefore(java.time.Instant cutoff) {
        return getEntityManager().createQuery(
                        "select c.id from ServiceCase c where c.state = :resolved and c.resolvedAt <= :cutoff", Long.class)
                .setParameter("resolved", CaseState.RESOLVED)
                .setParameter("cutoff", cutoff)
                .setMaxResults(1000)
                .getResultList();
    }

    public List<ServiceCase> overdue(java.time.Instant now, int limit) {
        return find("state in ?1 and pausedAt is null and dueAt < ?2 order by dueAt", CaseState.OPEN, now)
                .page(0, limit).list();
    }

    public List<ServiceCase> escalated(int limit) {
        return find("state in ?1 and escalationLevel > 0 order by escalationLevel desc, dueAt", CaseState.OPEN)
                .page(0, limit).list();
    }
}
