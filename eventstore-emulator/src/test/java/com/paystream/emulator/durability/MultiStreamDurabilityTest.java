package com.paystream.emulator.durability;

import com.paystream.emulator.EventStoreEmulator;
import io.kurrent.dbclient.AppendStreamRequest;
import io.kurrent.dbclient.EventData;
import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.ReadStreamOptions;
import io.kurrent.dbclient.RecordedEvent;
import io.kurrent.dbclient.StreamNotFoundException;
import io.kurrent.dbclient.StreamState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static com.paystream.emulator.TestEvents.await;
import static com.paystream.emulator.TestEvents.json;
import static com.paystream.emulator.durability.KilledUnderLoad.clientFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A multi-stream append is one group-commit unit in the log: after a crash all of its streams are there, or none. */
class MultiStreamDurabilityTest {
    @TempDir
    Path data;

    /** The stream's events, or null when it does not exist. */
    private static List<RecordedEvent> read(KurrentDBClient client, String stream) throws Exception {
        try {
            return await(client.readStream(stream, ReadStreamOptions.get())).getEvents().stream()
                    .map(e -> e.getEvent()).toList();
        } catch (StreamNotFoundException e) {
            return null;
        }
    }

    private static List<AppendStreamRequest> session(String... streams) {
        return java.util.Arrays.stream(streams).map(stream -> new AppendStreamRequest(stream,
                List.of(json("Placed"), json("Priced")).iterator(), StreamState.noStream())).toList();
    }

    @Test
    void aSessionTornInTheMiddleOfItsCommitIsCutWholeOnRestart() throws Exception {
        String before = "order-" + UUID.randomUUID();
        String first = "order-" + UUID.randomUUID();
        String second = "stock-" + UUID.randomUUID();
        Path log = data.resolve("events.log");
        long sessionStart;
        long sessionEnd;
        try (EventStoreEmulator emulator = EventStoreEmulator.durable(data).start()) {
            KurrentDBClient client = clientFor(emulator.port());
            await(client.appendToStream(before, json("Placed")));
            sessionStart = Files.size(log);
            await(client.multiStreamAppend(session(first, second).iterator()));
            sessionEnd = Files.size(log);
            client.shutdown().get();
        }
        try (FileChannel channel = FileChannel.open(log, StandardOpenOption.WRITE)) {
            channel.truncate(sessionStart + (sessionEnd - sessionStart) / 2);
        }

        try (EventStoreEmulator emulator = EventStoreEmulator.durable(data).start()) {
            KurrentDBClient client = clientFor(emulator.port());
            List<RecordedEvent> kept = read(client, before);
            List<RecordedEvent> firstAfter = read(client, first);
            List<RecordedEvent> secondAfter = read(client, second);
            client.shutdown().get();

            assertThat(kept).hasSize(1);
            assertThat(firstAfter).isNull();
            assertThat(secondAfter).isNull();
            assertThat(Files.size(log)).isEqualTo(sessionStart);
        }
    }

    @Test
    void everySessionAcknowledgedBeforeAKillMinus9IsThereWholeAndNoSessionIsThereInPart() throws Exception {
        Map<String, List<String>> sent = new ConcurrentHashMap<>();
        Map<String, Boolean> acknowledged = new ConcurrentHashMap<>();
        KilledUnderLoad.writeThenKill(data, acknowledged::size, 100, client -> {
            String id = UUID.randomUUID().toString();
            List<String> streams = List.of("order-" + id, "stock-" + id, "audit-" + id);
            sent.put(id, streams);
            client.multiStreamAppend(session(streams.toArray(String[]::new)).iterator()).get(5, TimeUnit.SECONDS);
            acknowledged.put(id, true);
        });

        try (EventStoreEmulator emulator = EventStoreEmulator.durable(data).start()) {
            KurrentDBClient client = clientFor(emulator.port());
            for (Map.Entry<String, List<String>> session : sent.entrySet()) {
                int present = 0;
                for (String stream : session.getValue()) {
                    List<RecordedEvent> events = read(client, stream);
                    if (events != null) {
                        assertThat(events).extracting(RecordedEvent::getEventType)
                                .containsExactly("Placed", "Priced");
                        present++;
                    }
                }
                if (acknowledged.containsKey(session.getKey())) {
                    assertThat(present).as("streams of acknowledged session %s", session.getKey()).isEqualTo(3);
                } else {
                    assertThat(present).as("streams of unacknowledged session %s", session.getKey())
                            .isIn(0, 3);
                }
            }
            client.shutdown().get();
        }
    }
}
