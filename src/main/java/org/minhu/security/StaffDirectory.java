package org.minhu.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.minhu.common.ProblemException;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The console's accounts: checks a password, finds an active account, creates one. */
@ApplicationScoped
@Transactional
public class StaffDirectory {

    public static final int MIN_PASSWORD = 8;

    private final StaffUserRepository users;
    private final Clock clock;

    public StaffDirectory(StaffUserRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    /** The account if the name and password match an active user; empty otherwise, in the same time either way. */
    public Optional<StaffAccount> authenticate(String username, String password) {
        if (username == null || password == null) {
            return Optional.empty();
        }
        Optional<StaffUser> user = users.findByUsername(username.strip());
        if (user.isEmpty()) {
            Passwords.spendTheSameTime(password);
            return Optional.empty();
        }
        StaffUser found = user.get();
        if (!Passwords.matches(password, found.getPasswordHash()) || !found.isActive()) {
            return Optional.empty();
        }
        return Optional.of(found.account());
    }

    /** The account behind a session cookie, while it is still active: a deactivated user is out at once. */
    public Optional<StaffAccount> active(String username) {
        return users.findByUsername(username).filter(StaffUser::isActive).map(StaffUser::account);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StaffUser> all() {
        return users.allByName();
    }

    public boolean exists(String username) {
        return users.findByUsername(username).isPresent();
    }

    public StaffAccount create(String username, String password, Role role, String unit, String displayName) {
        if (username == null || !username.matches("[a-z][a-z0-9._-]{1,63}")) {
            throw ProblemException.badRequest("username", "a username is 2–64 of a-z, 0-9, '.', '_' and '-', starting with a letter");
        }
        if (password == null || password.length() < MIN_PASSWORD) {
            throw ProblemException.badRequest("password", "a password has at least " + MIN_PASSWORD + " characters");
        }
        if (role == null) {
            throw ProblemException.badRequest("role", "role is required");
        }
        if (role == Role.HANDLER && (unit == null || unit.isBlank())) {
            throw ProblemException.badRequest("unit", "a handler works for a unit");
        }
        if (users.findByUsername(username).isPresent()) {
            throw ProblemException.conflict("user " + username + " exists");
        }
        String name = displayName == null || displayName.isBlank() ? username : displayName.strip();
        StaffUser user = new StaffUser(username, Passwords.hash(password), role,
                unit == null || unit.isBlank() ? null : unit.strip(), name, clock.instant());
        users.persist(user);
        return user.account();
    }

    public void setActive(String username, boolean active) {
        users.findByUsername(username).orElseThrow(() -> ProblemException.notFound("no user " + username))
                .setActive(active);
    }

    public void changePassword(String username, String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw ProblemException.badRequest("password", "a password has at least " + MIN_PASSWORD + " characters");
        }
        users.findByUsername(username).orElseThrow(() -> ProblemException.notFound("no user " + username))
                .changePassword(Passwords.hash(password));
    }
}
