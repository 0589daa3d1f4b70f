package com.paystream.accounts.outbound;

import com.paystream.events.OutboundPaymentReturnedByScheme;
import com.paystream.infrastructure.subscription.EventContext;
import com.paystream.topology.AccountsReactions;
import com.paystream.topology.ConsumerGroup;
import jakarta.enterprise.context.ApplicationScoped;

/** The scheme returned the payment: its money comes back to the account. */
@ApplicationScoped
class RefundOnOutboundReturnedByScheme extends OutboundOutcomeReaction<OutboundPaymentReturnedByScheme> {
    @Override
    public ConsumerGroup<OutboundPaymentReturnedByScheme> consumerGroup() {
        return AccountsReactions.REFUND_ON_OUTBOUND_RETURNED_BY_SCHEME;
    }

    @Override
    public void react(OutboundPaymentReturnedByScheme event, EventContext context) {
        outcomes.refund(event.paymentId(), event.details(), "Returned by the scheme ("
                + event.reason().code() + "): " + event.detail(), context);
    }
}
