package com.paystream.accounts.account;

import com.paystream.events.EventType;

import java.time.Instant;
import java.util.Objects;

/** The account was closed for good. */
@EventType(name = "AccountClosed")
public record AccountClosed(String accountId, Instant closedAt) implements AccountEvent {
    public AccountClosed {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(closedAt, "closedAt");
    }
}
