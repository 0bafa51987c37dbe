package org.minhu.open311;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
public class Open311RequestRepository implements PanacheRepositoryBase<Open311Request, Long> {

    /** By case id; cases that did not come through Open311 have none. */
    public Map<Long, Open311Request> forCases(Collection<Long> caseIds) {
        if (caseIds.isEmpty()) {
            return Map.of();
        }
        return list("caseId in ?1", caseIds).stream()
                .collect(Collectors.toMap(Open311Request::getCaseId, Function.identity()));
    }
}
