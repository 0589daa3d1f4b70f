package com.paystream.simulator.record;

import com.paystream.events.EventType;

import java.time.Instant;
import java.util.Objects;

/** The bank returned the payment to the scheme with an ARUCS reason code. */
@EventType(name = "SchemeReturnReceived")
public record SchemeReturnReceived(String schemeTransactionId, String paymentId, String reasonCode, String reason,
                                   String detail, Instant returnedAt) implements SchemeInboundEvent {
    public SchemeReturnReceived {
        Objects.requireNonNull(schemeTransactionId, "schemeTransactionId");
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(reasonCode, "reasonCode");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(returnedAt, "returnedAt");
    }
}
