package org.minhu.carrier.inbound;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class InboundMessageRepository implements PanacheRepository<InboundMessage> {

    public boolean existsByMessageId(String messageId) {
        return count("messageId", messageId) > 0;
    }

    public Optional<InboundMessage> nextPending(String phone) {
        return nextPending(phone, 1).stream().findFirst();
    }

    /** The resident's oldest unhandled messages, at most {@code limit}. */
    public List<InboundMessage> nextPending(String phone, int limit) {
        return find("phone = ?1 and processedAt is null order by id", phone).page(0, limit).list();
    }

    /** Residents with messages stored but not yet handled, oldest first: what a restart must finish. */
    public List<String> phonesWithPending(Instant receivedBefore, int limit) {
        return getEntityManager().createQuery("""
                        select m.phone from InboundMessage m
                        where m.processedAt is null and m.receivedAt < :before
                        group by m.phone order by min(m.id)""", String.class)
                .setParameter("before", receivedBefore)
                .setMaxResults(limit)
                .getResultList();
    }

    public List<InboundMessage> forPhone(String phone) {
        return list("phone = ?1 order by id", phone);
    }
}
