package com.paystream.simulator.record;

import com.paystream.events.EventType;
import com.paystream.events.InboundPaymentDetails;
import com.paystream.simulator.generate.PaymentKind;

import java.time.Instant;
import java.util.Objects;

/** The scheme is about to deliver a payment to the bank (recorded first, so no delivery goes unrecorded). */
@EventType(name = "SchemePaymentSent")
public record SchemePaymentSent(String schemeTransactionId, String batchId, PaymentKind kind,
                                InboundPaymentDetails details, Instant sentAt) implements SchemeInboundEvent {
    public SchemePaymentSent {
        Objects.requireNonNull(schemeTransactionId, "schemeTransactionId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(sentAt, "sentAt");
    }
}
