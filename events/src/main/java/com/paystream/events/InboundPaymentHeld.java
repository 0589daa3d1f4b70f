package com.paystream.events;

import java.time.Instant;
import java.util.Objects;
import java.util.List;

/** A party matched the sanctioned-names list: the payment waits for an operator's decision. */
@EventType(name = "InboundPaymentHeld")
public record InboundPaymentHeld(
        String paymentId,
        InboundPaymentDetails details,
        List<SanctionsMatch> matches,
        Instant heldAt) implements InboundPaymentEvent {
    public InboundPaymentHeld {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(details, "details");
        matches = List.copyOf(Objects.requireNonNull(matches, "matches"));
        Objects.requireNonNull(heldAt, "heldAt");
    }
}
