package com.paystream.sanctions.held;

/** What was decided about one payment: the private events of its {@code screening-{paymentId}} stream. */
public sealed interface ScreeningEvent
        permits PaymentScreened, OutboundPaymentScreened, HeldPaymentReleased, HeldPaymentRejected {
    String paymentId();
}
