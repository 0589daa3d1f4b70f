package com.paystream.events;

import java.util.List;

/**
 * Every persistent-subscription consumer group of the product, one per reaction. Instances of the same service join
 * the same group and compete for its events. The data seeder creates exactly these groups.
 */
public final class ConsumerGroups {
    public static final ConsumerGroup<InboundPaymentReceived> VALIDATE_ON_RECEIVED =
            new ConsumerGroup<>("payment-scheme.validate-on-received", InboundPaymentReceived.class);
    public static final ConsumerGroup<InboundPaymentValidated> SCREEN_ON_VALIDATED =
            new ConsumerGroup<>("sanctions.screen-on-validated", InboundPaymentValidated.class);
    public static final ConsumerGroup<InboundPaymentSanctionsCleared> CREDIT_ON_SANCTIONS_CLEARED =
            new ConsumerGroup<>("accounts.credit-on-sanctions-cleared", InboundPaymentSanctionsCleared.class);
    public static final ConsumerGroup<InboundHeldPaymentReleased> CREDIT_ON_HELD_PAYMENT_RELEASED =
            new ConsumerGroup<>("accounts.credit-on-held-payment-released", InboundHeldPaymentReleased.class);
    public static final ConsumerGroup<InboundPaymentAccountCheckFailed> RETURN_ON_ACCOUNT_CHECK_FAILED =
            new ConsumerGroup<>("payment-scheme.return-on-account-check-failed",
                    InboundPaymentAccountCheckFailed.class);
    public static final ConsumerGroup<InboundHeldPaymentRejected> FAIL_ON_HELD_PAYMENT_REJECTED =
            new ConsumerGroup<>("payment-scheme.fail-on-held-payment-rejected", InboundHeldPaymentRejected.class);
    /** The scheme (simulator) records the returns it receives. */
    public static final ConsumerGroup<InboundPaymentReturned> SCHEME_RECORD_RETURNS =
            new ConsumerGroup<>("scheme-simulator.record-returns", InboundPaymentReturned.class);


    // the outbound flow
    public static final ConsumerGroup<OutboundPaymentFundsReserved> SCREEN_ON_OUTBOUND_FUNDS_RESERVED =
            new ConsumerGroup<>("sanctions.screen-on-outbound-funds-reserved", OutboundPaymentFundsReserved.class);
    public static final ConsumerGroup<OutboundPaymentSanctionsCleared> SUBMIT_ON_OUTBOUND_SANCTIONS_CLEARED =
            new ConsumerGroup<>("payment-scheme.submit-on-outbound-sanctions-cleared",
                    OutboundPaymentSanctionsCleared.class);
    public static final ConsumerGroup<OutboundHeldPaymentReleased> SUBMIT_ON_OUTBOUND_HELD_PAYMENT_RELEASED =
            new ConsumerGroup<>("payment-scheme.submit-on-outbound-held-payment-released",
                    OutboundHeldPaymentReleased.class);
    public static final ConsumerGroup<OutboundPaymentSettled> DEBIT_ON_OUTBOUND_SETTLED =
            new ConsumerGroup<>("accounts.debit-on-outbound-settled", OutboundPaymentSettled.class);
    public static final ConsumerGroup<OutboundHeldPaymentRejected> RELEASE_ON_OUTBOUND_HELD_PAYMENT_REJECTED =
            new ConsumerGroup<>("accounts.release-on-outbound-held-payment-rejected",
                    OutboundHeldPaymentRejected.class);
    public static final ConsumerGroup<OutboundPaymentRefusedByScheme> RELEASE_ON_OUTBOUND_REFUSED_BY_SCHEME =
            new ConsumerGroup<>("accounts.release-on-outbound-refused-by-scheme",
                    OutboundPaymentRefusedByScheme.class);
    public static final ConsumerGroup<OutboundPaymentReturnedByScheme> REFUND_ON_OUTBOUND_RETURNED_BY_SCHEME =
            new ConsumerGroup<>("accounts.refund-on-outbound-returned-by-scheme",
                    OutboundPaymentReturnedByScheme.class);

    private static final List<ConsumerGroup<?>> ALL = List.of(VALIDATE_ON_RECEIVED, SCREEN_ON_VALIDATED,
            CREDIT_ON_SANCTIONS_CLEARED, CREDIT_ON_HELD_PAYMENT_RELEASED, RETURN_ON_ACCOUNT_CHECK_FAILED,
            FAIL_ON_HELD_PAYMENT_REJECTED, SCHEME_RECORD_RETURNS, SCREEN_ON_OUTBOUND_FUNDS_RESERVED,
            SUBMIT_ON_OUTBOUND_SANCTIONS_CLEARED, SUBMIT_ON_OUTBOUND_HELD_PAYMENT_RELEASED, DEBIT_ON_OUTBOUND_SETTLED,
            RELEASE_ON_OUTBOUND_HELD_PAYMENT_REJECTED, RELEASE_ON_OUTBOUND_REFUSED_BY_SCHEME,
            REFUND_ON_OUTBOUND_RETURNED_BY_SCHEME);

    private ConsumerGroups() {
    }

    public static List<ConsumerGroup<?>> all() {
        return ALL;
    }
}
