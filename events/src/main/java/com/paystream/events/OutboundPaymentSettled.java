package com.paystream.events;

import java.time.Instant;
import java.util.Objects;

/** The scheme settled the payment: the account is debited and the reservation ends. */
@EventType(name = "OutboundPaymentSettled")
public record OutboundPaymentSettled(
        String paymentId,
        OutboundPaymentDetails details,
        Instant settledAt) implements OutboundPaymentEvent {
    public OutboundPaymentSettled {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(settledAt, "settledAt");
    }
}
