package com.paystream.sanctions.list;

import com.paystream.events.EventType;

import java.time.Instant;
import java.util.Objects;

/** An entry was taken off the list, with why, by whom ({@code removedBy}: null before it was kept). */
@EventType(name = "SanctionedNameRemoved")
public record SanctionedNameRemoved(String entryId, String reason, Instant removedAt, String removedBy)
        implements SanctionsListEvent {
    public SanctionedNameRemoved {
        Objects.requireNonNull(entryId, "entryId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(removedAt, "removedAt");
    }
}
