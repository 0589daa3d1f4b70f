package com.paystream.accounts.account;

import com.paystream.events.EventType;

import java.time.Instant;
import java.util.Objects;

/** The account was blocked (e.g. fraud review): it takes no credits until unblocked. */
@EventType(name = "AccountBlocked")
public record AccountBlocked(
        String accountId,
        String reason,
        Instant blockedAt) implements AccountEvent {
    public AccountBlocked {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(blockedAt, "blockedAt");
    }
}
