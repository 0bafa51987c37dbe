package org.minhu.cases;

import io.quarkus.security.identity.SecurityIdentity;
import org.minhu.security.Role;
import org.minhu.security.StaffIdentities;

import java.util.Arrays;
import java.util.Optional;

/**
 * A signed-in member of staff as the case rules see them: the name written into the history, the
 * role, the unit a handler works for (null for roles that are not kept to a unit), and whether they head it.
 */
public record Staff(String username, Role role, String unit, boolean unitHead) {

    public Staff(String username, Role role, String unit) {
        this(username, role, unit, false);
    }

    /** The staff member behind a request, or empty for an anonymous one or one with no staff role. */
    public static Optional<Staff> of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return Optional.empty();
        }
        return Arrays.stream(Role.values()).filter(r -> identity.hasRole(r.id())).findFirst()
                .map(role -> new Staff(identity.getPrincipal().getName(), role,
                        identity.getAttribute(StaffIdentities.UNIT),
                        Boolean.TRUE.equals(identity.getAttribute(StaffIdentities.UNIT_HEAD))));
    }
}
