package com.paystream.sanctions.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What screening needs of a sanctioned-names list entry: its id, its name and its aliases. */
public record ListedEntry(String entryId, String name, List<String> aliases) {
    public ListedEntry {
        Objects.requireNonNull(entryId, "entryId");
        Objects.requireNonNull(name, "name");
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    /** The name first, then the aliases. */
    public List<String> allNames() {
        List<String> names = new ArrayList<>(1 + aliases.size());
        names.add(name);
        names.addAll(aliases);
        return names;
    }
}
