package com.paystream.accounts.account;

import com.paystream.events.ConsumerGroup;
import com.paystream.events.ConsumerGroups;
import com.paystream.events.InboundHeldPaymentReleased;
import com.paystream.infrastructure.subscription.EventContext;
import com.paystream.infrastructure.subscription.Reaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** An operator released a held inbound payment: check its account and credit it. */
@ApplicationScoped
public class CreditOnHeldPaymentReleased implements Reaction<InboundHeldPaymentReleased> {
    @Inject
    CreditInboundPayment credit;

    @Override
    public ConsumerGroup<InboundHeldPaymentReleased> consumerGroup() {
        return ConsumerGroups.CREDIT_ON_HELD_PAYMENT_RELEASED;
    }

    /** Events for one account are handled one at a time here, so two credits never race on its stream. */
    @Override
    public String orderingKey(InboundHeldPaymentReleased event) {
        return CreditInboundPayment.accountOf(event.details());
    }

    @Override
    public void react(InboundHeldPaymentReleased event, EventContext context) {
        credit.credit(event.paymentId(), event.details(), context);
    }
}
