package com.paystream.accounts.account;

import com.paystream.events.EventType;

import java.time.Instant;
import java.util.Objects;

/** An account was opened for a holder, with its sort code and account number. */
@EventType(name = "AccountOpened")
public record AccountOpened(
        String accountId,
        String sortCode,
        String accountNumber,
        String holderName,
        Instant openedAt) implements AccountEvent {
    public AccountOpened {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(sortCode, "sortCode");
        Objects.requireNonNull(accountNumber, "accountNumber");
        Objects.requireNonNull(holderName, "holderName");
        Objects.requireNonNull(openedAt, "openedAt");
    }
}
