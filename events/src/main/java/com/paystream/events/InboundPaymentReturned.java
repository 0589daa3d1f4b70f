package com.paystream.events;

import java.time.Instant;
import java.util.Objects;

/** The payment goes back to the scheme with an ARUCS reason: terminal. */
@EventType(name = "InboundPaymentReturned")
public record InboundPaymentReturned(
        String paymentId,
        String schemeTransactionId,
        ReturnReason reason,
        String detail,
        Instant returnedAt) implements InboundPaymentEvent {
    public InboundPaymentReturned {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(schemeTransactionId, "schemeTransactionId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(returnedAt, "returnedAt");
    }
}
