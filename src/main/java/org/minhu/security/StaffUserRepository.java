package org.minhu.security;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class StaffUserRepository implements PanacheRepository<StaffUser> {

    public Optional<StaffUser> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }

    public List<StaffUser> allByName() {
        return list("order by role, username");
    }
}
