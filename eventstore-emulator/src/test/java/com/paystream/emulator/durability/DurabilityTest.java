package com.paystream.emulator.durability;

import com.paystream.emulator.EventStoreEmulator;
import io.kurrent.dbclient.EventData;
import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.ReadStreamOptions;
import io.kurrent.dbclient.RecordedEvent;
import io.kurrent.dbclient.WriteResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static com.paystream.emulator.TestEvents.await;
import static com.paystream.emulator.TestEvents.json;
import static com.paystream.emulator.TestEvents.numbered;
import static com.paystream.emulator.durability.KilledUnderLoad.clientFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DurabilityTest {
    @TempDir
    Path data;

    private static List<RecordedEvent> read(KurrentDBClient client, String stream) throws Exception {
        return await(client.readStream(stream, ReadStreamOptions.get())).getEvents().stream()
                .map(e -> e.getEvent()).toList();
    }

    @Test
    void eventsAcknowledgedBeforeACleanShutdownAreThereAfterARestart() throws Exception {
        String stream = "order-" + UUID.randomUUID();
        List<RecordedEvent> before;
        try (EventStoreEmulator emulator = EventStoreEmulator.durable(data).start()) {
            KurrentDBClient client = clientFor(emulator.port());
            await(client.appendToStream(stream, numbered("Placed", 3).iterator()));
            await(client.deleteStream("other-" + UUID.randomUUID()));
            before = read(client, stream);
            client.shutdown().get();
        }

        try (EventStoreEmulator emulator = EventStoreEmulator.durable(data).start()) {
            KurrentDBClient client = clientFor(emulator.port());
            List<RecordedEvent> after = read(client, stream);
            WriteResult next = await(client.appendToStream(stream, json("Shipped")));
            client.shutdown().get();

            assertThat(after).extracting(RecordedEvent::getEventId, RecordedEvent::getRevision,
                    RecordedEvent::getPosition, RecordedEvent::getCreated).containsExactlyElementsOf(
                    before.stream().map(e -> org.assertj.core.groups.Tuple.tuple(e.getEventId(), e.getRevision(),
                            e.getPosition(), e.getCreated())).toList());
            assertThat(next.getLogPosition().getCommitUnsigned())
                    .isGreaterThan(before.get(2).getPosition().getCommitUnsigned());
        }
    }

    @Test
    void metadataAndTombstonesSurviveARestart() throws Exception {
        String limited = "order-" + UUID.randomUUID();
        String tombstoned = "order-" + UUID.randomUUID();
        try (EventStoreEmulator emulator = EventStoreEmulator.durable(data).start()) {
            KurrentDBClient client = clientFor(emulator.port());
            await(client.appendToStream(limited, numbered("Placed", 3).iterator()));
            io.kurrent.dbclient.StreamMetadata metadata = new io.kurrent.dbclient.StreamMetadata();
            metadata.setMaxCount(1L);
            await(client.setStreamMetadata(limited, metadata));
            await(client.appendToStream(tombstoned, json("Placed")));
            await(client.tombstoneStream(tombstoned));
            client.shutdown().get();
        }

        try (EventStoreEmulator emulator = EventStoreEmulator.durable(data).start()) {
            KurrentDBClient client = clientFor(emulator.port());
            assertThat(read(client, limited)).extracting(RecordedEvent::getRevision).containsExactly(2L);
            assertThat(emulator.store().isTombstoned(tombstoned)).isTrue();
            client.shutdown().get();
        }
    }

    @Test
    void everyEventAcknowledgedBeforeAKillMinus9IsThereWithTheSameRevisionAndPosition() throws Exception {
        Map<UUID, WriteResult> acknowledged = new ConcurrentHashMap<>();
        Map<UUID, String> streamOf = new ConcurrentHashMap<>();
        KilledUnderLoad.writeThenKill(data, acknowledged::size, 300, client -> {
            String stream = "load-" + Thread.currentThread().getId();
            UUID id = UUID.randomUUID();
            EventData event = EventData.builderAsJson("Loaded",
                    ("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8)).eventId(id).build();
            WriteResult result = client.appendToStream(stream, event).get(5, TimeUnit.SECONDS);
            streamOf.put(id, stream);
            acknowledged.put(id, result);
        });

        try (EventStoreEmulator emulator = EventStoreEmulator.durable(data).start()) {
            KurrentDBClient client = clientFor(emulator.port());
            Map<UUID, RecordedEvent> recovered = new ConcurrentHashMap<>();
            for (String stream : new java.util.HashSet<>(streamOf.values())) {
                for (RecordedEvent event : read(client, stream)) {
                    recovered.put(event.getEventId(), event);
                }
            }
            client.shutdown().get();

            assertThat(acknowledged).isNotEmpty();
            acknowledged.forEach((id, ack) -> {
                RecordedEvent event = recovered.get(id);
                assertThat(event).as("acknowledged event %s", id).isNotNull();
                assertThat(event.getStreamId()).isEqualTo(streamOf.get(id));
                assertThat(io.kurrent.dbclient.StreamState.streamRevision(event.getRevision()))
                        .isEqualTo(ack.getNextExpectedRevision());
                assertThat(event.getPosition()).isEqualTo(ack.getLogPosition());
            });
        }
        assertThat(new File(data.toFile(), "events.log")).exists();
    }
}
