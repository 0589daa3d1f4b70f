package com.paystream.emulator.persistent;

import com.paystream.emulator.EventStoreEmulator;
import io.kurrent.dbclient.CreatePersistentSubscriptionToStreamOptions;
import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.KurrentDBClientSettings;
import io.kurrent.dbclient.KurrentDBConnectionString;
import io.kurrent.dbclient.KurrentDBPersistentSubscriptionsClient;
import io.kurrent.dbclient.NackAction;
import io.kurrent.dbclient.PersistentSubscription;
import io.kurrent.dbclient.PersistentSubscriptionToStreamInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static com.paystream.emulator.EmulatorExtension.newStream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DurablePersistentSubscriptionTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @TempDir
    Path data;

    /** An emulator with its two clients, closed together. */
    private record Running(EventStoreEmulator emulator, KurrentDBClient streams,
                           KurrentDBPersistentSubscriptionsClient persistent) implements AutoCloseable {
        static Running start(Path data) {
            EventStoreEmulator emulator = EventStoreEmulator.durable(data).start();
            KurrentDBClientSettings settings = KurrentDBConnectionString.parseOrThrow(emulator.kurrentdbConnectionString());
            return new Running(emulator, KurrentDBClient.create(settings),
                    KurrentDBPersistentSubscriptionsClient.create(settings));
        }

        @Override
        public void close() throws Exception {
            persistent.shutdown().get();
            streams.shutdown().get();
            emulator.close();
        }
    }

    @Test
    void aRestartedEmulatorKeepsTheGroupAndResumesAfterItsCheckpoint() throws Exception {
        String stream = newStream("orders");
        try (Running first = Running.start(data)) {
            first.persistent().createToStream(stream, "billing", CreatePersistentSubscriptionToStreamOptions.get()
                    .fromStart().maxRetryCount(4).checkpointLowerBound(1).checkpointUpperBound(1)).get();
            Events.appendMany(first.streams(), stream, "OrderPlaced", 5);
            Consumer consumer = Consumer.acking();
            PersistentSubscription subscription = first.persistent().subscribeToStream(stream, "billing", consumer)
                    .get();
            await().atMost(WAIT).until(() -> first.persistent().getInfoToStream(stream, "billing").get()
                    .orElseThrow().getStats().getLastCheckpointedEventRevision().orElse(-1L) == 4L);
            subscription.stop();
        }

        try (Running second = Running.start(data)) {
            Optional<PersistentSubscriptionToStreamInfo> info = second.persistent()
                    .getInfoToStream(stream, "billing").get();
            assertThat(info).isPresent();
            assertThat(info.get().getSettings().getMaxRetryCount()).isEqualTo(4);
            assertThat(info.get().getStats().getLastCheckpointedEventRevision()).contains(4L);

            Events.append(second.streams(), stream, "OrderShipped");
            Consumer consumer = Consumer.acking();
            PersistentSubscription subscription = second.persistent().subscribeToStream(stream, "billing", consumer)
                    .get();

            await().atMost(WAIT).until(() -> consumer.deliveries.size() >= 1);
            Thread.sleep(300);
            assertThat(consumer.revisions()).containsExactly(5L);
            subscription.stop();
        }
    }

    @Test
    void aGroupCreatedFromTheEndKeepsItsStartingPointAcrossARestart() throws Exception {
        String stream = newStream("orders");
        try (Running first = Running.start(data)) {
            Events.append(first.streams(), stream, "Before");
            first.persistent().createToStream(stream, "billing").get();
            Events.append(first.streams(), stream, "After");
        }

        try (Running second = Running.start(data)) {
            Consumer consumer = Consumer.acking();
            PersistentSubscription subscription = second.persistent().subscribeToStream(stream, "billing", consumer)
                    .get();

            await().atMost(WAIT).until(() -> consumer.deliveries.size() >= 1);
            Thread.sleep(300);
            assertThat(consumer.types()).containsExactly("After");
            subscription.stop();
        }
    }

    @Test
    void aDeletedGroupStaysDeletedAfterARestart() throws Exception {
        String stream = newStream("orders");
        try (Running first = Running.start(data)) {
            first.persistent().createToStream(stream, "billing").get();
            first.persistent().createToStream(stream, "shipping").get();
            first.persistent().deleteToStream(stream, "billing").get();
        }

        try (Running second = Running.start(data)) {
            assertThat(second.persistent().getInfoToStream(stream, "billing").get()).isEmpty();
            assertThat(second.persistent().getInfoToStream(stream, "shipping").get()).isPresent();
        }
    }

    private static long parkedCount(Running running, String stream, String group) throws Exception {
        return running.persistent().getInfoToStream(stream, group).get().orElseThrow().getStats()
                .getParkedMessageCount();
    }

    private static long checkpoint(Running running, String stream, String group) throws Exception {
        return running.persistent().getInfoToStream(stream, group).get().orElseThrow().getStats()
                .getLastCheckpointedEventRevision().orElse(-1L);
    }

    /** Parks what comes from the source; replayed (linked) deliveries are acked when {@code ackReplays}. */
    private static Consumer parking(boolean ackReplays) {
        return new Consumer((s, d) -> {
            if (d.event().getLink() == null) {
                s.nack(NackAction.Park, "later", d.event());
            } else if (ackReplays) {
                s.ack(d.event());
            }
        });
    }

    private static List<String> replayedTypes(Consumer consumer) {
        return consumer.deliveries.stream().filter(d -> d.event().getLink() != null)
                .map(d -> d.event().getEvent().getEventType()).toList();
    }

    /** Creates the group, parks A and B, replays them to a consumer and waits until both have been redelivered. */
    private static PersistentSubscription parkAndReplay(Running running, String stream, Consumer consumer)
            throws Exception {
        running.persistent().createToStream(stream, "billing", CreatePersistentSubscriptionToStreamOptions.get()
                .fromStart().checkpointLowerBound(1).checkpointUpperBound(1)).get();
        Events.append(running.streams(), stream, "A", "B");
        PersistentSubscription subscription = running.persistent().subscribeToStream(stream, "billing", consumer)
                .get();
        await().atMost(WAIT).until(() -> parkedCount(running, stream, "billing") == 2
                && checkpoint(running, stream, "billing") == 1L);
        running.persistent().replayParkedMessagesToStream(stream, "billing").get();
        await().atMost(WAIT).until(() -> replayedTypes(consumer).size() == 2);
        return subscription;
    }

    @Test
    void replayedParkedMessagesThatWereNotAckedBeforeARestartAreStillParkedAfterIt() throws Exception {
        String stream = newStream("orders");
        try (Running first = Running.start(data)) {
            parkAndReplay(first, stream, parking(false)).stop();
        }

        try (Running second = Running.start(data)) {
            assertThat(parkedCount(second, stream, "billing")).isEqualTo(2);
            Consumer consumer = parking(true);
            PersistentSubscription subscription = second.persistent().subscribeToStream(stream, "billing", consumer)
                    .get();
            second.persistent().replayParkedMessagesToStream(stream, "billing").get();

            await().atMost(WAIT).until(() -> replayedTypes(consumer).size() >= 2
                    && parkedCount(second, stream, "billing") == 0);
            assertThat(replayedTypes(consumer)).containsExactly("A", "B");
            subscription.stop();
        }
    }

    @Test
    void replayedParkedMessagesAckedBeforeARestartAreNotParkedAfterIt() throws Exception {
        String stream = newStream("orders");
        try (Running first = Running.start(data)) {
            PersistentSubscription subscription = parkAndReplay(first, stream, parking(true));
            await().atMost(WAIT).until(() -> parkedCount(first, stream, "billing") == 0);
            subscription.stop();
        }

        try (Running second = Running.start(data)) {
            assertThat(parkedCount(second, stream, "billing")).isZero();
            Consumer consumer = parking(true);
            PersistentSubscription subscription = second.persistent().subscribeToStream(stream, "billing", consumer)
                    .get();
            second.persistent().replayParkedMessagesToStream(stream, "billing").get();

            Thread.sleep(300);
            assertThat(consumer.deliveries).isEmpty();
            subscription.stop();
        }
    }
}
