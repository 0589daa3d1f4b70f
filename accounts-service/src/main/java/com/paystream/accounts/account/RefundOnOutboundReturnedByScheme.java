package com.paystream.accounts.account;

import com.paystream.events.ConsumerGroup;
import com.paystream.events.ConsumerGroups;
import com.paystream.events.OutboundPaymentReturnedByScheme;
import com.paystream.infrastructure.subscription.EventContext;
import com.paystream.infrastructure.subscription.Reaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The scheme returned the payment: its money comes back to the account. */
@ApplicationScoped
public class RefundOnOutboundReturnedByScheme implements Reaction<OutboundPaymentReturnedByScheme> {
    @Inject
    OutboundOutcomes outcomes;

    @Override
    public ConsumerGroup<OutboundPaymentReturnedByScheme> consumerGroup() {
        return ConsumerGroups.REFUND_ON_OUTBOUND_RETURNED_BY_SCHEME;
    }

    /** Events for one account are handled one at a time here, so two changes never race on its stream. */
    @Override
    public String orderingKey(OutboundPaymentReturnedByScheme event) {
        return event.details().accountId();
    }

    @Override
    public void react(OutboundPaymentReturnedByScheme event, EventContext context) {
        outcomes.refund(event.paymentId(), event.details(), "Returned by the scheme ("
                + event.reason().code() + "): " + event.detail(), context);
    }
}
