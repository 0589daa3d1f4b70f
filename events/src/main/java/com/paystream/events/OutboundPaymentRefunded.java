package com.paystream.events;

import java.time.Instant;
import java.util.Objects;

/** The returned amount is back on the account (credited after a settlement, or the reservation released before one): terminal. */
@EventType(name = "OutboundPaymentRefunded")
public record OutboundPaymentRefunded(
        String paymentId,
        OutboundPaymentDetails details,
        Money balanceAfter,
        Instant refundedAt) implements OutboundPaymentEvent {
    public OutboundPaymentRefunded {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(balanceAfter, "balanceAfter");
        Objects.requireNonNull(refundedAt, "refundedAt");
    }
}
