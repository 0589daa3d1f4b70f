package com.paystream.events;

/**
 * Persistent-subscription consumer group names, one per reaction. Instances of the same service join the same group
 * and compete for its events.
 */
public final class ConsumerGroups {
    public static final String VALIDATE_ON_RECEIVED = "payment-scheme.validate-on-received";
    public static final String SCREEN_ON_VALIDATED = "sanctions.screen-on-validated";
    public static final String CREDIT_ON_SANCTIONS_CLEARED = "accounts.credit-on-sanctions-cleared";
    public static final String CREDIT_ON_HELD_PAYMENT_RELEASED = "accounts.credit-on-held-payment-released";
    public static final String RETURN_ON_ACCOUNT_CHECK_FAILED = "payment-scheme.return-on-account-check-failed";
    public static final String FAIL_ON_HELD_PAYMENT_REJECTED = "payment-scheme.fail-on-held-payment-rejected";

    private ConsumerGroups() {
    }
}
