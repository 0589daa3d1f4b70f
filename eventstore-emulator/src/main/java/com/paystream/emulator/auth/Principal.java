package com.paystream.emulator.auth;

import java.util.Set;

/** Who a call is from: a user with their groups, or nobody ({@link #ANONYMOUS}: no credentials sent). */
public record Principal(String login, Set<String> groups) {
    public static final String ADMINS = "$admins";
    public static final String OPS = "$ops";
    public static final Principal ANONYMOUS = new Principal(null, Set.of());

    public Principal {
        groups = Set.copyOf(groups);
    }

    public boolean authenticated() {
        return login != null;
    }

    public boolean isAdmin() {
        return groups.contains(ADMINS);
    }

    public boolean isOpsOrAdmin() {
        return isAdmin() || groups.contains(OPS);
    }

    /** Whether {@code role} (a login or a group) names this principal. */
    public boolean has(String role) {
        return authenticated() && (role.equals(login) || groups.contains(role));
    }
}
