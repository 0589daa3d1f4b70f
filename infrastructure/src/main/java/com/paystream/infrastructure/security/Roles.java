package com.paystream.infrastructure.security;

/**
 * The realm roles a token from the bank's identity provider can carry ({@code realm_access.roles}). People and the
 * programs that call the services are defined in the identity provider, never in the code (see docs/security.md):
 * every endpoint names the roles that may call it.
 */
public final class Roles {
    /** A customer of the bank: their own accounts only (another customer's is a 404, never a 403). */
    public static final String CUSTOMER = "customer";
    /** Opens, blocks, unblocks and closes accounts, sets outbound limits, reads any account. */
    public static final String ACCOUNT_OFFICER = "account-officer";
    /** Releases or rejects held payments, and keeps the sanctions list. */
    public static final String SANCTIONS_OFFICER = "sanctions-officer";
    /** Looks after the plumbing: consumer groups, parked messages and their replay, read-model rebuilds. */
    public static final String OPS = "ops";
    /** Reads everything, changes nothing. */
    public static final String AUDITOR = "auditor";
    /** The Bacs scheme: delivers inbound payments and the settlement and return notices of outbound ones. */
    public static final String SCHEME = "scheme";
    /** The bank's gateway to the scheme: submits outbound payments. */
    public static final String BANK_GATEWAY = "bank-gateway";

    private Roles() {
    }
}
