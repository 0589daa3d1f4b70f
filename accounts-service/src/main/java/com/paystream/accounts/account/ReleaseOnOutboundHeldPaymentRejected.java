package com.paystream.accounts.account;

import com.paystream.events.ConsumerGroup;
import com.paystream.events.ConsumerGroups;
import com.paystream.events.OutboundHeldPaymentRejected;
import com.paystream.infrastructure.subscription.EventContext;
import com.paystream.infrastructure.subscription.Reaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** An operator rejected a held outbound payment: give its reservation back; the payment fails. */
@ApplicationScoped
public class ReleaseOnOutboundHeldPaymentRejected implements Reaction<OutboundHeldPaymentRejected> {
    @Inject
    OutboundOutcomes outcomes;

    @Override
    public ConsumerGroup<OutboundHeldPaymentRejected> consumerGroup() {
        return ConsumerGroups.RELEASE_ON_OUTBOUND_HELD_PAYMENT_REJECTED;
    }

    /** Events for one account are handled one at a time here, so two changes never race on its stream. */
    @Override
    public String orderingKey(OutboundHeldPaymentRejected event) {
        return event.details().accountId();
    }

    @Override
    public void react(OutboundHeldPaymentRejected event, EventContext context) {
        outcomes.release(event.paymentId(), event.details(), "Rejected after sanctions review: " + event.reason(),
                context);
    }
}
