package com.paystream.events;

import java.time.Instant;
import java.util.Objects;

/** The beneficiary does not match the sanctioned-names list. */
@EventType(name = "OutboundPaymentSanctionsCleared")
public record OutboundPaymentSanctionsCleared(
        String paymentId,
        OutboundPaymentDetails details,
        Instant clearedAt) implements OutboundPaymentEvent {
    public OutboundPaymentSanctionsCleared {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(clearedAt, "clearedAt");
    }
}
