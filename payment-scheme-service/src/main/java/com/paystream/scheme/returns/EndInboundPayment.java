package com.paystream.scheme.returns;

import com.paystream.events.InboundPaymentEvent;
import com.paystream.events.InboundPaymentFailed;
import com.paystream.events.InboundPaymentReturned;
import com.paystream.infrastructure.store.PaymentTimeline;
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
    PaymentTimeline timeline;

    void end(String paymentId, InboundPaymentEvent terminal, EventContext context) {
        timeline.appendOnce(paymentId, context.causation(), List.of(terminal),
                List.of(InboundPaymentReturned.class, InboundPaymentFailed.class));
    }
}
