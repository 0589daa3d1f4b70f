package com.paystream.topology;

import com.paystream.events.InboundHeldPaymentRejected;
import com.paystream.events.InboundPaymentAccountCheckFailed;
import com.paystream.events.InboundPaymentReceived;
import com.paystream.events.OutboundHeldPaymentReleased;
import com.paystream.events.OutboundPaymentSanctionsCleared;

import java.util.List;

/** The consumer groups of payment-scheme-service's reactions. */
public final class PaymentSchemeReactions {
    public static final ConsumerGroup<InboundPaymentReceived> VALIDATE_ON_RECEIVED =
            new ConsumerGroup<>("payment-scheme.validate-on-received", InboundPaymentReceived.class);
    public static final ConsumerGroup<InboundPaymentAccountCheckFailed> RETURN_ON_ACCOUNT_CHECK_FAILED =
            new ConsumerGroup<>("payment-scheme.return-on-account-check-failed",
                    InboundPaymentAccountCheckFailed.class);
    public static final ConsumerGroup<InboundHeldPaymentRejected> FAIL_ON_HELD_PAYMENT_REJECTED =
            new ConsumerGroup<>("payment-scheme.fail-on-held-payment-rejected", InboundHeldPaymentRejected.class);
    public static final ConsumerGroup<OutboundPaymentSanctionsCleared> SUBMIT_ON_OUTBOUND_SANCTIONS_CLEARED =
            new ConsumerGroup<>("payment-scheme.submit-on-outbound-sanctions-cleared",
                    OutboundPaymentSanctionsCleared.class);
    public static final ConsumerGroup<OutboundHeldPaymentReleased> SUBMIT_ON_OUTBOUND_HELD_PAYMENT_RELEASED =
            new ConsumerGroup<>("payment-scheme.submit-on-outbound-held-payment-released",
                    OutboundHeldPaymentReleased.class);

    static final List<ConsumerGroup<?>> ALL = List.of(VALIDATE_ON_RECEIVED, RETURN_ON_ACCOUNT_CHECK_FAILED,
            FAIL_ON_HELD_PAYMENT_REJECTED, SUBMIT_ON_OUTBOUND_SANCTIONS_CLEARED,
            SUBMIT_ON_OUTBOUND_HELD_PAYMENT_RELEASED);

    private PaymentSchemeReactions() {
    }
}
