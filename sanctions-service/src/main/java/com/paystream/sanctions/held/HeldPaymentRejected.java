package com.paystream.sanctions.held;

import com.paystream.events.EventType;

import java.time.Instant;
import java.util.Objects;

/** An operator rejected a held payment, saying who and why. */
@EventType(name = "HeldPaymentRejected")
public record HeldPaymentRejected(String paymentId, String operatorId, String reason, Instant decidedAt)
        implements ScreeningEvent {
    public HeldPaymentRejected {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(operatorId, "operatorId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(decidedAt, "decidedAt");
    }
}
