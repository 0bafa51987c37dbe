package org.minhu.resident;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionSynchronizationRegistry;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ResidentRepository implements PanacheRepository<Resident> {

    @Inject
    DataSource db;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** Where a transaction keeps the resident its turn read ({@link #current}). */
    private static final Object TURN = new Object();

    public Optional<Resident> findByPhone(String phone) {
        return find("phone", phone).firstResultOptional();
    }

    /**
     * The resident's entity, its row locked for this transaction, for the console's changes to a
     * conversation (a turn uses {@link #lockForTurn}).
     */
    public Optional<Resident> lockByPhone(String phone) {
        return find("phone", phone).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /**
     * A conversation turn's resident: the row locked for the transaction (one resident's messages are
     * handled one at a time) and read on the transaction's own connection, without Hibernate, which
     * would build, snapshot and at commit dirty-check an entity for the one row a turn changes.
     * {@link #writeTurn} writes what the turn changed. Code the turn calls finds this object with
     * {@link #current}, and changes the resident through it, not through an entity.
     */
    public Optional<Resident> lockForTurn(String phone) {
        try (Connection c = db.getConnection();
             PreparedStatement select = c.prepareStatement("select " + Resident.TURN_COLUMNS
                     + " from resident where phone = ? for update")) {
            select.setString(1, phone);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                Resident resident = Resident.forTurn(row);
                transactions.putResource(TURN, resident);
                return Optional.of(resident);
            }
        } catch (SQLException e) {
            throw new PersistenceException("resident of " + phone + " not read for a turn", e);
        }
    }

    /**
     * Writes a resident {@link #lockForTurn} read, when the turn changed any of it: one statement, none
     * when nothing changed. Every column a turn may change is written: the row has been locked since
     * it was read, so no other transaction can have written one of them in between (a delivery
     * report's update waits for the turn to commit, then writes only its own column).
     */
    public void writeTurn(Resident resident) {
        Resident.Columns before = resident.readForTurn();
        if (before == null) {
            throw new IllegalArgumentException("resident " + resident.getId() + " was not read for a turn");
        }
        Resident.Columns after = resident.columns();
        if (after.equals(before)) {
            return;
        }
        try (Connection c = db.getConnection();
             PreparedStatement update = c.prepareStatement("""
                     update resident set capability = ?, language = ?, sms_options = ?, conversation_state = ?,
                         with_agent = ?, capability_evidence = ?, updated_at = ? where id = ?""")) {
            update.setString(1, after.capability().name());
            update.setString(2, after.language());
            update.setString(3, after.smsOptions());
            update.setString(4, after.conversationState());
            update.setBoolean(5, after.withAgent());
            update.setObject(6, after.capabilityEvidence(), Types.BIGINT);
            update.setTimestamp(7, Timestamp.from(resident.getUpdatedAt()));
            update.setLong(8, resident.getId());
            update.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("resident " + resident.getId() + " not written after a turn", e);
        }
    }

    /**
     * The resident as this transaction holds it: the turn's ({@link #lockForTurn}), so that what code
     * called during the turn changes (a hand-over, a message's options) is what the turn writes; else
     * the entity.
     */
    public Optional<Resident> current(String phone) {
        if (transactions.getTransactionKey() != null
                && transactions.getResource(TURN) instanceof Resident turns && turns.getPhone().equals(phone)) {
            return Optional.of(turns);
        }
        return findByPhone(phone);
    }

    /** What the phone can show, without loading the resident (whose conversation state can be large). */
    public Resident.Capability capabilityOf(String phone) {
        return getEntityManager()
                .createQuery("select r.capability from Resident r where r.phone = :phone", Resident.Capability.class)
                .setParameter("phone", phone)
                .getResultStream().findFirst().orElse(Resident.Capability.UNKNOWN);
    }

    /**
     * Creates the resident on their first message. Two first pushes racing each other: the second
     * insert fails on the unique phone, and the caller tries its transaction again.
     */
    public void ensureExists(String phone, String conversationId, Instant now) {
        if (count("phone", phone) > 0) {
            return;
        }
        getEntityManager().createNativeQuery("""
                insert into resident (phone, capability, language, conversation_id, created_at, updated_at)
                values (?1, 'UNKNOWN', 'zh-CN', ?2, ?3, ?3)""")
                .setParameter(1, phone)
                .setParameter(2, conversationId == null ? "c-" + UUID.randomUUID() : conversationId)
                .setParameter(3, now)
                .executeUpdate();
    }
}
