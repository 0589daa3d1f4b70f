package com.paystream.accounts.outbound;

import com.paystream.events.OutboundHeldPaymentRejected;
import com.paystream.infrastructure.subscription.EventContext;
import com.paystream.topology.AccountsReactions;
import com.paystream.topology.ConsumerGroup;
import jakarta.enterprise.context.ApplicationScoped;

/** An operator rejected a held outbound payment: give its reservation back; the payment fails. */
@ApplicationScoped
class ReleaseOnOutboundHeldPaymentRejected extends OutboundOutcomeReaction<OutboundHeldPaymentRejected> {
    @Override
    public ConsumerGroup<OutboundHeldPaymentRejected> consumerGroup() {
        return AccountsReactions.RELEASE_ON_OUTBOUND_HELD_PAYMENT_REJECTED;
    }

    @Override
    public void react(OutboundHeldPaymentRejected event, EventContext context) {
        outcomes.release(event.paymentId(), event.details(), "Rejected after sanctions review: " + event.reason(),
                context);
    }
}
