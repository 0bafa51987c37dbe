package org.minhu.proactive.hotspot;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import org.minhu.common.Databases;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class HotspotAlertRepository implements PanacheRepository<HotspotAlert> {

    private final DataSource db;

    public HotspotAlertRepository(DataSource db) {
        this.db = db;
    }

    /** Hot spots still being worked, the most cases first. */
    public List<HotspotAlert> largestActive(int limit) {
        return find("state in ?1 order by caseCount desc, lastCaseAt desc, id desc", HotspotAlert.ACTIVE).page(0, limit).list();
    }

    public List<HotspotAlert> latest(HotspotAlert.State state, int limit) {
        return (state == null ? find("order by lastCaseAt desc, id desc") : find("state = ?1 order by lastCaseAt desc, id desc", state))
                .page(0, Math.max(1, Math.min(limit, 200))).list();
    }

    public void addCase(Long alertId, Long caseId, Instant at) {
        getEntityManager().createNativeQuery("insert into hotspot_case (case_id, alert_id, joined_at) values (?1, ?2, ?3)")
                .setParameter(1, caseId)
                .setParameter(2, alertId)
                .setParameter(3, at)
                .executeUpdate();
    }

    /** The numbers of the alert's cases, in the order they were filed. */
    public List<String> caseNumbers(Long alertId) {
        return getEntityManager().createQuery("""
                        select c.number from ServiceCase c where c.id in
                        (select h.caseId from HotspotCase h where h.alertId = :alert) order by c.createdAt, c.id""", String.class)
                .setParameter("alert", alertId)
                .getResultList();
    }

    /**
     * Takes the category's lock for the rest of the transaction: cases of one category are
     * clustered one at a time, on every instance. One statement over the transaction's JDBC
     * connection: an upsert locks the row it meets as an update does, and the first case of a
     * category creates the row (a second one filed at that moment waits for it to commit, then
     * locks it). It was an insert if missing and then an update, each a native query through
     * Hibernate, taken for every batch of filings.
     */
    public void lock(String category) {
        try (Connection c = db.getConnection()) {
            try (PreparedStatement lock = c.prepareStatement(Databases.postgres(c)
                    ? "insert into hotspot_lock (category) values (?) on conflict (category) do update set category = excluded.category"
                    : "merge into hotspot_lock (category) key (category) values (?)")) {
                lock.setString(1, category);
                lock.executeUpdate();
            }
        } catch (SQLException e) {
            throw new PersistenceException("the hot-spot lock of " + category + " was not taken", e);
        }
    }
}
