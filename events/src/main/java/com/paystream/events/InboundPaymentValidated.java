package com.paystream.events;

import java.time.Instant;
import java.util.Objects;

/** The payment's details passed the scheme validation (account details, modulus check, amount, characters, date). */
@EventType(name = "InboundPaymentValidated")
public record InboundPaymentValidated(
        String paymentId,
        InboundPaymentDetails details,
        Instant validatedAt) implements InboundPaymentEvent {
    public InboundPaymentValidated {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(validatedAt, "validatedAt");
    }
}
