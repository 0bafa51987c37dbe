package org.minhu.security;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.minhu.common.ProblemException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The console's accounts: checks a password, finds an active account, creates one. */
@ApplicationScoped
@Transactional
public class StaffDirectory {

    public static final int MIN_PASSWORD = 8;

    private final StaffUserRepository users;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lock;

    public StaffDirectory(StaffUserRepository users, Clock clock,
                          SecurityConfig config) {
        this.users = users;
        this.clock = clock;
        this.maxFailures = config.signIn().maxFailures();
        this.lock = config.signIn().lock();
    }

    /**
     * The account if the name and password match an active user; empty otherwise, in the same time either way.
     * After {@code minhu.security.sign-in.max-failures} wrong passwords in a row the account accepts none,
     * not even the right one, for {@code minhu.security.sign-in.lock}; an admin setting a new password unlocks it.
     */
    public Optional<StaffAccount> authenticate(String username, String password) {
        if (username == null || password == null) {
            return Optional.empty();
        }
        Optional<StaffUser> user = users.lockByUsername(username.strip());
        if (user.isEmpty()) {
            Passwords.spendTheSameTime(password);
            return Optional.empty();
        }
        StaffUser found = user.get();
        Instant now = clock.instant();
        String proof = proof(found.getUsername(), password, found.getPasswordHash());
        boolean matches = verified(proof) || Passwords.matches(password, found.getPasswordHash());
        if (found.isLocked(now)) {
            Log.warnf("sign-in refused: account %s is locked until %s", found.getUsername(), found.getLockedUntil());
            return Optional.empty();
        }
        if (!matches) {
            found.failedSignIn(maxFailures, lock, now);
            if (found.isLocked(now)) {
                Log.warnf("account %s locked until %s after %d wrong passwords in a row", found.getUsername(),
                        found.getLockedUntil(), maxFailures);
            }
            return Optional.empty();
        }
        if (!found.isActive()) {
            return Optional.empty();
        }
        found.clearFailures();
        remember(proof);
        return Optional.of(found.account());
    }

    /**
     * Passwords checked right recently, so that an API client sending HTTP Basic with every request
     * does not cost a bcrypt check each time (a tenth of a second of CPU: reading a notice's progress
     * once a second took a fifth of the service's samples, docs/BENCHMARKS.md). Kept as SHA-256 of the name, the password and the
     * stored hash: a changed password changes the hash and misses; only successes are kept, so a wrong
     * password always costs the full check and counts towards the lock; lock and active are checked on
     * every request as before. At most {@value #VERIFIED_MAX} entries, each for {@link #VERIFIED_FOR}.
     */
    private static final int VERIFIED_MAX = 1_000;
    private static final Duration VERIFIED_FOR = Duration.ofMinutes(5);
    private final java.util.concurrent.ConcurrentHashMap<String, Long> verified = new java.util.concurrent.ConcurrentHashMap<>();

    private static String proof(String username, String password, String hash) {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {username, password, hash == null ? "" : hash}) {
                sha.update(part.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return java.util.Base64.getEncoder().encodeToString(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private boolean verified(String proof) {
        Long until = verified.get(proof);
        return until != null && System.nanoTime() - until < 0;
    }

    private void remember(String proof) {
        if (verified.size() >= VERIFIED_MAX) {
            verified.clear();
        }
        verified.put(proof, System.nanoTime() + VERIFIED_FOR.toNanos());
    }

    /** The account behind a session cookie, while it is still active: a deactivated user is out at once. */
    public Optional<StaffAccount> active(String username) {
        return users.findByUsername(username).filter(StaffUser::isActive).map(StaffUser::account);
    }

    /** The account behind a session cookie, if it is active and the session was signed in at its current session version. */
    public Optional<StaffAccount> activeSession(String username, int version) {
        return users.findByUsername(username).filter(StaffUser::isActive).filter(u -> u.getSessionVersion() == version)
                .map(StaffUser::account);
    }

    /** The current session version of an account (what a new sign-in carries). */
    public int sessionVersion(String username) {
        return users.findByUsername(username).map(StaffUser::getSessionVersion).orElse(-1);
    }

    /** Ends every session of the account, on every instance, at its next request. */
    public void endSessions(String username) {
        users.findByUsername(username).ifPresent(StaffUser::endSessions);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StaffUser> all() {
        return users.allByName();
    }

    public boolean exists(String username) {
        return users.findByUsername(username).isPresent();
    }

    public StaffAccount create(String username, String password, Role role, String unit, String displayName) {
        return create(username, password, role, unit, displayName, null, false);
    }

    /**
     * A new account; {@code unitHead} only for a handler (a unit's head hands its cases to colleagues),
     * {@code phone} optional (digits, spaces, + and -).
     */
    public StaffAccount create(String username, String password, Role role, String unit, String displayName,
                               String phone, boolean unitHead) {
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
        if (role == Role.GRID && (unit == null || unit.isBlank())) {
            throw ProblemException.badRequest("unit", "a grid worker works in a grid (its name, as in the dispatch rules)");
        }
        if (unitHead && role != Role.HANDLER) {
            throw ProblemException.badRequest("unitHead", "只有承办人可以是单位负责人");
        }
        String workPhone = phone == null || phone.isBlank() ? null : phone.strip();
        if (workPhone != null && !workPhone.matches("[+0-9][0-9 -]{2,30}")) {
            throw ProblemException.badRequest("phone", "电话只能包含数字、空格、+ 和 -");
        }
        if (users.findByUsername(username).isPresent()) {
            throw ProblemException.conflict("user " + username + " exists");
        }
        String name = displayName == null || displayName.isBlank() ? username : displayName.strip();
        StaffUser user = new StaffUser(username, Passwords.hash(password), role,
                unit == null || unit.isBlank() ? null : unit.strip(), name, workPhone, unitHead, clock.instant());
        users.persist(user);
        return user.account();
    }

    /**
     * A colleague a case of {@code unit} can be handed to: an active handler of exactly that unit.
     * 400 (in Chinese, for the page) for anyone else.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public StaffUser colleague(String username, String unit) {
        return users.findByUsername(username == null ? "" : username.strip())
                .filter(StaffUser::isActive)
                .filter(u -> u.getRole() == Role.HANDLER && u.getUnit() != null && u.getUnit().equals(unit))
                .orElseThrow(() -> ProblemException.badRequest("assignee", "承办人须是本单位在岗的承办人员"));
    }

    /** The name a login stands for (城建办 李强), or the login itself for an account that is gone. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String displayName(String username) {
        return users.findByUsername(username).map(StaffUser::getDisplayName).orElse(username);
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

    /**
     * The number deadline reminders are texted to (a mobile number, stored as tel:+86…; blank for
     * none) and whether the person heads their unit (部门负责人, told of its escalations).
     */
    public void setContact(String username, String phone, boolean unitHead) {
        StaffUser user = users.findByUsername(username).orElseThrow(() -> ProblemException.notFound("没有账号 " + username));
        user.setContact(staffPhone(phone), unitHead);
    }

    /** A mobile number as typed (13800138000, +86 138 0013 8000, tel:+8613800138000) in the form the carrier takes, or null for blank. */
    static String staffPhone(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        String digits = phone.strip().replaceFirst("^tel:", "").replaceAll("[\\s-]", "");
        if (digits.matches("1[3-9][0-9]{9}")) {
            return "tel:+86" + digits;
        }
        if (digits.matches("\\+861[3-9][0-9]{9}")) {
            return "tel:" + digits;
        }
        throw ProblemException.badRequest("phone", "手机号应为 11 位，例如 13800138000");
    }
}
