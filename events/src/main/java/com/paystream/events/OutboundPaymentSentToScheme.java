package com.paystream.events;

import java.time.Instant;
import java.util.Objects;

/** The bank submitted the payment to the scheme under this transaction id. */
@EventType(name = "OutboundPaymentSentToScheme")
public record OutboundPaymentSentToScheme(
        String paymentId,
        OutboundPaymentDetails details,
        String schemeTransactionId,
        Instant sentAt) implements OutboundPaymentEvent {
    public OutboundPaymentSentToScheme {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(schemeTransactionId, "schemeTransactionId");
        Objects.requireNonNull(sentAt, "sentAt");
    }
}
