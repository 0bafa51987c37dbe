package org.minhu.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** Someone who signs in to the console. Only a bcrypt hash of the password is kept. */
@Entity
@Table(name = "staff_user")
public class StaffUser {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(nullable = false)
    @Enumerated(EnumType.STRING)
    private Role role;

    private String unit;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    /** A work number colleagues call about a case; shown on the case page beside the assignee's name. */
    private String phone;

    /** Heads their unit: hands the unit's cases to colleagues (分派), as a supervisor does. */
    @Column(name = "unit_head", nullable = false)
    private boolean unitHead;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Wrong passwords in a row since the last good one (or the last lock). */
    @Column(name = "failed_sign_ins", nullable = false)
    private int failedSignIns;

    /** Raised to end every session of this account at once (sign-out, new password, deactivation). */
    @Column(name = "session_version", nullable = false)
    private int sessionVersion;

    /** A mobile number deadline reminders are texted to (tel:+86…); null for none. */
    private String mobile;

    /** While in the future, no password is accepted for this account. */
    @Column(name = "locked_until")
    private Instant lockedUntil;

    protected StaffUser() {
    }

    StaffUser(String username, String passwordHash, Role role, String unit, String displayName, String phone,
              boolean unitHead, Instant now) {
        this.username = username;
        this.phone = phone;
        this.unitHead = unitHead;
        this.passwordHash = passwordHash;
        this.role = role;
        this.unit = unit;
        this.displayName = displayName;
        this.active = true;
        this.createdAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    public Role getRole() {
        return role;
    }

    public String getUnit() {
        return unit;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getPhone() {
        return phone;
    }

    public boolean isUnitHead() {
        return unitHead;
    }

    public boolean isActive() {
        return active;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** The reminders' number as the carrier takes it (tel:+8613800138000), or null. */
    public String getMobileUri() {
        return mobile;
    }

    /** The reminders' number as typed in the console (13800138000), or null. */
    public String getMobile() {
        return mobile == null ? null : mobile.replaceFirst("^tel:(\\+86)?", "");
    }

    /** The number reminders are texted to, and whether they head their unit (told of its escalations; hands out its cases). */
    void setContact(String mobile, boolean unitHead) {
        this.mobile = mobile;
        this.unitHead = unitHead;
    }

    void changePassword(String hash) {
        this.passwordHash = hash;
        clearFailures();
        endSessions();
    }

    public int getSessionVersion() {
        return sessionVersion;
    }

    /** Every session signed in before this moment no longer works. */
    void endSessions() {
        sessionVersion++;
    }

    boolean isLocked(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    Instant getLockedUntil() {
        return lockedUntil;
    }

    /** A wrong password: after {@code max} in a row the account is locked for {@code lock}. */
    void failedSignIn(int max, java.time.Duration lock, Instant now) {
        failedSignIns++;
        if (failedSignIns >= max) {
            lockedUntil = now.plus(lock);
            failedSignIns = 0;
        }
    }

    /** A good password, or a new one set by an admin: the count starts again and any lock is lifted. */
    void clearFailures() {
        failedSignIns = 0;
        lockedUntil = null;
    }

    void setActive(boolean active) {
        if (this.active && !active) {
            endSessions();
        }
        this.active = active;
    }

    StaffAccount account() {
        return new StaffAccount(username, role, unit, displayName, unitHead);
    }
}
