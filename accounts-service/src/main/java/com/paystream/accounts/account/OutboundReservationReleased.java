package com.paystream.accounts.account;

import com.paystream.events.EventType;
import java.time.Instant;
import java.util.Objects;

/** An outbound payment ended without leaving the account (rejected, refused, or returned before settlement): its reservation is given back. */
@EventType(name = "OutboundReservationReleased")
public record OutboundReservationReleased(
        String accountId,
        String paymentId,
        String reason,
        Instant releasedAt) implements AccountEvent {
    public OutboundReservationReleased {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(releasedAt, "releasedAt");
    }
}
