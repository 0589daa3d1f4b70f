package com.paystream.events;

import java.time.Instant;
import java.util.Objects;

/** The payment ended without leaving the bank (rejected after screening, refused by the scheme); the reservation is released: terminal. */
@EventType(name = "OutboundPaymentFailed")
public record OutboundPaymentFailed(
        String paymentId,
        OutboundPaymentDetails details,
        String reason,
        Instant failedAt) implements OutboundPaymentEvent {
    public OutboundPaymentFailed {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(failedAt, "failedAt");
    }
}
