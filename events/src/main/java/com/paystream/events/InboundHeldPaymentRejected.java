package com.paystream.events;

import java.time.Instant;
import java.util.Objects;

/**
 * An operator rejected a held payment: it will not be credited.
 * {@code operatorId} is the subject of the operator's token at the identity provider, {@code operatorName} the name
 * they signed in with (absent in events recorded before sign-in moved to the identity provider).
 */
@EventType(name = "InboundHeldPaymentRejected")
public record InboundHeldPaymentRejected(
        String paymentId,
        String schemeTransactionId,
        String operatorId,
        String operatorName,
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
