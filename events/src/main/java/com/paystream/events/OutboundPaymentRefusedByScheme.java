package com.paystream.events;

import java.time.Instant;
import java.util.Objects;

/** The scheme refused the submission: the reservation is released. */
@EventType(name = "OutboundPaymentRefusedByScheme")
public record OutboundPaymentRefusedByScheme(
        String paymentId,
        OutboundPaymentDetails details,
        String detail,
        Instant refusedAt) implements OutboundPaymentEvent {
    public OutboundPaymentRefusedByScheme {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(refusedAt, "refusedAt");
    }
}
