package com.paystream.sanctions.list;

import com.paystream.sanctions.matching.NameNormaliser;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The state of one list: its entries currently listed, in the order they were added, and the publications of
 * official lists imported into it. Immutable; {@link #evolve} returns the next state, a {@link Builder} folds many
 * events without copying the list for each (an official list holds tens of thousands of entries).
 */
public final class SanctionsList {
    private static final NameNormaliser NORMALISER = new NameNormaliser();
    private final Map<String, SanctionedNameAdded> entries;
    /** The publication last imported of each source (format), by source. */
    private final Map<String, String> lastImported;

    private SanctionsList(Map<String, SanctionedNameAdded> entries, Map<String, String> lastImported) {
        this.entries = Collections.unmodifiableMap(entries);
        this.lastImported = Collections.unmodifiableMap(lastImported);
    }

    public static SanctionsList empty() {
        return new SanctionsList(new LinkedHashMap<>(), Map.of());
    }

    public static SanctionsList of(Iterable<? extends SanctionsListEvent> events) {
        Builder builder = new Builder();
        for (SanctionsListEvent event : events) {
            builder.apply(event);
        }
        return builder.build();
    }

    public SanctionsList evolve(SanctionsListEvent event) {
        return new Builder(this).apply(event).build();
    }

    /**
     * The publication of this source whose import was recorded last (its entry events may not all be written yet, if
     * that import was interrupted).
     */
    public Optional<String> lastImported(String source) {
        return Optional.ofNullable(lastImported.get(source));
    }

    public Optional<SanctionedNameAdded> entry(String entryId) {
        return Optional.ofNullable(entries.get(entryId));
    }

    public Collection<SanctionedNameAdded> entries() {
        return entries.values();
    }

    /** A listed entry with the same name (up to case, accents, titles, token order) and the same date of birth. */
    public Optional<SanctionedNameAdded> sameNameAndDateOfBirth(String name, java.time.LocalDate dateOfBirth) {
        String key = NORMALISER.normalise(name).key();
        return entries.values().stream()
                .filter(e -> NORMALISER.normalise(e.name()).key().equals(key)
                        && Objects.equals(e.dateOfBirth(), dateOfBirth))
                .findFirst();
    }

    /**
     * Folds events into a list, mutably; {@link #build()} takes an immutable copy. A change keeps who added the entry
     * and when, and takes its new details; an import record changes no entry (its entry events follow it). Not
     * thread-safe.
     */
    public static final class Builder {
        private final Map<String, SanctionedNameAdded> entries;
        private final Map<String, String> lastImported;

        public Builder() {
            this(empty());
        }

        private Builder(SanctionsList from) {
            this.entries = new LinkedHashMap<>(from.entries);
            this.lastImported = new HashMap<>(from.lastImported);
        }

        public Builder apply(SanctionsListEvent event) {
            if (event instanceof SanctionedNameAdded added) {
                entries.put(added.entryId(), added);
            } else if (event instanceof SanctionedNameRemoved removed) {
                entries.remove(removed.entryId());
            } else if (event instanceof SanctionedNameChanged changed) {
                entries.computeIfPresent(changed.entryId(), (id, was) -> new SanctionedNameAdded(id,
                        changed.name(), changed.aliases(), changed.dateOfBirth(), changed.country(),
                        changed.listReference(), was.addedAt(), was.addedBy(), was.addedByName()));
            } else if (event instanceof SanctionsListImported imported) {
                lastImported.put(imported.source(), imported.publicationId());
            } else {
                throw new IllegalArgumentException("Not a sanctions list event: " + event);
            }
            return this;
        }

        /** The entry listed now under {@code entryId}, if any. */
        public java.util.Optional<SanctionedNameAdded> entry(String entryId) {
            return java.util.Optional.ofNullable(entries.get(entryId));
        }

        public SanctionsList build() {
            return new SanctionsList(new LinkedHashMap<>(entries), new HashMap<>(lastImported));
        }
    }
}
