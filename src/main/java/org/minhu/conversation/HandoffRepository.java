package org.minhu.conversation;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Optional;

@ApplicationScoped
public class HandoffRepository implements PanacheRepository<Handoff> {

    public Optional<Handoff> openFor(String phone) {
        return find("phone = ?1 and closedAt is null order by id", phone).firstResultOptional();
    }

    /** How many open requests were made before this one: the resident's place in the queue. */
    public long ahead(Handoff handoff) {
        return count("closedAt is null and takenBy is null and id < ?1", handoff.getId());
    }

    public void closeFor(String phone, Instant at) {
        openFor(phone).ifPresent(h -> h.close(at));
    }
}
