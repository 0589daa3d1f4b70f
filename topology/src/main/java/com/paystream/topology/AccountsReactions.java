package com.paystream.topology;

import com.paystream.events.InboundHeldPaymentReleased;
import com.paystream.events.InboundPaymentSanctionsCleared;
import com.paystream.events.OutboundHeldPaymentRejected;
import com.paystream.events.OutboundPaymentRefusedByScheme;
import com.paystream.events.OutboundPaymentReturnedByScheme;
import com.paystream.events.OutboundPaymentSettled;

import java.util.List;

/** The consumer groups of accounts-service's reactions. */
public final class AccountsReactions {
    public static final ConsumerGroup<InboundPaymentSanctionsCleared> CREDIT_ON_SANCTIONS_CLEARED =
            new ConsumerGroup<>("accounts.credit-on-sanctions-cleared", InboundPaymentSanctionsCleared.class);
    public static final ConsumerGroup<InboundHeldPaymentReleased> CREDIT_ON_HELD_PAYMENT_RELEASED =
            new ConsumerGroup<>("accounts.credit-on-held-payment-released", InboundHeldPaymentReleased.class);
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

    static final List<ConsumerGroup<?>> ALL = List.of(CREDIT_ON_SANCTIONS_CLEARED, CREDIT_ON_HELD_PAYMENT_RELEASED,
            DEBIT_ON_OUTBOUND_SETTLED, RELEASE_ON_OUTBOUND_HELD_PAYMENT_REJECTED,
            RELEASE_ON_OUTBOUND_REFUSED_BY_SCHEME, REFUND_ON_OUTBOUND_RETURNED_BY_SCHEME);

    private AccountsReactions() {
    }
}
