package com.paystream.sanctions.list;

import com.paystream.sanctions.list.SanctionsListCommand.AddSanctionedName;
import com.paystream.sanctions.list.SanctionsListCommand.RemoveSanctionedName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SanctionsListDeciderTest {
    private static final Instant AT = Instant.parse("2025-01-02T03:04:05Z");
    private static final LocalDate DOB = LocalDate.of(1961, 3, 14);

    private static AddSanctionedName add(String entryId, String name, LocalDate dob) {
        return new AddSanctionedName(entryId, name, List.of("Alias One"), dob, "ZZ", "REF-1", AT, "subject-1",
                "officer-1");
    }

    private static SanctionsList listWith(SanctionsListEvent... events) {
        return SanctionsList.of(List.of(events));
    }

    private static SanctionedNameAdded added(String entryId, String name, LocalDate dob) {
        return new SanctionedNameAdded(entryId, name, List.of(), dob, "ZZ", "REF-0", AT, "subject-0", "officer-0");
    }

    @Test
    void givenEmptyList_whenNameAdded_thenAddedEventRecordedWithEverything() {
        List<SanctionsListEvent> events = SanctionsListDecider.decide(add("e1", "Ivan Petrov", DOB),
                SanctionsList.empty());
        assertThat(events).containsExactly(new SanctionedNameAdded("e1", "Ivan Petrov", List.of("Alias One"), DOB,
                "ZZ", "REF-1", AT, "subject-1", "officer-1"));
    }

    @Test
    void givenNameListedWithSameDateOfBirth_whenAddedAgain_thenRefusedAsAlreadyListed() {
        SanctionsList list = listWith(added("e1", "Ivan Petrov", DOB));
        assertThatThrownBy(() -> SanctionsListDecider.decide(add("e2", "IVAN  petrov", DOB), list))
                .isInstanceOf(SanctionsListRejection.AlreadyListed.class);
    }

    @Test
    void givenNameListedWithAnotherDateOfBirth_whenAdded_thenAddedAsAnotherPerson() {
        SanctionsList list = listWith(added("e1", "Ivan Petrov", DOB));
        assertThat(SanctionsListDecider.decide(add("e2", "Ivan Petrov", DOB.plusYears(1)), list)).hasSize(1);
    }

    @Test
    void givenNameRemoved_whenAddedAgain_thenAdded() {
        SanctionsList list = listWith(added("e1", "Ivan Petrov", DOB),
                new SanctionedNameRemoved("e1", "delisted", AT, "subject-1", "officer-1"));
        assertThat(SanctionsListDecider.decide(add("e2", "Ivan Petrov", DOB), list)).hasSize(1);
    }

    @Test
    void givenListedEntry_whenRemoved_thenRemovedEventRecordedWithReason() {
        SanctionsList list = listWith(added("e1", "Ivan Petrov", DOB));
        assertThat(SanctionsListDecider.decide(
                new RemoveSanctionedName("e1", "delisted by regulator", AT, "subject-2", "officer-2"), list))
                .containsExactly(new SanctionedNameRemoved("e1", "delisted by regulator", AT, "subject-2",
                        "officer-2"));
    }

    @Test
    void givenUnknownEntry_whenRemoved_thenRefusedAsUnknown() {
        assertThatThrownBy(() -> SanctionsListDecider.decide(
                new RemoveSanctionedName("nope", "x", AT, "subject-1", "officer-1"), SanctionsList.empty()))
                .isInstanceOf(SanctionsListRejection.UnknownEntry.class);
    }

    @Test
    void givenRemovedEntry_whenRemovedAgain_thenRefusedAsUnknown() {
        SanctionsList list = listWith(added("e1", "Ivan Petrov", DOB),
                new SanctionedNameRemoved("e1", "x", AT, "subject-1", "officer-1"));
        assertThatThrownBy(() -> SanctionsListDecider.decide(
                new RemoveSanctionedName("e1", "again", AT, "subject-1", "officer-1"), list))
                .isInstanceOf(SanctionsListRejection.UnknownEntry.class);
    }
}
