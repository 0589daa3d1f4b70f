package com.paystream.accounts.account;

import com.paystream.events.EventType;

import java.time.Instant;
import java.util.Objects;

/**
 * An account was opened for a holder, with its sort code and account number, for the customer who owns it:
 * {@code customerId} is the customer's id at the bank (as the identity provider puts it in their tokens, claim
 * {@code customer_id}). Accounts opened before owners were recorded have none ({@code null}): they belong to no
 * customer.
 */
@EventType(name = "AccountOpened")
public record AccountOpened(
        String accountId,
        String sortCode,
        String accountNumber,
        String holderName,
        String customerId,
        Instant openedAt) implements AccountEvent {
    public AccountOpened {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(sortCode, "sortCode");
        Objects.requireNonNull(accountNumber, "accountNumber");
        Objects.requireNonNull(holderName, "holderName");
        Objects.requireNonNull(openedAt, "openedAt");
    }
}
