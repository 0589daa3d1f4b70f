package com.paystream.accounts.inbound;

import com.paystream.events.InboundPaymentDetails;
import com.paystream.events.InboundPaymentSanctionsCleared;
import com.paystream.topology.AccountsReactions;
import com.paystream.topology.ConsumerGroup;
import jakarta.enterprise.context.ApplicationScoped;

/** An inbound payment cleared sanctions screening: check its account and credit it. */
@ApplicationScoped
class CreditOnSanctionsCleared extends CreditReaction<InboundPaymentSanctionsCleared> {
    @Override
    public ConsumerGroup<InboundPaymentSanctionsCleared> consumerGroup() {
        return AccountsReactions.CREDIT_ON_SANCTIONS_CLEARED;
    }

    @Override
    InboundPaymentDetails details(InboundPaymentSanctionsCleared event) {
        return event.details();
    }
}
