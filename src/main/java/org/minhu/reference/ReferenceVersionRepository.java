package org.minhu.reference;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stored versions of the reference documents. Its own transactions, since the documents are
 * read while beans start and from a scheduled check, outside any request.
 */
@ApplicationScoped
@Transactional
public class ReferenceVersionRepository implements PanacheRepository<ReferenceVersion> {

    public Optional<ReferenceVersion> latest(String name) {
        return find("name = ?1 order by version desc", name).firstResultOptional();
    }

    public Optional<ReferenceVersion> find(String name, int version) {
        return find("name = ?1 and version = ?2", name, version).firstResultOptional();
    }

    /** The latest versions first. */
    public List<ReferenceVersion> history(String name, int limit) {
        return find("name = ?1 order by version desc", name).range(0, limit - 1).list();
    }

    /** The highest version of each document that has one. */
    public Map<String, Integer> latestVersions() {
        List<Object[]> rows = getEntityManager()
                .createQuery("select v.name, max(v.version) from ReferenceVersion v group by v.name", Object[].class)
                .getResultList();
        Map<String, Integer> versions = new HashMap<>();
        for (Object[] row : rows) {
            versions.put((String) row[0], ((Number) row[1]).intValue());
        }
        return versions;
    }

    /** Adds a version; the unique (name, version) refuses a second writer of the same version. */
    public void append(ReferenceVersion version) {
        persistAndFlush(version);
    }
}
