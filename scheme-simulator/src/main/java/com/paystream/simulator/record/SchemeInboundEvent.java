package com.paystream.simulator.record;

/**
 * What the simulated scheme sent to the bank and what came back: the private events of its
 * {@code schemeinbound-{schemeTransactionId}} streams.
 */
public sealed interface SchemeInboundEvent
        permits SchemePaymentSent, SchemeDeliveryAnswered, SchemeDeliveryFailed, SchemeReturnReceived {
    String schemeTransactionId();
}
