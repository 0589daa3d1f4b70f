package com.paystream.accounts.outbound;

import com.paystream.events.OutboundPaymentSettled;
import com.paystream.infrastructure.subscription.EventContext;
import com.paystream.topology.AccountsReactions;
import com.paystream.topology.ConsumerGroup;
import jakarta.enterprise.context.ApplicationScoped;

/** A settled outbound payment leaves the account: debit it once. */
@ApplicationScoped
class DebitOnOutboundSettled extends OutboundOutcomeReaction<OutboundPaymentSettled> {
    @Override
    public ConsumerGroup<OutboundPaymentSettled> consumerGroup() {
        return AccountsReactions.DEBIT_ON_OUTBOUND_SETTLED;
    }

    @Override
    public void react(OutboundPaymentSettled event, EventContext context) {
        outcomes.debit(event.paymentId(), event.details(), context);
    }
}
