package com.paystream.sanctions.imports;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One entry of an official list as our list keeps it: {@code entryId} already namespaced by its source
 * ({@link ListFormat#entryId}), {@code country} an ISO 3166-1 alpha-2 code when the list's country name is one we
 * know (else null), {@code listReference} the source's id with its programmes / regime and dates.
 */
public record OfficialEntry(String entryId, String name, List<String> aliases, LocalDate dateOfBirth, String country,
                            String listReference) {
    public OfficialEntry {
        Objects.requireNonNull(entryId, "entryId");
        Objects.requireNonNull(name, "name");
        aliases = List.copyOf(aliases);
        Objects.requireNonNull(listReference, "listReference");
    }
}
