package org.minhu.carrier.webhook;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;

/** Nonces of accepted pushes, kept for twice the freshness window so a replay inside it is refused. */
@ApplicationScoped
public class NonceRepository {

    /**
     * Records a nonce; false when it was seen before. Runs in the caller's transaction. One statement:
     * a nonce already stored, or stored by a concurrent push that commits first, inserts nothing.
     */
    public boolean claim(String nonce, Instant now) {
        return Panache.getEntityManager()
                .createNativeQuery("insert into push_nonce (nonce, seen_at) values (?1, ?2) on conflict do nothing")
                .setParameter(1, nonce)
                .setParameter(2, now)
                .executeUpdate() == 1;
    }

    @Transactional
    public int forgetBefore(Instant cutoff) {
        return Panache.getEntityManager().createNativeQuery("delete from push_nonce where seen_at < ?1")
                .setParameter(1, cutoff)
                .executeUpdate();
    }
}
