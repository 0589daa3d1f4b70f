package com.paystream.sanctions.imports;

import com.paystream.sanctions.list.SanctionedNameAdded;
import com.paystream.sanctions.list.SanctionedNameChanged;
import com.paystream.sanctions.list.SanctionedNameRemoved;
import com.paystream.sanctions.list.SanctionsList;
import com.paystream.sanctions.list.SanctionsListEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.paystream.sanctions.imports.ListFiles.OFAC_FIRST;
import static com.paystream.sanctions.imports.ListFiles.OFAC_LATER;
import static com.paystream.sanctions.imports.ListFiles.UK_FIRST;
import static com.paystream.sanctions.imports.ListFiles.UK_LATER;
import static com.paystream.sanctions.imports.ListFiles.read;
import static com.paystream.sanctions.imports.ListFiles.text;
import static org.assertj.core.api.Assertions.assertThat;

/** What a publication changes on the list: its source's entries only, each difference once. */
class ListDeltaTest {
    private static final Instant AT = Instant.parse("2026-11-09T09:00:00Z");
    private static final SanctionedNameAdded BY_HAND = new SanctionedNameAdded("2b1f0c0e-0000-4000-8000-000000000001",
            "Varkon Teodor ZELMIRANOV", List.of(), null, "ZZ", "HAND-1", AT, "subject-1", "officer-1");

    /** The list after {@code events} and the delta of {@code file} on it. */
    private static SanctionsList after(List<? extends SanctionsListEvent> events) {
        return SanctionsList.of(events);
    }

    private static ListDelta delta(ListFormat format, String file, SanctionsList list) {
        return ListDelta.of(read(format, text(file)), list, AT, "subject-1", "officer-1");
    }

    /** The list once {@code file} was imported into {@code list}. */
    private static SanctionsList imported(ListFormat format, String file, SanctionsList list) {
        List<SanctionsListEvent> events = new ArrayList<>(list.entries());
        events.addAll(delta(format, file, list).events());
        return after(events);
    }

    @Test
    void aFirstPublicationAddsEveryEntry() {
        ListDelta delta = delta(ListFormat.OFAC_SDN, OFAC_FIRST, SanctionsList.empty());
        assertThat(delta.added()).extracting(SanctionedNameAdded::entryId)
                .containsExactly("OFAC-90001", "OFAC-90002", "OFAC-90003");
        assertThat(delta.changed()).isEmpty();
        assertThat(delta.removed()).isEmpty();
    }

    @Test
    void aLaterOfacPublicationAddsChangesAndRemovesOnlyWhatDiffers() {
        SanctionsList first = imported(ListFormat.OFAC_SDN, OFAC_FIRST, SanctionsList.empty());
        ListDelta delta = delta(ListFormat.OFAC_SDN, OFAC_LATER, first);
        assertThat(delta.added()).extracting(SanctionedNameAdded::entryId).containsExactly("OFAC-90004");
        assertThat(delta.changed()).singleElement().satisfies(changed -> {
            assertThat(changed.entryId()).isEqualTo("OFAC-90001");
            assertThat(changed.aliases()).containsExactly("Varkon ZELMIRANOFF", "Teo ZELMIR");
        });
        assertThat(delta.removed()).extracting(SanctionedNameRemoved::entryId).containsExactly("OFAC-90003");
        assertThat(delta.removed().get(0).reason()).startsWith("Not in the ofac-sdn publication of 2026-11-09");
    }

    @Test
    void aLaterUkPublicationAddsChangesAndRemovesOnlyWhatDiffers() {
        SanctionsList first = imported(ListFormat.UK_SANCTIONS_LIST, UK_FIRST, SanctionsList.empty());
        ListDelta delta = delta(ListFormat.UK_SANCTIONS_LIST, UK_LATER, first);
        assertThat(delta.added()).extracting(SanctionedNameAdded::entryId).containsExactly("UK-FIC0004");
        assertThat(delta.changed()).extracting(SanctionedNameChanged::entryId).containsExactly("UK-FIC0002");
        assertThat(delta.removed()).extracting(SanctionedNameRemoved::entryId).containsExactly("UK-FIC0003");
    }

    @Test
    void thePublicationTheListHoldsAlreadyChangesNothing() {
        SanctionsList first = imported(ListFormat.UK_SANCTIONS_LIST, UK_FIRST, SanctionsList.empty());
        assertThat(delta(ListFormat.UK_SANCTIONS_LIST, UK_FIRST, first).empty()).isTrue();
    }

    @Test
    void aChangeKeepsWhenAndByWhomTheEntryWasAdded() {
        SanctionsList first = imported(ListFormat.OFAC_SDN, OFAC_FIRST, SanctionsList.empty());
        SanctionedNameChanged changed = delta(ListFormat.OFAC_SDN, OFAC_LATER, first).changed().get(0);
        SanctionedNameAdded now = first.evolve(changed).entry("OFAC-90001").orElseThrow();
        assertThat(now.aliases()).contains("Teo ZELMIR");
        assertThat(now.addedAt()).isEqualTo(first.entry("OFAC-90001").orElseThrow().addedAt());
    }

    @Test
    void entriesOfOtherSourcesAndNamesAddedByHandAreNeverTouched() {
        SanctionsList list = imported(ListFormat.UK_SANCTIONS_LIST, UK_FIRST, after(List.of(BY_HAND)));
        ListDelta delta = delta(ListFormat.OFAC_SDN, ListFiles.OFAC_FIRST, list);
        assertThat(delta.removed()).isEmpty();
        assertThat(delta.changed()).isEmpty();
        SanctionsList emptied = ListDelta.of(read(ListFormat.OFAC_SDN, ListFiles.OFAC_EMPTY), list, AT, "s", "n")
                .events().stream().reduce(list, SanctionsList::evolve, (a, b) -> b);
        assertThat(emptied.entries()).extracting(SanctionedNameAdded::entryId).contains(BY_HAND.entryId(),
                "UK-FIC0001", "UK-FIC0002", "UK-FIC0003");
    }
}
