package com.paystream.events;

/**
 * Bacs ARUCS (Automated Return of Unapplied Credit Service) reason codes: why a receiving bank returns a credit to
 * the scheme. The event that carries one also carries a free-text detail (e.g. which validation failed).
 */
public enum ReturnReason {
    INVALID_DETAILS("0", "Invalid details"),
    BENEFICIARY_DECEASED("2", "Beneficiary deceased"),
    ACCOUNT_TRANSFERRED("3", "Account transferred"),
    NO_ACCOUNT("5", "No account"),
    ACCOUNT_CLOSED("B", "Account closed"),
    REQUESTED_BY_REMITTER("C", "Requested by remitter");

    private final String code;
    private final String description;

    ReturnReason(String code, String description) {
        this.code = code;
        this.description = description;
    }

    /** The scheme's one-character code. */
    public String code() {
        return code;
    }

    public String description() {
        return description;
    }
}
