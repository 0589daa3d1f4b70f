package com.paystream.accounts.account;

import com.paystream.events.ConsumerGroup;
import com.paystream.events.ConsumerGroups;
import com.paystream.events.OutboundPaymentSettled;
import com.paystream.infrastructure.subscription.EventContext;
import com.paystream.infrastructure.subscription.Reaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** A settled outbound payment leaves the account: debit it once. */
@ApplicationScoped
public class DebitOnOutboundSettled implements Reaction<OutboundPaymentSettled> {
    @Inject
    OutboundOutcomes outcomes;

    @Override
    public ConsumerGroup<OutboundPaymentSettled> consumerGroup() {
        return ConsumerGroups.DEBIT_ON_OUTBOUND_SETTLED;
    }

    /** Events for one account are handled one at a time here, so two changes never race on its stream. */
    @Override
    public String orderingKey(OutboundPaymentSettled event) {
        return event.details().accountId();
    }

    @Override
    public void react(OutboundPaymentSettled event, EventContext context) {
        outcomes.debit(event.paymentId(), event.details(), context);
    }
}
