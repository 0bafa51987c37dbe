package org.minhu.cases;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class CaseEventRepository implements PanacheRepository<CaseEvent> {

    /** Oldest first. */
    public List<CaseEvent> forCase(Long caseId) {
        return list("caseId = ?1 order by id", caseId);
    }
}
