package com.paystream.accounts.account;

import com.paystream.events.EventType;
import com.paystream.events.Money;

import java.time.Instant;
import java.util.Objects;

/** An inbound payment was credited to the account (at most once per payment). */
@EventType(name = "AccountCredited")
public record AccountCredited(
        String accountId,
        String paymentId,
        Money amount,
        Money balanceAfter,
        Instant creditedAt) implements AccountEvent {
    public AccountCredited {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(balanceAfter, "balanceAfter");
        Objects.requireNonNull(creditedAt, "creditedAt");
    }
}
