package com.paystream.sanctions.list;

import com.paystream.sanctions.matching.NameNormaliser;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The state of one list: its entries currently listed, in the order they were added. Immutable; {@link #evolve}
 * returns the next state.
 */
public final class SanctionsList {
    private static final NameNormaliser NORMALISER = new NameNormaliser();
    private final Map<String, SanctionedNameAdded> entries;

    private SanctionsList(Map<String, SanctionedNameAdded> entries) {
        this.entries = Collections.unmodifiableMap(entries);
    }

    public static SanctionsList empty() {
        return new SanctionsList(new LinkedHashMap<>());
    }

    public static SanctionsList of(Iterable<? extends SanctionsListEvent> events) {
        SanctionsList list = empty();
        for (SanctionsListEvent event : events) {
            list = list.evolve(event);
        }
        return list;
    }

    public SanctionsList evolve(SanctionsListEvent event) {
        Map<String, SanctionedNameAdded> next = new LinkedHashMap<>(entries);
        if (event instanceof SanctionedNameAdded added) {
            next.put(added.entryId(), added);
        } else if (event instanceof SanctionedNameRemoved removed) {
            next.remove(removed.entryId());
        } else {
            throw new IllegalArgumentException("Not a sanctions list event: " + event);
        }
        return new SanctionsList(next);
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
}
