package com.paystream.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The payment passed the scheme validation but its entry day is still to come (the scheme delivered it ahead of its
 * processing date): it waits, and is {@link InboundPaymentValidated validated} on its entry day.
 */
@EventType(name = "InboundPaymentScheduled")
public record InboundPaymentScheduled(
        String paymentId,
        InboundPaymentDetails details,
        LocalDate entryDay,
        Instant scheduledAt) implements InboundPaymentEvent {
    public InboundPaymentScheduled {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(entryDay, "entryDay");
        Objects.requireNonNull(scheduledAt, "scheduledAt");
    }
}
