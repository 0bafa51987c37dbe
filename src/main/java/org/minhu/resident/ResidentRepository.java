package org.minhu.resident;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ResidentRepository implements PanacheRepository<Resident> {

    public Optional<Resident> findByPhone(String phone) {
        return find("phone", phone).firstResultOptional();
    }

    /**
     * The resident's row, locked for this transaction: one resident's messages are handled one at a time.
     * Every turn starts here, so a resident seen before is loaded by id (a row is never deleted and its
     * phone never changes), which spares Hibernate a query to build and run; the first time, by phone.
     */
    public Optional<Resident> lockByPhone(String phone) {
        Long id = ids.get(phone);
        if (id != null) {
            Resident known = getEntityManager().find(Resident.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (known != null) {
                return Optional.of(known);
            }
        }
        Optional<Resident> found = find("phone", phone).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
        found.ifPresent(r -> ids.put(phone, r.getId()));
        return found;
    }

    /** Ids of the residents who wrote lately, by phone: the most recent {@value #KNOWN_IDS}. */
    private static final int KNOWN_IDS = 10_000;
    private final Map<String, Long> ids = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > KNOWN_IDS;
        }
    });

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
