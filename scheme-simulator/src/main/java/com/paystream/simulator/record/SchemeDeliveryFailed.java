package com.paystream.simulator.record;

import com.paystream.events.EventType;

import java.time.Instant;
import java.util.Objects;

/** The delivery got no usable answer (gateway down, timeout, a server error): the bank may or may not have it. */
@EventType(name = "SchemeDeliveryFailed")
public record SchemeDeliveryFailed(String schemeTransactionId, String reason, Instant failedAt)
        implements SchemeInboundEvent {
    public SchemeDeliveryFailed {
        Objects.requireNonNull(schemeTransactionId, "schemeTransactionId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(failedAt, "failedAt");
    }
}
