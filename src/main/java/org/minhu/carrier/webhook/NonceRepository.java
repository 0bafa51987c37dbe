package org.minhu.carrier.webhook;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;

/** Nonces of accepted pushes, kept for twice the freshness window so a replay inside it is refused. */
@ApplicationScoped
public class NonceRepository {

    /**
     * Records a nonce; false when it was seen before. Runs in the caller's transaction; two pushes
     * racing with one nonce make the second insert fail, and its transaction is undone.
     */
    public boolean claim(String nonce, Instant now) {
        var em = Panache.getEntityManager();
        long seen = ((Number) em.createNativeQuery("select count(*) from push_nonce where nonce = ?1")
                .setParameter(1, nonce).getSingleResult()).longValue();
        if (seen > 0) {
            return false;
        }
        em.createNativeQuery("insert into push_nonce (nonce, seen_at) values (?1, ?2)")
                .setParameter(1, nonce)
                .setParameter(2, now)
                .executeUpdate();
        return true;
    }

    @Transactional
    public int forgetBefore(Instant cutoff) {
        return Panache.getEntityManager().createNativeQuery("delete from push_nonce where seen_at < ?1")
                .setParameter(1, cutoff)
                .executeUpdate();
    }
}
