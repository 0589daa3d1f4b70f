package com.paystream.sanctions.list;

import com.paystream.events.EventJson;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SanctionsListCodecTest {
    private final SanctionsListCodec codec = SanctionsListCodec.INSTANCE;

    @Test
    void everyListEventHasAStableStoredName() {
        assertThat(SanctionsListCodec.typeNames())
                .containsExactlyInAnyOrder("SanctionedNameAdded", "SanctionedNameRemoved", "SanctionedNameChanged",
                        "SanctionsListImported");
    }

    @Test
    void aChangedEventIsStoredInItsFrozenJsonForm() {
        SanctionedNameChanged changed = new SanctionedNameChanged("OFAC-1", "Ivan Petrov", List.of("I. Petrov"),
                LocalDate.of(1961, 3, 14), "NO", "OFAC SDN 1 (Individual; FICT1)",
                Instant.parse("2025-01-02T03:04:05Z"), "subject-1", "officer-1");
        assertThat(new String(codec.serialize(changed), StandardCharsets.UTF_8)).isEqualTo(
                "{\"entryId\":\"OFAC-1\",\"name\":\"Ivan Petrov\",\"aliases\":[\"I. Petrov\"],"
                        + "\"dateOfBirth\":\"1961-03-14\",\"country\":\"NO\","
                        + "\"listReference\":\"OFAC SDN 1 (Individual; FICT1)\","
                        + "\"changedAt\":\"2025-01-02T03:04:05Z\",\"changedBy\":\"subject-1\","
                        + "\"changedByName\":\"officer-1\"}");
    }

    @Test
    void anImportRecordIsStoredInItsFrozenJsonForm() {
        SanctionsListImported imported = new SanctionsListImported("ofac-sdn", "ofac-sdn:2026-11-02:0123456789abcdef",
                LocalDate.of(2026, 11, 2), "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", 3, 2,
                1, 0, Instant.parse("2026-11-02T09:00:00Z"), "subject-1", "officer-1");
        assertThat(new String(codec.serialize(imported), StandardCharsets.UTF_8)).isEqualTo(
                "{\"source\":\"ofac-sdn\",\"publicationId\":\"ofac-sdn:2026-11-02:0123456789abcdef\","
                        + "\"publishedOn\":\"2026-11-02\","
                        + "\"sha256\":\"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\","
                        + "\"entries\":3,\"added\":2,\"removed\":1,\"changed\":0,"
                        + "\"importedAt\":\"2026-11-02T09:00:00Z\",\"importedBy\":\"subject-1\","
                        + "\"importedByName\":\"officer-1\"}");
        assertThat(codec.deserialize(codec.typeName(imported), codec.serialize(imported))).isEqualTo(imported);
    }

    @Test
    void anAddedEventIsStoredInItsFrozenJsonForm() {
        SanctionedNameAdded added = new SanctionedNameAdded("e1", "Ivan Petrov", List.of("I. Petrov"),
                LocalDate.of(1961, 3, 14), "ZZ", "REF-1", Instant.parse("2025-01-02T03:04:05Z"), "subject-1",
                "officer-1");
        assertThat(new String(codec.serialize(added), StandardCharsets.UTF_8)).isEqualTo(
                "{\"entryId\":\"e1\",\"name\":\"Ivan Petrov\",\"aliases\":[\"I. Petrov\"],"
                        + "\"dateOfBirth\":\"1961-03-14\",\"country\":\"ZZ\",\"listReference\":\"REF-1\","
                        + "\"addedAt\":\"2025-01-02T03:04:05Z\",\"addedBy\":\"subject-1\","
                        + "\"addedByName\":\"officer-1\"}");
    }

    @Test
    void aRemovedEventIsStoredInItsFrozenJsonForm() {
        SanctionedNameRemoved removed = new SanctionedNameRemoved("e1", "delisted",
                Instant.parse("2025-01-02T03:04:05Z"), "subject-1", "officer-1");
        assertThat(new String(codec.serialize(removed), StandardCharsets.UTF_8)).isEqualTo(
                "{\"entryId\":\"e1\",\"reason\":\"delisted\",\"removedAt\":\"2025-01-02T03:04:05Z\","
                        + "\"removedBy\":\"subject-1\",\"removedByName\":\"officer-1\"}");
    }

    @Test
    void anAddedEventFromBeforeWhoAddedItWasKeptStillReads() {
        byte[] older = ("{\"entryId\":\"e1\",\"name\":\"Ivan Petrov\",\"aliases\":[],\"listReference\":\"REF-1\","
                + "\"addedAt\":\"2025-01-02T03:04:05Z\"}").getBytes(StandardCharsets.UTF_8);
        SanctionsListEvent read = codec.deserialize("SanctionedNameAdded", older);
        assertThat(((SanctionedNameAdded) read).addedBy()).isNull();
    }

    @Test
    void anAddedEventFromBeforeNamesWereKeptStillReadsWithItsLogin() {
        byte[] older = ("{\"entryId\":\"e1\",\"name\":\"Ivan Petrov\",\"aliases\":[],\"listReference\":\"REF-1\","
                + "\"addedAt\":\"2025-01-02T03:04:05Z\",\"addedBy\":\"operator\"}").getBytes(StandardCharsets.UTF_8);
        SanctionedNameAdded read = (SanctionedNameAdded) codec.deserialize("SanctionedNameAdded", older);
        assertThat(read.addedBy()).isEqualTo("operator");
        assertThat(read.addedByName()).isNull();
    }

    @Test
    void aRemovedEventFromBeforeNamesWereKeptStillReads() {
        byte[] older = ("{\"entryId\":\"e1\",\"reason\":\"delisted\",\"removedAt\":\"2025-01-02T03:04:05Z\","
                + "\"removedBy\":\"operator\"}").getBytes(StandardCharsets.UTF_8);
        assertThat(codec.deserialize("SanctionedNameRemoved", older)).isEqualTo(new SanctionedNameRemoved("e1",
                "delisted", Instant.parse("2025-01-02T03:04:05Z"), "operator", null));
    }

    @Test
    void aRemovedEventReadsBackEqual() {
        SanctionedNameRemoved removed = new SanctionedNameRemoved("e1", "delisted", Instant.EPOCH, "subject-1",
                "officer-1");
        assertThat(codec.deserialize(codec.typeName(removed), codec.serialize(removed))).isEqualTo(removed);
    }

    @Test
    void anUnknownTypeIsUnreadableNotSkipped() {
        assertThatThrownBy(() -> codec.deserialize("SomethingElse", "{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventJson.UnreadableEventException.class);
    }

    @Test
    void theSeedFileHoldsFifteenFictitiousEntriesWithDistinctIds() {
        List<SanctionsListEvent> seed = SeedSanctionsList.seedEvents();
        assertThat(seed).hasSize(15);
        assertThat(seed.stream().map(event -> ((SanctionedNameAdded) event).entryId()).distinct()).hasSize(15);
    }
}
