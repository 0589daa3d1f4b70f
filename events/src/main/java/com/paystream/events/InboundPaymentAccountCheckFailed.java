package com.paystream.events;

import java.time.Instant;
import java.util.Objects;

/** The beneficiary account cannot take the credit. */
@EventType(name = "InboundPaymentAccountCheckFailed")
public record InboundPaymentAccountCheckFailed(
        String paymentId,
        String schemeTransactionId,
        AccountCheckFailure failure,
        Instant checkedAt) implements InboundPaymentEvent {
    public InboundPaymentAccountCheckFailed {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(schemeTransactionId, "schemeTransactionId");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(checkedAt, "checkedAt");
    }
}
