package com.paystream.simulator.outbound;

import com.paystream.events.EventType;
import java.time.Instant;
import java.util.Objects;

/** The scheme settled the payment and told the bank. */
@EventType(name = "SchemeOutboundSettled")
public record SchemeOutboundSettled(
        String schemeTransactionId,
        Instant settledAt) implements SchemeOutboundEvent {
    public SchemeOutboundSettled {
        Objects.requireNonNull(schemeTransactionId, "schemeTransactionId");
        Objects.requireNonNull(settledAt, "settledAt");
    }
}
