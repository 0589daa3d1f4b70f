package com.paystream.accounts.account;

import com.paystream.events.EventType;
import java.time.Instant;
import java.util.Objects;

/** The account's own outbound limits (instead of the bank's defaults): amount and number per UTC day and per ISO week. */
@EventType(name = "OutboundLimitsSet")
public record OutboundLimitsSet(
        String accountId,
        int dailyCount,
        long dailyAmountPence,
        int weeklyCount,
        long weeklyAmountPence,
        Instant setAt) implements AccountEvent {
    public OutboundLimitsSet {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(setAt, "setAt");
    }
}
