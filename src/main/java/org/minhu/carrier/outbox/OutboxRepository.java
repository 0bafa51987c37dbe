package org.minhu.carrier.outbox;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class OutboxRepository implements PanacheRepository<OutboundMessage> {

    /**
     * The oldest unsent message of each resident, where it is due: a resident's later messages
     * wait until the earlier ones are accepted, so they arrive in order.
     */
    public List<Long> dueHeads(Instant now, int limit) {
        return getEntityManager().createQuery("""
                        select o.id from OutboundMessage o
                        where o.id in (select min(w.id) from OutboundMessage w
                                       where w.status in (org.minhu.carrier.outbox.OutboundStatus.PENDING,
                                                          org.minhu.carrier.outbox.OutboundStatus.SENDING)
                                       group by w.phone)
                          and ((o.status = org.minhu.carrier.outbox.OutboundStatus.PENDING and o.nextAttemptAt <= :now)
                            or (o.status = org.minhu.carrier.outbox.OutboundStatus.SENDING and o.leaseUntil < :now))
                        order by o.id""", Long.class)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * The resident's oldest message still waiting to be sent after {@code after}, if it is now their
     * head (nothing earlier waits): what to send next once {@code after} was accepted. The claim
     * decides whether it is due.
     */
    public Long nextWaiting(String phone, Long after) {
        return getEntityManager().createQuery("""
                        select min(o.id) from OutboundMessage o where o.phone = :phone
                        and o.status in (org.minhu.carrier.outbox.OutboundStatus.PENDING,
                                         org.minhu.carrier.outbox.OutboundStatus.SENDING)""", Long.class)
                .setParameter("phone", phone)
                .getResultStream().filter(id -> id != null && id > after).findFirst().orElse(null);
    }

    /** Takes a due message for this worker until the lease ends; false if another worker has it. */
    public boolean claim(Long id, Instant now, Instant leaseUntil) {
        return update("""
                status = ?1, leaseUntil = ?2 where id = ?3
                and ((status = ?4 and nextAttemptAt <= ?5) or (status = ?1 and leaseUntil < ?5))""",
                OutboundStatus.SENDING, leaseUntil, id, OutboundStatus.PENDING, now) == 1;
    }

    /**
     * The message, its row locked for this transaction: the sender recording the platform's answer and
     * delivery reports (which may arrive before that answer) change the same row, and each must see
     * what the other committed, or a status could move backwards.
     */
    public OutboundMessage lockById(Long id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** As {@link #lockById}, by the platform's messageId. */
    public Optional<OutboundMessage> lockByMessageId(String messageId) {
        return find("messageId", messageId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public Optional<OutboundMessage> findByMessageId(String messageId) {
        return find("messageId", messageId).firstResultOptional();
    }

    public boolean hasFallbackFor(Long id) {
        return count("fallbackOf", id) > 0;
    }

    public List<OutboundMessage> forPhone(String phone) {
        return list("phone = ?1 order by id", phone);
    }
}
