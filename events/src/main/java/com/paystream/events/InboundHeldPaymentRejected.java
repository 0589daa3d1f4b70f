package com.paystream.events;

import java.time.Instant;
import java.util.Objects;

/** An operator rejected a held payment: it will not be credited. */
@EventType(name = "InboundHeldPaymentRejected")
public record InboundHeldPaymentRejected(
        String paymentId,
        String schemeTransactionId,
        String operatorId,
        String reason,
        Instant rejectedAt) implements InboundPaymentEvent {
    public InboundHeldPaymentRejected {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(schemeTransactionId, "schemeTransactionId");
        Objects.requireNonNull(operatorId, "operatorId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(rejectedAt, "rejectedAt");
    }
}
