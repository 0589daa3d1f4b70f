package com.paystream.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The beneficiary matched the sanctioned-names list: the payment waits for an operator. */
@EventType(name = "OutboundPaymentHeld")
public record OutboundPaymentHeld(
        String paymentId,
        OutboundPaymentDetails details,
        List<SanctionsMatch> matches,
        Instant heldAt) implements OutboundPaymentEvent {
    public OutboundPaymentHeld {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(details, "details");
        matches = List.copyOf(Objects.requireNonNull(matches, "matches"));
        Objects.requireNonNull(heldAt, "heldAt");
    }
}
