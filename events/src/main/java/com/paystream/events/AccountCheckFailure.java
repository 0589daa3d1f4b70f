package com.paystream.events;

/** Why a beneficiary account cannot take a credit, with the ARUCS reason a return carries. */
public enum AccountCheckFailure {
    NO_ACCOUNT(ReturnReason.NO_ACCOUNT),
    ACCOUNT_CLOSED(ReturnReason.ACCOUNT_CLOSED),
    ACCOUNT_BLOCKED(null);

    private final ReturnReason returnReason;

    AccountCheckFailure(ReturnReason returnReason) {
        this.returnReason = returnReason;
    }

    /** The ARUCS reason to return with, or {@code null} when the payment is not returned (a blocked account). */
    public ReturnReason returnReason() {
        return returnReason;
    }
}
