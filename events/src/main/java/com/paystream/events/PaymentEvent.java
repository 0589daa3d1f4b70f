package com.paystream.events;

/** An event on a payment's public timeline, the {@code payment-{paymentId}} stream. */
public sealed interface PaymentEvent permits InboundPaymentEvent, OutboundPaymentEvent {
    String paymentId();
}
