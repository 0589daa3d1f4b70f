package com.paystream.events;

import java.time.Instant;
import java.util.Objects;

/** The scheme returned the payment with an ARUCS reason: the money goes back to the account. */
@EventType(name = "OutboundPaymentReturnedByScheme")
public record OutboundPaymentReturnedByScheme(
        String paymentId,
        OutboundPaymentDetails details,
        ReturnReason reason,
        String detail,
        Instant returnedAt) implements OutboundPaymentEvent {
    public OutboundPaymentReturnedByScheme {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(returnedAt, "returnedAt");
    }
}
