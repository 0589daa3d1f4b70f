package com.paystream.events;

import java.time.Instant;
import java.util.Objects;

/** The account was debited for the settled payment: terminal, unless the scheme returns it later. */
@EventType(name = "OutboundPaymentDebited")
public record OutboundPaymentDebited(
        String paymentId,
        OutboundPaymentDetails details,
        Money balanceAfter,
        Instant debitedAt) implements OutboundPaymentEvent {
    public OutboundPaymentDebited {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(balanceAfter, "balanceAfter");
        Objects.requireNonNull(debitedAt, "debitedAt");
    }
}
