package com.paystream.events;

import java.time.Instant;
import java.util.Objects;

/** The beneficiary account was credited (exactly once per payment): terminal. */
@EventType(name = "InboundPaymentBalanceUpdated")
public record InboundPaymentBalanceUpdated(
        String paymentId,
        String accountId,
        Money credited,
        Money balanceAfter,
        Instant creditedAt) implements InboundPaymentEvent {
    public InboundPaymentBalanceUpdated {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(credited, "credited");
        Objects.requireNonNull(balanceAfter, "balanceAfter");
        Objects.requireNonNull(creditedAt, "creditedAt");
    }
}
