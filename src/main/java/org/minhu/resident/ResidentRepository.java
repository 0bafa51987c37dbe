package org.minhu.resident;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ResidentRepository implements PanacheRepository<Resident> {

    public Optional<Resident> findByPhone(String phone) {
        return find("phone", phone).firstResultOptional();
    }

    /** The resident's row, locked for this transaction: one resident's messages are handled one at a time. */
    public Optional<Resident> lockByPhone(String phone) {
        return find("phone", phone).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
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
