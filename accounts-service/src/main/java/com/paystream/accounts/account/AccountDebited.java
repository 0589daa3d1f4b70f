package com.paystream.accounts.account;

import com.paystream.events.EventType;
import com.paystream.events.Money;
import java.time.Instant;
import java.util.Objects;

/** A settled outbound payment left the account: the balance goes down and its reservation ends. */
@EventType(name = "AccountDebited")
public record AccountDebited(
        String accountId,
        String paymentId,
        Money amount,
        Money balanceAfter,
        Instant debitedAt) implements AccountEvent {
    public AccountDebited {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(balanceAfter, "balanceAfter");
        Objects.requireNonNull(debitedAt, "debitedAt");
    }
}
