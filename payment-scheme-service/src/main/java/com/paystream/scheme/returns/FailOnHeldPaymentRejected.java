package com.paystream.scheme.returns;

import com.paystream.events.InboundHeldPaymentRejected;
import com.paystream.infrastructure.subscription.EventContext;
import com.paystream.infrastructure.subscription.Reaction;
import com.paystream.topology.ConsumerGroup;
import com.paystream.topology.PaymentSchemeReactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** An operator rejected a held payment after sanctions review: the payment fails; the funds are not returned. */
@ApplicationScoped
public class FailOnHeldPaymentRejected implements Reaction<InboundHeldPaymentRejected> {
    @Inject
    EndInboundPayment end;

    @Override
    public ConsumerGroup<InboundHeldPaymentRejected> consumerGroup() {
        return PaymentSchemeReactions.FAIL_ON_HELD_PAYMENT_REJECTED;
    }

    @Override
    public void react(InboundHeldPaymentRejected event, EventContext context) {
        end.end(event.paymentId(), InboundOutcomeDecider.onHeldPaymentRejected(event, context.created()), context);
    }
}
