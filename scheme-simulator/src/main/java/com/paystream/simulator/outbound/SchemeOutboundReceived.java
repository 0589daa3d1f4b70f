package com.paystream.simulator.outbound;

import com.paystream.events.EventType;
import com.paystream.events.Money;
import com.paystream.events.Party;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** The scheme received an outbound payment from the bank, due to settle on its entry day. */
@EventType(name = "SchemeOutboundReceived")
public record SchemeOutboundReceived(
        String schemeTransactionId,
        String paymentId,
        Party originator,
        Party beneficiary,
        Money amount,
        String reference,
        LocalDate entryDay,
        Instant receivedAt) implements SchemeOutboundEvent {
    public SchemeOutboundReceived {
        Objects.requireNonNull(schemeTransactionId, "schemeTransactionId");
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(originator, "originator");
        Objects.requireNonNull(beneficiary, "beneficiary");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(entryDay, "entryDay");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
