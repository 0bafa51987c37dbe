package org.minhu.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a person signed in to the console may do. The names are the roles a {@code SecurityIdentity} carries. */
public enum Role {
    /** Answers residents, registers and dispatches cases, takes live chats. */
    OPERATOR("接线员"),
    /** Works a handling unit's cases, and only that unit's. */
    HANDLER("承办人"),
    /** 网格员: files what they meet on patrol for residents, re-inspects fixes (复查); sees only their grid's cases. */
    GRID("网格员"),
    /** Sees every unit, the figures, the overdue and escalated cases; approves extensions. */
    SUPERVISOR("督办员"),
    /** Everything a supervisor can, plus the accounts and canned replies. */
    ADMIN("管理员");

    public static final String OPERATOR_NAME = "operator";
    public static final String HANDLER_NAME = "handler";
    public static final String SUPERVISOR_NAME = "supervisor";
    public static final String GRID_NAME = "grid";
    public static final String ADMIN_NAME = "admin";

    private final String label;

    Role(String label) {
        this.label = label;
    }

    /** The name used in the database and on the identity, e.g. {@code operator}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return label;
    }

    public static Optional<Role> of(String id) {
        return Arrays.stream(values()).filter(r -> r.id().equals(id)).findFirst();
    }
}
