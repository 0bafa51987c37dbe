package org.minhu.security;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class StaffUserRepository implements PanacheRepository<StaffUser> {

    public Optional<StaffUser> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }

    /** The account's row, locked for this transaction, so that wrong passwords tried at once all count. */
    public Optional<StaffUser> lockByUsername(String username) {
        return find("username", username).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public List<StaffUser> allByName() {
        return list("order by role, username");
    }
}
