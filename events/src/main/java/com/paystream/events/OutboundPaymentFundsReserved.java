package com.paystream.events;

import java.time.Instant;
import java.util.Objects;

/** The amount is set aside on the account (available balance down, balance unchanged) until settlement or release. */
@EventType(name = "OutboundPaymentFundsReserved")
public record OutboundPaymentFundsReserved(
        String paymentId,
        OutboundPaymentDetails details,
        Money availableAfter,
        Instant reservedAt) implements OutboundPaymentEvent {
    public OutboundPaymentFundsReserved {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(availableAfter, "availableAfter");
        Objects.requireNonNull(reservedAt, "reservedAt");
    }
}
