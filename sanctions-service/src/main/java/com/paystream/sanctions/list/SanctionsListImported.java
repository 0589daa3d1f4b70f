package com.paystream.sanctions.list;

import com.paystream.events.EventType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A publication of an official list was imported: {@code source} is its format ({@code ofac-sdn},
 * {@code uk-sanctions-list}), {@code publicationId} names the publication ({@code source:publishedOn:} and the first
 * 16 hex digits of the file's SHA-256), {@code publishedOn} the date in its header, {@code entries} how many entries
 * it holds; {@code added}, {@code removed}, {@code changed} count the entry events that follow it (written with it, or
 * in the batches after it for a large import). Recorded once per publication.
 */
@EventType(name = "SanctionsListImported")
public record SanctionsListImported(
        String source,
        String publicationId,
        LocalDate publishedOn,
        String sha256,
        int entries,
        int added,
        int removed,
        int changed,
        Instant importedAt,
        String importedBy,
        String importedByName) implements SanctionsListEvent {
    public SanctionsListImported {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(publicationId, "publicationId");
        Objects.requireNonNull(publishedOn, "publishedOn");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(importedAt, "importedAt");
    }
}
