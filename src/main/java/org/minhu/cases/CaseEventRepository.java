package org.minhu.cases;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;

@ApplicationScoped
public class CaseEventRepository implements PanacheRepository<CaseEvent> {

    private final DataSource db;

    public CaseEventRepository(DataSource db) {
        this.db = db;
    }

    /** Oldest first. */
    public List<CaseEvent> forCase(Long caseId) {
        return list("caseId = ?1 order by id", caseId);
    }

    /**
     * Appends a just-stored case's first entries, in order, in one batch over the transaction's JDBC
     * connection: the history is append-only and nothing in the filing reads these entries back, so
     * Hibernate need not manage them (each persist was an insert of its own, an identity key read back,
     * and a dirty check at commit).
     */
    void append(ServiceCase serviceCase, List<CaseEvent> entries) {
        try (Connection c = db.getConnection();
             PreparedStatement insert = c.prepareStatement("""
                     insert into case_event (case_id, at, actor, kind, from_state, to_state, note, public_text)
                     values (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (CaseEvent entry : entries) {
                insert.setLong(1, serviceCase.getId());
                insert.setTimestamp(2, Timestamp.from(entry.getAt()));
                insert.setString(3, entry.getActor());
                insert.setString(4, entry.getKind().name());
                setState(insert, 5, entry.getFromState());
                setState(insert, 6, entry.getToState());
                insert.setString(7, entry.getNote());
                insert.setString(8, entry.getPublicText());
                insert.addBatch();
            }
            // one round trip, one entry or two
            insert.executeBatch();
        } catch (SQLException e) {
            throw new PersistenceException("history of case " + serviceCase.getNumber() + " not written", e);
        }
    }

    private static void setState(PreparedStatement insert, int index, CaseState state) throws SQLException {
        if (state == null) {
            insert.setNull(index, Types.VARCHAR);
        } else {
            insert.setString(index, state.name());
        }
    }
}
