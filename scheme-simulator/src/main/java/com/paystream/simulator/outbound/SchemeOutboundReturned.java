package com.paystream.simulator.outbound;

import com.paystream.events.EventType;
import java.time.Instant;
import java.util.Objects;

/** The scheme returned the payment to the bank with an ARUCS reason code. */
@EventType(name = "SchemeOutboundReturned")
public record SchemeOutboundReturned(
        String schemeTransactionId,
        String reasonCode,
        String detail,
        Instant returnedAt) implements SchemeOutboundEvent {
    public SchemeOutboundReturned {
        Objects.requireNonNull(schemeTransactionId, "schemeTransactionId");
        Objects.requireNonNull(reasonCode, "reasonCode");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(returnedAt, "returnedAt");
    }
}
