package com.paystream.scheme.outbound;

import com.paystream.events.OutboundPaymentSanctionsCleared;
import com.paystream.infrastructure.subscription.EventContext;
import com.paystream.infrastructure.subscription.Reaction;
import com.paystream.topology.ConsumerGroup;
import com.paystream.topology.PaymentSchemeReactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** An outbound payment cleared screening: submit it to the scheme. */
@ApplicationScoped
public class SubmitOnOutboundSanctionsCleared implements Reaction<OutboundPaymentSanctionsCleared> {
    @Inject
    SubmitOutboundPayment submit;

    @Override
    public ConsumerGroup<OutboundPaymentSanctionsCleared> consumerGroup() {
        return PaymentSchemeReactions.SUBMIT_ON_OUTBOUND_SANCTIONS_CLEARED;
    }

    @Override
    public void react(OutboundPaymentSanctionsCleared event, EventContext context) {
        submit.submit(event.paymentId(), event.details(), context);
    }
}
