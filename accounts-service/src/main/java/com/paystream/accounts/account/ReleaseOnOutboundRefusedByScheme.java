package com.paystream.accounts.account;

import com.paystream.events.ConsumerGroup;
import com.paystream.events.ConsumerGroups;
import com.paystream.events.OutboundPaymentRefusedByScheme;
import com.paystream.infrastructure.subscription.EventContext;
import com.paystream.infrastructure.subscription.Reaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The scheme refused the payment: give its reservation back; the payment fails. */
@ApplicationScoped
public class ReleaseOnOutboundRefusedByScheme implements Reaction<OutboundPaymentRefusedByScheme> {
    @Inject
    OutboundOutcomes outcomes;

    @Override
    public ConsumerGroup<OutboundPaymentRefusedByScheme> consumerGroup() {
        return ConsumerGroups.RELEASE_ON_OUTBOUND_REFUSED_BY_SCHEME;
    }

    /** Events for one account are handled one at a time here, so two changes never race on its stream. */
    @Override
    public String orderingKey(OutboundPaymentRefusedByScheme event) {
        return event.details().accountId();
    }

    @Override
    public void react(OutboundPaymentRefusedByScheme event, EventContext context) {
        outcomes.release(event.paymentId(), event.details(), "Refused by the scheme: " + event.detail(), context);
    }
}
