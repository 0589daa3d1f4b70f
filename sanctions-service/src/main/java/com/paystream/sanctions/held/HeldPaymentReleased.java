package com.paystream.sanctions.held;

import com.paystream.events.EventType;

import java.time.Instant;
import java.util.Objects;

/**
 * An operator released a held payment, saying who and why: {@code operatorId} is the subject of the operator's token
 * at the identity provider (before sign-in moved there: their login), {@code operatorName} the name they signed in
 * with (null in decisions recorded before it was kept).
 */
@EventType(name = "HeldPaymentReleased")
public record HeldPaymentReleased(String paymentId, String operatorId, String operatorName, String reason,
                                  Instant decidedAt) implements ScreeningEvent {
    public HeldPaymentReleased {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(operatorId, "operatorId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(decidedAt, "decidedAt");
    }
}
