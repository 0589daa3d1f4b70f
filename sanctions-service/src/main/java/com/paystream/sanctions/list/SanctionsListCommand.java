package com.paystream.sanctions.list;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What can be asked of a list. Instants come with the command (the decider reads no clock), and so does who asks:
 * {@code by} the subject of their access token, {@code byName} their name.
 */
public sealed interface SanctionsListCommand {
    record AddSanctionedName(String entryId, String name, List<String> aliases, LocalDate dateOfBirth,
                             String country, String listReference, Instant at, String by, String byName)
            implements SanctionsListCommand {
        public AddSanctionedName {
            Objects.requireNonNull(entryId, "entryId");
            Objects.requireNonNull(name, "name");
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
            Objects.requireNonNull(listReference, "listReference");
            Objects.requireNonNull(at, "at");
        }
    }

    record RemoveSanctionedName(String entryId, String reason, Instant at, String by, String byName)
            implements SanctionsListCommand {
        public RemoveSanctionedName {
            Objects.requireNonNull(entryId, "entryId");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(at, "at");
        }
    }
}
