package com.paystream.sanctions.held;

/** What was decided about one payment: the private events of its {@code screening-{paymentId}} stream. */
public sealed interface ScreeningEvent
        permits ScreeningDecision, HeldPaymentReleased, HeldPaymentRejected {
    String paymentId();
}
