package org.minhu.cases;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class CaseAdditionRepository implements PanacheRepository<CaseAddition> {

    /** Oldest first. */
    public List<CaseAddition> forCase(Long caseId) {
        return list("caseId = ?1 order by id", caseId);
    }
}
