package com.paystream.sanctions.held;

import com.paystream.events.EventType;

import java.time.Instant;
import java.util.Objects;

/** An operator released a held payment, saying who and why. */
@EventType(name = "HeldPaymentReleased")
public record HeldPaymentReleased(String paymentId, String operatorId, String reason, Instant decidedAt)
        implements ScreeningEvent {
    public HeldPaymentReleased {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(operatorId, "operatorId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(decidedAt, "decidedAt");
    }
}
