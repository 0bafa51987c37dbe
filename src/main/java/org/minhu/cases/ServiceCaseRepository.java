package org.minhu.cases;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;

@ApplicationScoped
public class ServiceCaseRepository implements PanacheRepository<ServiceCase> {

    private final DataSource db;

    public ServiceCaseRepository(DataSource db) {
        this.db = db;
    }

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

    /** The case, locked for the rest of the transaction: a permission checked on it holds until the change commits. */
    public Optional<ServiceCase> lockByNumber(String number) {
        return find("number", number).withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** The case with this number, only if the resident filed it. */
    public Optional<ServiceCase> findOwned(String phone, String number) {
        return find("number = ?1 and phone = ?2", number, phone).firstResultOptional();
    }

    /**
     * A resident's cases, as their list orders them: open ones first, then the rest; newest first within each.
     * Questions the knowledge base answered at once are counted, not listed as the resident's requests.
     */
    private static final String RESIDENTS_LIST = """
            from ServiceCase c where c.phone = :phone
            and not (c.requestType = :consultation and c.state = :archived and c.schedule.dispatchedAt is null)""";
    private static final String RESIDENTS_ORDER = " order by case when c.state in :open then 0 else 1 end, c.createdAt desc, c.id desc";

    /** A resident's cases: open ones first, then the rest; newest first within each. */
    public List<ServiceCase> forPhone(String phone, int limit) {
        return residentsList(getEntityManager().createQuery(RESIDENTS_LIST + RESIDENTS_ORDER, ServiceCase.class), phone)
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * A resident's cases as their list shows them, in the order of {@link #forPhone}; only those in
     * {@code state} when it is not null. Four columns: no entity to load, nor to check at commit.
     */
    public List<CaseLine> linesForPhone(String phone, CaseState state, int limit) {
        String select = "select new org.minhu.cases.CaseLine(c.number, c.category, c.state, c.description) " + RESIDENTS_LIST;
        TypedQuery<CaseLine> query = getEntityManager().createQuery(
                select + (state == null ? "" : " and c.state = :state") + RESIDENTS_ORDER, CaseLine.class);
        if (state != null) {
            query.setParameter("state", state);
        }
        return residentsList(query, phone).setMaxResults(limit).getResultList();
    }

    private static <T> TypedQuery<T> residentsList(TypedQuery<T> query, String phone) {
        return query.setParameter("phone", phone)
                .setParameter("consultation", RequestType.CONSULTATION)
                .setParameter("archived", CaseState.ARCHIVED)
                .setParameter("open", CaseState.OPEN);
    }

    /**
     * At most {@code limit} open cases of a category in a box, nearest to its centre first (on the
     * plane: {@code longitudeScale} is cos² of the latitude), leaving out those of {@code notOf}. A
     * busy district has thousands of open cases in a box; a resident is offered the nearest one.
     */
    public List<NearbyCase> nearestOpenInBox(String category, double latitude, double longitude, Geo.Box box,
                                             String notOf, int limit) {
        // on every filing's location step: the few columns the offer shows, over the transaction's JDBC connection
        // (as a Hibernate native query, resolving the result's shape and adding the limit cost three times the query)
        try (Connection c = db.getConnection();
             PreparedStatement query = c.prepareStatement(NEAREST_OPEN)) {
            query.setString(1, category);
            query.setDouble(2, box.south());
            query.setDouble(3, box.north());
            query.setDouble(4, box.west());
            query.setDouble(5, box.east());
            query.setString(6, notOf == null ? "" : notOf);
            query.setDouble(7, latitude);
            query.setDouble(8, latitude);
            query.setDouble(9, longitude);
            query.setDouble(10, longitude);
            query.setDouble(11, box.longitudeScale());
            query.setInt(12, limit);
            List<NearbyCase> nearby = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    double lat = rows.getDouble(5);
                    double lon = rows.getDouble(6);
                    nearby.add(new NearbyCase(rows.getString(1), CaseState.valueOf(rows.getString(2)), rows.getString(3),
                            rows.getString(4), lat, lon, Geo.distanceMeters(latitude, longitude, lat, lon)));
                }
            }
            return nearby;
        } catch (SQLException e) {
            throw new PersistenceException("open cases near a place not read", e);
        }
    }

    /** The open states as an SQL list (constants, not input). */
    private static final String OPEN_STATES = CaseState.OPEN.stream().map(s -> "'" + s.name() + "'")
            .sorted().collect(java.util.stream.Collectors.joining(", "));

    private static final String NEAREST_OPEN = """
            select number, state, address, description, latitude, longitude from service_case
            where category = ? and state in (%s)
              and latitude between ? and ? and longitude between ? and ?
              and (phone is null or phone <> ?)
            order by (latitude - ?) * (latitude - ?) + (longitude - ?) * (longitude - ?) * ?, id
            limit ?""".formatted(OPEN_STATES);

    /** Open cases whose deadline check has something to do now (see {@link ServiceCase#planNextCheck()}), earliest first. */
    public List<Long> dueForCheck(java.time.Instant now, int limit) {
        return getEntityManager().createQuery(
                        "select c.id from ServiceCase c where c.nextCheckAt <= :now order by c.nextCheckAt", Long.class)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * Open cases of {@code unit}, not paused, dispatched to it at or before {@code dispatchedBefore}:
     * the ones its unit has held too long (上提一级), oldest dispatch first.
     */
    public List<Long> stalledIn(String unit, java.time.Instant dispatchedBefore, int limit) {
        return getEntityManager().createQuery("""
                        select c.id from ServiceCase c where c.units.unit = :unit and c.state in :states
                        and c.schedule.pausedAt is null and c.schedule.dispatchedAt <= :before order by c.schedule.dispatchedAt""", Long.class)
                .setParameter("unit", unit)
                .setParameter("states", java.util.EnumSet.of(CaseState.DISPATCHED, CaseState.ACCEPTED, CaseState.IN_PROGRESS))
                .setParameter("before", dispatchedBefore)
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * Resolved, unrated cases with something to do: no rating reminder yet and resolved before
     * {@code remindBefore}, or reminded and resolved before {@code archiveBefore}. Only those, oldest
     * first, so cases waiting between the two never crowd out the ones that are due.
     */
    public List<Long> unratedDue(java.time.Instant remindBefore, java.time.Instant archiveBefore, int limit) {
        return getEntityManager().createQuery("""
                        select c.id from ServiceCase c where c.state = :resolved
                        and ((c.followUp.ratingRemindedAt is null and c.resolvedAt <= :remind)
                             or (c.resolvedAt <= :archive
                                 and (c.followUp.reviewPassed = true or (c.flagged = false and c.channel <> :hotspot))))
                        order by c.resolvedAt""", Long.class)
                .setParameter("resolved", CaseState.RESOLVED)
                .setParameter("hotspot", ServiceCase.HOTSPOT_CHANNEL)
                .setParameter("remind", remindBefore)
                .setParameter("archive", archiveBefore)
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * Open, unpaused cases past their deadline, the most overdue first: one range of the
     * {@code (state, due_at)} index per open state, merged here; with the states as one IN list the
     * database sorts every overdue case to find the first few.
     */
    public List<ServiceCase> overdue(java.time.Instant now, int limit) {
        return overdue(now, limit, null);
    }

    /** As {@link #overdue(java.time.Instant, int)}, only the cases that carry the label when one is given. */
    public List<ServiceCase> overdue(java.time.Instant now, int limit, Long label) {
        List<ServiceCase> overdue = new java.util.ArrayList<>();
        for (CaseState state : CaseState.OPEN) {
            overdue.addAll((label == null
                    ? find("state = ?1 and schedule.pausedAt is null and schedule.dueAt < ?2 order by schedule.dueAt", state, now)
                    : find("state = ?1 and schedule.pausedAt is null and schedule.dueAt < ?2 and " + LABELLED + " ?3) order by schedule.dueAt",
                    state, now, label)).page(0, limit).list());
        }
        overdue.sort(java.util.Comparator.comparing(ServiceCase::getDueAt).thenComparing(ServiceCase::getId));
        return overdue.size() > limit ? List.copyOf(overdue.subList(0, limit)) : overdue;
    }

    /** The condition that a case carries a label, closed by the caller after the label's parameter. */
    private static final String LABELLED = "id in (select g.caseId from CaseTagging g where g.tagId =";

    public List<ServiceCase> escalated(int limit) {
        return escalated(limit, null);
    }

    /** As {@link #escalated(int)}, only the cases that carry the label when one is given. */
    public List<ServiceCase> escalated(int limit, Long label) {
        return (label == null
                ? find("state in ?1 and schedule.escalationLevel > 0 order by schedule.escalationLevel desc, schedule.dueAt", CaseState.OPEN)
                : find("state in ?1 and schedule.escalationLevel > 0 and " + LABELLED + " ?2) order by schedule.escalationLevel desc, schedule.dueAt",
                CaseState.OPEN, label)).page(0, limit).list();
    }

    /** Resolved, unrated cases with a resident to call, resolved before {@code before} and not called yet, oldest first. */
    public List<ServiceCase> callBacksDue(java.time.Instant before, int limit) {
        return callBacksDue(before, limit, null);
    }

    /** As {@link #callBacksDue(java.time.Instant, int)}, only the cases that carry the label when one is given. */
    public List<ServiceCase> callBacksDue(java.time.Instant before, int limit, Long label) {
        String due = "state = ?1 and resolvedAt <= ?2 and phone is not null and followUp.callBackResult is null";
        return (label == null ? find(due + " order by resolvedAt, id", CaseState.RESOLVED, before)
                : find(due + " and " + LABELLED + " ?3) order by resolvedAt, id", CaseState.RESOLVED, before, label))
                .page(0, limit).list();
    }

    /** Closed cases owing a 复查 (a 差评件 or a hot spot's parent case, not yet verified), oldest resolution first. */
    public List<ServiceCase> reviewsDue(int limit) {
        return find("""
                state in ?1 and (flagged = true or channel = ?2) and (followUp.reviewPassed is null or followUp.reviewPassed = false)
                order by resolvedAt, id""", List.of(CaseState.RESOLVED, CaseState.RATED), ServiceCase.HOTSPOT_CHANNEL)
                .page(0, limit).list();
    }
}
