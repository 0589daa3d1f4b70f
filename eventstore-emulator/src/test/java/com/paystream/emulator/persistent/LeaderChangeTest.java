package com.paystream.emulator.persistent;

import com.paystream.emulator.EventStoreEmulator;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.kurrent.dbclient.CreatePersistentSubscriptionToStreamOptions;
import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.KurrentDBConnectionString;
import io.kurrent.dbclient.KurrentDBPersistentSubscriptionsClient;
import io.kurrent.dbclient.NotLeaderException;
import io.kurrent.dbclient.PersistentSubscription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.ExecutionException;

import static com.paystream.emulator.EmulatorExtension.newStream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * A change of leader, as the real server's persistent subscriptions live it: the old leader drops every consumer, and
 * the new one serves each group again from its last checkpoint.
 */
class LeaderChangeTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private EventStoreEmulator emulator;
    private KurrentDBClient streams;
    private KurrentDBPersistentSubscriptionsClient onFirstNode;
    private KurrentDBPersistentSubscriptionsClient onSecondNode;

    @BeforeEach
    void start() {
        emulator = EventStoreEmulator.inMemory().clusterNodePorts(0).start();
        streams = KurrentDBClient.create(KurrentDBConnectionString.parseOrThrow(
                emulator.discoverConnectionString()));
        onFirstNode = persistentClientOf(emulator.port());
        onSecondNode = persistentClientOf(emulator.ports().get(1));
    }

    private static KurrentDBPersistentSubscriptionsClient persistentClientOf(int port) {
        return KurrentDBPersistentSubscriptionsClient.create(KurrentDBConnectionString.parseOrThrow(
                "kurrentdb://localhost:" + port + "?tls=false"));
    }

    @AfterEach
    void stop() {
        onFirstNode.shutdown();
        onSecondNode.shutdown();
        streams.shutdown();
        emulator.close();
    }

    private String streamWithGroup(CreatePersistentSubscriptionToStreamOptions options) throws Exception {
        String stream = newStream("orders");
        Events.append(streams, stream, "A", "B", "C");
        onFirstNode.createToStream(stream, "group", options.fromStart()).get();
        return stream;
    }

    @Test
    void anElectionDropsTheConsumersOfTheFormerLeaderAsTheRealServerDoes() throws Exception {
        String stream = streamWithGroup(CreatePersistentSubscriptionToStreamOptions.get());
        Consumer consumer = Consumer.acking();
        PersistentSubscription subscription = onFirstNode.subscribeToStream(stream, "group", consumer).get();
        await().atMost(WAIT).until(() -> consumer.deliveries.size() == 3);

        emulator.cluster().elect(emulator.ports().get(1));

        await().atMost(WAIT).until(() -> consumer.cancelled);
        assertThat(consumer.cancelledWith).isInstanceOf(StatusRuntimeException.class);
        StatusRuntimeException dropped = (StatusRuntimeException) consumer.cancelledWith;
        assertThat(dropped.getStatus().getCode()).isEqualTo(Status.Code.CANCELLED);
        assertThat(dropped.getTrailers().get(Metadata.Key.of("exception", Metadata.ASCII_STRING_MARSHALLER)))
                .isEqualTo("persistent-subscription-dropped");
        subscription.stop();
    }

    @Test
    void theNewLeaderDeliversAgainEverythingAfterTheLastCheckpointAckedOrNot() throws Exception {
        // no checkpoint before 10 acks: the three acked events are after the last (no) checkpoint
        String stream = streamWithGroup(CreatePersistentSubscriptionToStreamOptions.get());
        Consumer before = Consumer.acking();
        onFirstNode.subscribeToStream(stream, "group", before).get();
        await().atMost(WAIT).until(() -> before.deliveries.size() == 3);

        emulator.cluster().elect(emulator.ports().get(1));
        Consumer after = Consumer.acking();
        PersistentSubscription again = onSecondNode.subscribeToStream(stream, "group", after).get();

        await().atMost(WAIT).until(() -> after.deliveries.size() == 3);
        assertThat(after.types()).containsExactly("A", "B", "C");
        again.stop();
    }

    @Test
    void theNewLeaderStartsAfterTheCheckpointTheFormerOneWrote() throws Exception {
        // a checkpoint after every ack: A and B acked, C held unacked when the leader changes
        String stream = streamWithGroup(CreatePersistentSubscriptionToStreamOptions.get().checkpointLowerBound(1)
                .checkpointUpperBound(1));
        Consumer before = new Consumer((subscription, delivery) -> {
            if (!delivery.event().getEvent().getEventType().equals("C")) {
                subscription.ack(delivery.event());
            }
        });
        onFirstNode.subscribeToStream(stream, "group", before).get();
        await().atMost(WAIT).until(() -> before.deliveries.size() == 3);
        await().atMost(WAIT).until(() -> onFirstNode.getInfoToStream(stream, "group").get().orElseThrow()
                .getStats().getLastCheckpointedEventRevision().orElse(-1L) == 1L);

        emulator.cluster().elect(emulator.ports().get(1));
        Consumer after = Consumer.acking();
        PersistentSubscription again = onSecondNode.subscribeToStream(stream, "group", after).get();

        await().atMost(WAIT).until(() -> after.deliveries.size() == 1);
        assertThat(after.types()).containsExactly("C");
        again.stop();
    }

    @Test
    void theFormerLeaderRefusesAConsumerNamingTheNewLeader() throws Exception {
        String stream = streamWithGroup(CreatePersistentSubscriptionToStreamOptions.get());

        emulator.cluster().elect(emulator.ports().get(1));
        Throwable refusal = catchThrowable(() -> onFirstNode.subscribeToStream(stream, "group", Consumer.acking())
                .get());

        assertThat(refusal).isInstanceOf(ExecutionException.class);
        assertThat(leaderPortIn(refusal.getCause())).isEqualTo(emulator.ports().get(1));
    }

    /** The leader a refusal names: in the trailers (the client hands back the raw status before a confirmation). */
    private static int leaderPortIn(Throwable refusal) {
        if (refusal instanceof NotLeaderException notLeader) {
            return notLeader.getLeaderEndpoint().getPort();
        }
        Metadata trailers = Status.trailersFromThrowable(refusal);
        return Integer.parseInt(trailers.get(Metadata.Key.of("leader-endpoint-port",
                Metadata.ASCII_STRING_MARSHALLER)));
    }
}
