package org.minhu.cases;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class ServiceCaseRepository implements PanacheRepository<ServiceCase> {

    public Optional<ServiceCase> findByNumber(String number) {
        return find("number", number).firstResultOptional();
    }

    /** The case with this number, only if the resident filed it. */
    public Optional<ServiceCase> findOwned(String phone, String number) {
        return find("number = ?1 and phone = ?2", number, phone).firstResultOptional();
    }

    /** A resident's cases: open ones first, then the rest; newest first within each. */
    public List<ServiceCase> forPhone(String phone, int limit) {
        return find("""
                phone = ?1
                order by case when state in ?2 then 0 else 1 end, createdAt desc, id desc""",
                phone, CaseState.OPEN)
                .range(0, limit - 1)
                .list();
    }

    /** Open cases of a category inside a latitude/longitude box: the cheap first cut of a radius search. */
    public List<ServiceCase> openInBox(String category, double minLatitude, double maxLatitude,
                                       double minLongitude, double maxLongitude) {
        return list("""
                category = ?1 and state in ?2
                and latitude between ?3 and ?4 and longitude between ?5 and ?6""",
                category, CaseState.OPEN, minLatitude, maxLatitude, minLongitude, maxLongitude);
    }
}
