package com.paystream.accounts.ledger;

import com.paystream.accounts.account.OutboundLimits;
import com.paystream.events.EventType;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What an account's view needs, as its events made it up to {@code revision} (the last of them recorded at
 * {@code recordedAt}): where a historical query starts instead of the first event. Not the whole account: the
 * payments already credited and the finished outbound payments are left out, so a state rebuilt from a snapshot is
 * for looking at, never for deciding (see {@code AccountSnapshots}). {@code format} changes whenever the fold
 * ({@code Account}) or this record changes; other formats are ignored.
 */
@EventType(name = "AccountSnapshotted")
public record AccountSnapshotted(
        int format,
        String accountId,
        long revision,
        Instant recordedAt,
        String sortCode,
        String accountNumber,
        String holderName,
        String customerId,
        String status,
        long balancePence,
        Map<String, Long> reservations,
        OutboundLimits ownLimits) implements AccountSnapshotEvent {
    /** 2: with the account's owner ({@code customerId}); snapshots of format 1 had none. */
    public static final int FORMAT = 2;

    public AccountSnapshotted {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(status, "status");
        reservations = reservations == null ? Map.of() : Map.copyOf(reservations);
    }
}
