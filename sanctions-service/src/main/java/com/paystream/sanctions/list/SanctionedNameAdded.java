package com.paystream.sanctions.list;

import com.paystream.events.EventType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A name (with its aliases) was put on the list. {@code dateOfBirth} and {@code country} may be unknown (null).
 * {@code addedBy} is who added it: the subject of the officer's token at the identity provider (their login before
 * sign-in moved there; {@code seed} for the seed list; null in entries from before it was kept), {@code addedByName}
 * the name they signed in with ({@code seed} for the seed list; null in entries from before it was kept).
 */
@EventType(name = "SanctionedNameAdded")
public record SanctionedNameAdded(
        String entryId,
        String name,
        List<String> aliases,
        LocalDate dateOfBirth,
        String country,
        String listReference,
        Instant addedAt,
        String addedBy,
        String addedByName) implements SanctionsListEvent {
    public SanctionedNameAdded {
        Objects.requireNonNull(entryId, "entryId");
        Objects.requireNonNull(name, "name");
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        Objects.requireNonNull(listReference, "listReference");
        Objects.requireNonNull(addedAt, "addedAt");
    }
}
