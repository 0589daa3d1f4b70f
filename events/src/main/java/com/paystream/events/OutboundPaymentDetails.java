package com.paystream.events;

import java.util.Objects;

/**
 * What a customer asked to pay: from their account ({@code accountId}, and as the originator party) to the
 * beneficiary, an amount, and the reference the beneficiary sees.
 */
public record OutboundPaymentDetails(
        String accountId,
        Party originator,
        Party beneficiary,
        Money amount,
        String reference) {
    public OutboundPaymentDetails {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(originator, "originator");
        Objects.requireNonNull(beneficiary, "beneficiary");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(reference, "reference");
    }
}
