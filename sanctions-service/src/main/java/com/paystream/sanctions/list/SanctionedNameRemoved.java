package com.paystream.sanctions.list;

import com.paystream.events.EventType;

import java.time.Instant;
import java.util.Objects;

/**
 * An entry was taken off the list, with why, by whom: {@code removedBy} is the subject of the officer's token at the
 * identity provider (their login before sign-in moved there; null before it was kept), {@code removedByName} the name
 * they signed in with (null before it was kept).
 */
@EventType(name = "SanctionedNameRemoved")
public record SanctionedNameRemoved(String entryId, String reason, Instant removedAt, String removedBy,
                                    String removedByName) implements SanctionsListEvent {
    public SanctionedNameRemoved {
        Objects.requireNonNull(entryId, "entryId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(removedAt, "removedAt");
    }
}
