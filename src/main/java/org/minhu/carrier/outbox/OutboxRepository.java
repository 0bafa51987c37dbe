package org.minhu.carrier.outbox;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class OutboxRepository implements PanacheRepository<OutboundMessage> {

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
