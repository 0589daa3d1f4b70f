package com.paystream.events;

import java.time.Instant;
import java.util.Objects;

/**
 * An operator rejected a held outbound payment, saying who and why: the reservation is released.
 * {@code operatorId} is the subject of the operator's token at the identity provider, {@code operatorName} the name
 * they signed in with (absent in events recorded before sign-in moved to the identity provider).
 */
@EventType(name = "OutboundHeldPaymentRejected")
public record OutboundHeldPaymentRejected(
        String paymentId,
        OutboundPaymentDetails details,
        String operatorId,
        String operatorName,
        String reason,
        Instant rejectedAt) implements OutboundPaymentEvent {
    public OutboundHeldPaymentRejected {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(operatorId, "operatorId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(rejectedAt, "rejectedAt");
    }
}
