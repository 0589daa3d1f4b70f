package com.paystream.sanctions.list;

import com.paystream.events.EventType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A listed entry's details changed (an official list's new publication said so): its name, aliases, date of birth,
 * country and reference are now these. Who added it and when stay; {@code changedBy} / {@code changedByName} are the
 * officer who imported the publication.
 */
@EventType(name = "SanctionedNameChanged")
public record SanctionedNameChanged(
        String entryId,
        String name,
        List<String> aliases,
        LocalDate dateOfBirth,
        String country,
        String listReference,
        Instant changedAt,
        String changedBy,
        String changedByName) implements SanctionsListEvent {
    public SanctionedNameChanged {
        Objects.requireNonNull(entryId, "entryId");
        Objects.requireNonNull(name, "name");
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        Objects.requireNonNull(listReference, "listReference");
        Objects.requireNonNull(changedAt, "changedAt");
    }
}
