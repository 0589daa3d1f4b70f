package com.paystream.scheme.outbound;

import com.paystream.events.OutboundHeldPaymentReleased;
import com.paystream.infrastructure.subscription.EventContext;
import com.paystream.infrastructure.subscription.Reaction;
import com.paystream.topology.ConsumerGroup;
import com.paystream.topology.PaymentSchemeReactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** An operator released a held outbound payment: submit it to the scheme. */
@ApplicationScoped
public class SubmitOnOutboundHeldPaymentReleased implements Reaction<OutboundHeldPaymentReleased> {
    @Inject
    SubmitOutboundPayment submit;

    @Override
    public ConsumerGroup<OutboundHeldPaymentReleased> consumerGroup() {
        return PaymentSchemeReactions.SUBMIT_ON_OUTBOUND_HELD_PAYMENT_RELEASED;
    }

    @Override
    public void react(OutboundHeldPaymentReleased event, EventContext context) {
        submit.submit(event.paymentId(), event.details(), context);
    }
}
