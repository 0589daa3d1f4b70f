package com.paystream.events;

import java.time.Instant;
import java.util.Objects;

/**
 * An operator released a held payment: it goes on as if cleared.
 * {@code operatorId} is the subject of the operator's token at the identity provider, {@code operatorName} the name
 * they signed in with (absent in events recorded before sign-in moved to the identity provider).
 */
@EventType(name = "InboundHeldPaymentReleased")
public record InboundHeldPaymentReleased(
        String paymentId,
        InboundPaymentDetails details,
        String operatorId,
        String operatorName,
        String reason,
        Instant releasedAt) implements InboundPaymentEvent {
    public InboundHeldPaymentReleased {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(operatorId, "operatorId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(releasedAt, "releasedAt");
    }
}
