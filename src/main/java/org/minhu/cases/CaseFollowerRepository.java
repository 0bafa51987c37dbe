package org.minhu.cases;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class CaseFollowerRepository implements PanacheRepository<CaseFollower> {

    /** Adds the follower once; a second tap, even racing the first, changes nothing. True if added. */
    public boolean add(Long caseId, String phone, Instant now) {
        return getEntityManager().createNativeQuery("""
                insert into case_follower (case_id, phone, created_at)
                values (?1, ?2, ?3) on conflict do nothing""")
                .setParameter(1, caseId)
                .setParameter(2, phone)
                .setParameter(3, now)
                .executeUpdate() == 1;
    }

    public List<String> phonesFollowing(Long caseId) {
        return find("caseId = ?1 order by id", caseId).stream().map(CaseFollower::getPhone).toList();
    }
}
