package com.paystream.infrastructure.security;

/**
 * The roles an operator's login can carry. Operators are people: each has a login of their own (so every decision
 * names who took it) and the roles their job needs. They are defined outside the code (see the README, "Operators").
 */
public final class OperatorRoles {
    /** Releases or rejects held payments, and keeps the sanctions list. */
    public static final String SANCTIONS_OFFICER = "sanctions-officer";
    /** Looks after the plumbing: consumer groups, parked messages and their replay, read-model rebuilds. */
    public static final String OPS = "ops";

    private OperatorRoles() {
    }
}
