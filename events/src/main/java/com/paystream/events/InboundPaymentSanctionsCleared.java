package com.paystream.events;

import java.time.Instant;
import java.util.Objects;

/** Neither party matched the sanctioned-names list. */
@EventType(name = "InboundPaymentSanctionsCleared")
public record InboundPaymentSanctionsCleared(
        String paymentId,
        InboundPaymentDetails details,
        Instant screenedAt) implements InboundPaymentEvent {
    public InboundPaymentSanctionsCleared {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(screenedAt, "screenedAt");
    }
}
