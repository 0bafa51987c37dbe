package org.minhu.console;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.minhu.security.StaffDirectory;
import org.minhu.security.StaffUser;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Staff as people: the name a login stands for (李强, not {@code handler}), wherever the console
 * shows who did or holds something. The accounts are read again at most every 30 seconds.
 * Templates reach it as {@code inject:people}.
 */
@ApplicationScoped
@Named("people")
public class People {

    /** Actors in a case's history that are not people. */
    static final Map<String, String> MACHINES = Map.of("system", "系统", "hotspot", "热点预警", "open311", "网上诉求接口");

    static final Duration REFRESH = Duration.ofSeconds(30);

    private final StaffDirectory directory;
    private final Clock clock;
    private volatile Map<String, StaffUser> byUsername = Map.of();
    private volatile Instant readAt = Instant.EPOCH;

    public People(StaffDirectory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    /** The person's display name, or the login itself for an account that is gone; "系统" for the system. */
    public String name(String username) {
        if (username == null || username.isBlank()) {
            return "";
        }
        String machine = MACHINES.get(username);
        if (machine != null) {
            return machine;
        }
        StaffUser user = accounts().get(username);
        return user == null ? username : user.getDisplayName();
    }

    /** A person's work phone, or "" when none is on file. */
    public String phone(String username) {
        StaffUser user = username == null ? null : accounts().get(username);
        return user == null || user.getPhone() == null ? "" : user.getPhone();
    }

    /** The active handlers of a unit, for assigning or passing a case on, by login. */
    public List<StaffUser> ofUnit(String unit) {
        return accounts().values().stream().filter(StaffUser::isActive)
                .filter(u -> u.getRole() == org.minhu.security.Role.HANDLER)
                .filter(u -> unit != null && unit.equals(u.getUnit()))
                .sorted(java.util.Comparator.comparing(StaffUser::getUsername)).toList();
    }

    /** Active staff who answer live chats (operators, supervisors, admins). */
    public List<StaffUser> chatting() {
        return accounts().values().stream().filter(StaffUser::isActive)
                .filter(u -> u.getRole() != org.minhu.security.Role.HANDLER)
                .sorted(java.util.Comparator.comparing(StaffUser::getUsername)).toList();
    }

    public boolean exists(String username) {
        return username != null && accounts().containsKey(username);
    }

    /** Forget what was read: the next name is read from the accounts again. */
    public void refresh() {
        readAt = Instant.EPOCH;
    }

    private Map<String, StaffUser> accounts() {
        Instant now = clock.instant();
        if (Duration.between(readAt, now).compareTo(REFRESH) > 0 || readAt.isAfter(now)) {
            Map<String, StaffUser> read = new HashMap<>();
            QuarkusTransaction.joiningExisting().call(directory::all).forEach(u -> read.put(u.getUsername(), u));
            byUsername = Map.copyOf(read);
            readAt = now;
        }
        return byUsername;
    }
}
