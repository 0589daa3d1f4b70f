package com.paystream.events;

import java.time.Instant;
import java.util.Objects;

/** The scheme delivered an inbound payment (once per scheme transaction id). */
@EventType(name = "InboundPaymentReceived")
public record InboundPaymentReceived(
        String paymentId,
        InboundPaymentDetails details,
        Instant receivedAt) implements InboundPaymentEvent {
    public InboundPaymentReceived {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
