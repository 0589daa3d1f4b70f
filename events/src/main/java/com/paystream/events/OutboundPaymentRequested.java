package com.paystream.events;

import java.time.Instant;
import java.util.Objects;

/** A customer asked to pay out of their account (the request passed the account's checks). */
@EventType(name = "OutboundPaymentRequested")
public record OutboundPaymentRequested(
        String paymentId,
        OutboundPaymentDetails details,
        String idempotencyKey,
        Instant requestedAt) implements OutboundPaymentEvent {
    public OutboundPaymentRequested {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }
}
