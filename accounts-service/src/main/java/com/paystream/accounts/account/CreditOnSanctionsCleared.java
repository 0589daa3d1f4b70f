package com.paystream.accounts.account;

import com.paystream.events.ConsumerGroup;
import com.paystream.events.ConsumerGroups;
import com.paystream.events.InboundPaymentSanctionsCleared;
import com.paystream.infrastructure.subscription.EventContext;
import com.paystream.infrastructure.subscription.Reaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** An inbound payment cleared sanctions screening: check its account and credit it. */
@ApplicationScoped
public class CreditOnSanctionsCleared implements Reaction<InboundPaymentSanctionsCleared> {
    @Inject
    CreditInboundPayment credit;

    @Override
    public ConsumerGroup<InboundPaymentSanctionsCleared> consumerGroup() {
        return ConsumerGroups.CREDIT_ON_SANCTIONS_CLEARED;
    }

    /** Events for one account are handled one at a time here, so two credits never race on its stream. */
    @Override
    public String orderingKey(InboundPaymentSanctionsCleared event) {
        return CreditInboundPayment.accountOf(event.details());
    }

    @Override
    public void react(InboundPaymentSanctionsCleared event, EventContext context) {
        credit.credit(event.paymentId(), event.details(), context);
    }
}
