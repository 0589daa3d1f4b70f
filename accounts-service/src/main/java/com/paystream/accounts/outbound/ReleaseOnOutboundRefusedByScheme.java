package com.paystream.accounts.outbound;

import com.paystream.events.OutboundPaymentRefusedByScheme;
import com.paystream.infrastructure.subscription.EventContext;
import com.paystream.topology.AccountsReactions;
import com.paystream.topology.ConsumerGroup;
import jakarta.enterprise.context.ApplicationScoped;

/** The scheme refused the payment: give its reservation back; the payment fails. */
@ApplicationScoped
class ReleaseOnOutboundRefusedByScheme extends OutboundOutcomeReaction<OutboundPaymentRefusedByScheme> {
    @Override
    public ConsumerGroup<OutboundPaymentRefusedByScheme> consumerGroup() {
        return AccountsReactions.RELEASE_ON_OUTBOUND_REFUSED_BY_SCHEME;
    }

    @Override
    public void react(OutboundPaymentRefusedByScheme event, EventContext context) {
        outcomes.release(event.paymentId(), event.details(), "Refused by the scheme: " + event.detail(), context);
    }
}
