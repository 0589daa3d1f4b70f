package com.paystream.events;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What the scheme told us about an inbound payment: carried by the events that a later step needs it for, so each
 * reaction can act on its triggering event alone.
 */
public record InboundPaymentDetails(
        String schemeTransactionId,
        Party originator,
        Party beneficiary,
        Money amount,
        String reference,
        LocalDate processingDate) {

    public InboundPaymentDetails {
        Objects.requireNonNull(schemeTransactionId, "schemeTransactionId");
        Objects.requireNonNull(originator, "originator");
        Objects.requireNonNull(beneficiary, "beneficiary");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(processingDate, "processingDate");
    }
}
