package com.paystream.accounts.inbound;

import com.paystream.events.InboundHeldPaymentReleased;
import com.paystream.events.InboundPaymentDetails;
import com.paystream.topology.AccountsReactions;
import com.paystream.topology.ConsumerGroup;
import jakarta.enterprise.context.ApplicationScoped;

/** An operator released a held inbound payment: check its account and credit it. */
@ApplicationScoped
class CreditOnHeldPaymentReleased extends CreditReaction<InboundHeldPaymentReleased> {
    @Override
    public ConsumerGroup<InboundHeldPaymentReleased> consumerGroup() {
        return AccountsReactions.CREDIT_ON_HELD_PAYMENT_RELEASED;
    }

    @Override
    InboundPaymentDetails details(InboundHeldPaymentReleased event) {
        return event.details();
    }
}
