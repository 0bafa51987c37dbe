package org.minhu.security;

/** What the console knows about a signed-in person: never the password hash. */
public record StaffAccount(String username, Role role, String unit, String displayName, boolean unitHead) {
}
