package com.paystream.accounts.inbound;

import com.paystream.events.InboundPaymentDetails;
import com.paystream.events.InboundPaymentEvent;
import com.paystream.infrastructure.subscription.EventContext;
import com.paystream.infrastructure.subscription.Reaction;
import jakarta.inject.Inject;

/**
 * A reaction that checks an inbound payment's account and credits it, through {@link CreditInboundPayment}. Events for
 * one account are handled one at a time here, so two credits never race on its stream.
 */
abstract class CreditReaction<E extends InboundPaymentEvent> implements Reaction<E> {
    @Inject
    CreditInboundPayment credit;

    /** The payment as the event carries it. */
    abstract InboundPaymentDetails details(E event);

    @Override
    public String orderingKey(E event) {
        return CreditInboundPayment.accountOf(details(event));
    }

    @Override
    public void react(E event, EventContext context) {
        credit.credit(event.paymentId(), details(event), context);
    }
}
