package com.paystream.scheme.returns;

import com.paystream.events.InboundPaymentEvent;
import com.paystream.events.InboundPaymentFailed;
import com.paystream.events.InboundPaymentReturned;
import com.paystream.events.PaymentStreams;
import com.paystream.infrastructure.store.EventStore;
import com.paystream.infrastructure.subscription.EventContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * Appends a payment's terminal event to its timeline, once: a redelivered trigger finds the payment already ended
 * (and the deterministic event ids make even a racing repeat a no-op).
 */
@ApplicationScoped
public class EndInboundPayment {
    @Inject
    EventStore store;

    void end(String paymentId, InboundPaymentEvent terminal, EventContext context) {
        store.appendUnlessPresent(PaymentStreams.payment(paymentId),
                event -> event instanceof InboundPaymentReturned || event instanceof InboundPaymentFailed,
                context.causation(), List.of(terminal));
    }
}
