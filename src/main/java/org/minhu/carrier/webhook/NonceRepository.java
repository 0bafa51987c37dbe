package org.minhu.carrier.webhook;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** Nonces of accepted pushes, kept for twice the freshness window so a replay inside it is refused. */
@ApplicationScoped
public class NonceRepository {

    private final DataSource db;

    public NonceRepository(DataSource db) {
        this.db = db;
    }

    /**
     * Records a nonce; false when it was seen before. Runs in the caller's transaction, on its JDBC
     * connection (a push's store opens no Hibernate session). One statement: a nonce already stored,
     * or stored by a concurrent push that commits first, inserts nothing.
     */
    public boolean claim(String nonce, Instant now) {
        return claimAll(List.of(nonce), now)[0];
    }

    /**
     * Records the nonces of pushes stored together, in one batch in the caller's transaction; false for
     * each nonce seen before, or earlier in the same list.
     */
    public boolean[] claimAll(List<String> nonces, Instant now) {
        boolean[] fresh = new boolean[nonces.size()];
        try (Connection c = db.getConnection();
             PreparedStatement insert = c.prepareStatement(
                     "insert into push_nonce (nonce, seen_at) values (?, ?) on conflict do nothing")) {
            Timestamp at = Timestamp.from(now);
            for (String nonce : nonces) {
                insert.setString(1, nonce);
                insert.setTimestamp(2, at);
                insert.addBatch();
            }
            int[] counts = insert.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                fresh[i] = counts[i] != 0; // SUCCESS_NO_INFO (-2) is an insert too
            }
            return fresh;
        } catch (SQLException e) {
            throw new PersistenceException("recording the nonces failed", e);
        }
    }

    @Transactional
    public int forgetBefore(Instant cutoff) {
        return Panache.getEntityManager().createNativeQuery("delete from push_nonce where seen_at < ?1")
                .setParameter(1, cutoff)
                .executeUpdate();
    }
}
