package com.paystream.scheme.returns;

import com.paystream.events.InboundPaymentAccountCheckFailed;
import com.paystream.infrastructure.subscription.EventContext;
import com.paystream.infrastructure.subscription.Reaction;
import com.paystream.topology.ConsumerGroup;
import com.paystream.topology.PaymentSchemeReactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The beneficiary account could not take the payment: return it to the scheme, or fail it (blocked account). */
@ApplicationScoped
public class ReturnOnAccountCheckFailed implements Reaction<InboundPaymentAccountCheckFailed> {
    @Inject
    EndInboundPayment end;

    @Override
    public ConsumerGroup<InboundPaymentAccountCheckFailed> consumerGroup() {
        return PaymentSchemeReactions.RETURN_ON_ACCOUNT_CHECK_FAILED;
    }

    @Override
    public void react(InboundPaymentAccountCheckFailed event, EventContext context) {
        end.end(event.paymentId(), InboundOutcomeDecider.onAccountCheckFailed(event, context.created()), context);
    }
}
