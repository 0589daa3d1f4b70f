package com.paystream.accounts.account;

import com.paystream.events.EventType;
import com.paystream.events.Money;
import java.time.Instant;
import java.util.Objects;

/** An outbound payment was accepted: its amount is set aside (available balance down, balance unchanged). The idempotency key and the request's fingerprint recognise the same request sent again. */
@EventType(name = "OutboundFundsReserved")
public record OutboundFundsReserved(
        String accountId,
        String paymentId,
        String idempotencyKey,
        String requestFingerprint,
        Money amount,
        Instant reservedAt) implements AccountEvent {
    public OutboundFundsReserved {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(requestFingerprint, "requestFingerprint");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(reservedAt, "reservedAt");
    }
}
