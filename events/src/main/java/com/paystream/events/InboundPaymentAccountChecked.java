package com.paystream.events;

import java.time.Instant;
import java.util.Objects;

/** The beneficiary account exists and can take the credit. */
@EventType(name = "InboundPaymentAccountChecked")
public record InboundPaymentAccountChecked(
        String paymentId,
        String accountId,
        Instant checkedAt) implements InboundPaymentEvent {
    public InboundPaymentAccountChecked {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(checkedAt, "checkedAt");
    }
}
