package com.paystream.accounts.outbound;

import com.paystream.events.OutboundPaymentEvent;
import com.paystream.infrastructure.subscription.Reaction;
import jakarta.inject.Inject;

/**
 * A reaction that ends an outbound payment on its account, through {@link OutboundOutcomes}. Events for one account
 * are handled one at a time here, so two changes never race on its stream.
 */
abstract class OutboundOutcomeReaction<E extends OutboundPaymentEvent> implements Reaction<E> {
    @Inject
    OutboundOutcomes outcomes;

    @Override
    public String orderingKey(E event) {
        return event.details().accountId();
    }
}
