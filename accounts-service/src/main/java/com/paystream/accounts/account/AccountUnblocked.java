package com.paystream.accounts.account;

import com.paystream.events.EventType;

import java.time.Instant;
import java.util.Objects;

/** The account was unblocked. */
@EventType(name = "AccountUnblocked")
public record AccountUnblocked(String accountId, Instant unblockedAt) implements AccountEvent {
    public AccountUnblocked {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(unblockedAt, "unblockedAt");
    }
}
