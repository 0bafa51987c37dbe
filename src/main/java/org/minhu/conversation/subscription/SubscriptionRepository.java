package org.minhu.conversation.subscription;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class SubscriptionRepository implements PanacheRepository<Subscription> {

    /** Adds it once; a second tap, even racing the first, changes nothing. True if added. */
    public boolean add(String phone, Subscription.Kind kind, String code, Instant now) {
        return getEntityManager().createNativeQuery("""
                        insert into subscription (phone, kind, code, created_at)
                        values (?1, ?2, ?3, ?4) on conflict do nothing""")
                .setParameter(1, phone)
                .setParameter(2, kind.name())
                .setParameter(3, code)
                .setParameter(4, now)
                .executeUpdate() == 1;
    }

    public boolean remove(String phone, Subscription.Kind kind, String code) {
        return delete("phone = ?1 and kind = ?2 and code = ?3", phone, kind, code) > 0;
    }

    public List<Subscription> of(String phone) {
        return list("phone = ?1 order by kind, code", phone);
    }

    /** Everyone subscribed to this topic or area. */
    public List<String> phonesFor(Subscription.Kind kind, String code) {
        return getEntityManager().createQuery(
                        "select s.phone from Subscription s where s.kind = :kind and s.code = :code order by s.id", String.class)
                .setParameter("kind", kind)
                .setParameter("code", code)
                .getResultList();
    }
}
