package com.paystream.events;

import java.time.Instant;
import java.util.Objects;

/** The payment could not be completed and is not returned to the scheme (e.g. rejected after sanctions review, funds kept for compliance): terminal. */
@EventType(name = "InboundPaymentFailed")
public record InboundPaymentFailed(
        String paymentId,
        String reason,
        Instant failedAt) implements InboundPaymentEvent {
    public InboundPaymentFailed {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(failedAt, "failedAt");
    }
}
