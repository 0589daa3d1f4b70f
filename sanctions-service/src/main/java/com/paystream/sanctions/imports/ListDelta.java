package com.paystream.sanctions.imports;

import com.paystream.sanctions.list.SanctionedNameAdded;
import com.paystream.sanctions.list.SanctionedNameChanged;
import com.paystream.sanctions.list.SanctionedNameRemoved;
import com.paystream.sanctions.list.SanctionsList;
import com.paystream.sanctions.list.SanctionsListEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a publication changes on our list, for its source's entries only (seed entries, names added by hand and other
 * sources' entries are never touched): an entry of the file not listed is added, a listed one whose details differ is
 * changed, a listed one of this source not in the file is removed. Added first, then changed, then removed, each in
 * file (or list) order. Plain Java.
 */
record ListDelta(List<SanctionedNameAdded> added, List<SanctionedNameChanged> changed,
                 List<SanctionedNameRemoved> removed) {

    static ListDelta of(OfficialList publication, SanctionsList list, Instant at, String by, String byName) {
        ListFormat format = publication.format();
        Map<String, SanctionedNameAdded> listed = new HashMap<>();
        for (SanctionedNameAdded entry : list.entries()) {
            if (format.owns(entry.entryId())) {
                listed.put(entry.entryId(), entry);
            }
        }
        List<SanctionedNameAdded> added = new ArrayList<>();
        List<SanctionedNameChanged> changed = new ArrayList<>();
        Set<String> published = new HashSet<>();
        for (OfficialEntry entry : publication.entries()) {
            published.add(entry.entryId());
            SanctionedNameAdded was = listed.get(entry.entryId());
            if (was == null) {
                added.add(new SanctionedNameAdded(entry.entryId(), entry.name(), entry.aliases(),
                        entry.dateOfBirth(), entry.country(), entry.listReference(), at, by, byName));
            } else if (!sameDetails(was, entry)) {
                changed.add(new SanctionedNameChanged(entry.entryId(), entry.name(), entry.aliases(),
                        entry.dateOfBirth(), entry.country(), entry.listReference(), at, by, byName));
            }
        }
        String reason = "Not in the " + format.id() + " publication of " + publication.publishedOn() + " ("
                + publication.publicationId() + ")";
        List<SanctionedNameRemoved> removed = list.entries().stream()
                .filter(entry -> listed.containsKey(entry.entryId()) && !published.contains(entry.entryId()))
                .map(entry -> new SanctionedNameRemoved(entry.entryId(), reason, at, by, byName)).toList();
        return new ListDelta(List.copyOf(added), List.copyOf(changed), removed);
    }

    boolean empty() {
        return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
    }

    /** The entry events, added, changed, removed. */
    List<SanctionsListEvent> events() {
        List<SanctionsListEvent> events = new ArrayList<>(added.size() + changed.size() + removed.size());
        events.addAll(added);
        events.addAll(changed);
        events.addAll(removed);
        return events;
    }

    private static boolean sameDetails(SanctionedNameAdded listed, OfficialEntry entry) {
        return listed.name().equals(entry.name()) && listed.aliases().equals(entry.aliases())
                && Objects.equals(listed.dateOfBirth(), entry.dateOfBirth())
                && Objects.equals(listed.country(), entry.country())
                && listed.listReference().equals(entry.listReference());
    }
}
