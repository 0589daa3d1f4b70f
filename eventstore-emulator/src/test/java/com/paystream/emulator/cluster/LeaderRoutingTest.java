package com.paystream.emulator.cluster;

import com.paystream.emulator.EventStoreEmulator;
import io.kurrent.dbclient.AppendStreamRequest;
import io.kurrent.dbclient.CreatePersistentSubscriptionToStreamOptions;
import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.KurrentDBConnectionString;
import io.kurrent.dbclient.KurrentDBPersistentSubscriptionsClient;
import io.kurrent.dbclient.NotLeaderException;
import io.kurrent.dbclient.ReadResult;
import io.kurrent.dbclient.ReadStreamOptions;
import io.kurrent.dbclient.StreamState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.Future;

import static com.paystream.emulator.EmulatorExtension.newStream;
import static com.paystream.emulator.TestEvents.await;
import static com.paystream.emulator.TestEvents.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** What a follower serves, and what it refuses naming the leader, to the official client connected to it alone. */
class LeaderRoutingTest {
    private static EventStoreEmulator emulator;
    private static KurrentDBClient leader;
    private static KurrentDBClient followerPreferred;

    @BeforeAll
    static void start() {
        emulator = EventStoreEmulator.inMemory().clusterNodePorts(0).start();
        leader = client(emulator.port(), "");
        followerPreferred = client(emulator.ports().get(1), "&nodePreference=follower");
    }

    private static KurrentDBClient client(int port, String options) {
        return KurrentDBClient.create(KurrentDBConnectionString.parseOrThrow(
                "kurrentdb://localhost:" + port + "?tls=false" + options));
    }

    @AfterAll
    static void stop() {
        leader.shutdown();
        followerPreferred.shutdown();
        emulator.close();
    }

    /**
     * What a new client of the follower alone (its default preference: the leader) is told when it asks that; the
     * client then reconnects to the leader named, hence a new client for each question.
     */
    private static Throwable refusalOfTheFollower(ClientCall call) {
        KurrentDBClient follower = client(emulator.ports().get(1), "");
        try {
            return catchThrowable(() -> await(call.on(follower)));
        } finally {
            follower.shutdown();
        }
    }

    private interface ClientCall {
        Future<?> on(KurrentDBClient client) throws Exception;
    }

    private static void assertNamesTheLeader(Throwable refusal) {
        assertThat(refusal).isInstanceOf(NotLeaderException.class);
        assertThat(((NotLeaderException) refusal).getLeaderEndpoint())
                .isEqualTo(new InetSocketAddress("localhost", emulator.port()));
    }

    @Test
    void aFollowerRefusesAnAppendNamingTheLeader() {
        Throwable refusal = refusalOfTheFollower(follower -> follower.appendToStream(newStream("orders"),
                json("OrderPlaced")));

        assertNamesTheLeader(refusal);
    }

    @Test
    void aFollowerRefusesAMultiStreamAppendNamingTheLeader() {
        Throwable refusal = refusalOfTheFollower(follower -> follower.multiStreamAppend(List.of(
                new AppendStreamRequest(newStream("orders"), List.of(json("OrderPlaced")).iterator(),
                        StreamState.noStream())).iterator()));

        assertNamesTheLeader(refusal);
    }

    @Test
    void aFollowerRefusesAReadThatNeedsTheLeaderTheClientsDefault() throws Exception {
        String stream = newStream("orders");
        await(leader.appendToStream(stream, json("OrderPlaced")));

        Throwable refusal = refusalOfTheFollower(follower -> follower.readStream(stream, ReadStreamOptions.get()));

        assertNamesTheLeader(refusal);
    }

    @Test
    void aFollowerServesAReadFromAClientPreferringFollowers() throws Exception {
        String stream = newStream("orders");
        await(leader.appendToStream(stream, json("OrderPlaced")));

        ReadResult read = await(followerPreferred.readStream(stream, ReadStreamOptions.get()));

        assertThat(read.getEvents()).extracting(e -> e.getEvent().getEventType()).containsExactly("OrderPlaced");
    }

    @Test
    void aFollowerTakesAnAppendThatDoesNotNeedTheLeaderAndTheLeaderHasItAsTheRealServerForwardsIt() throws Exception {
        String stream = newStream("orders");

        await(followerPreferred.appendToStream(stream, json("OrderPlaced")));

        assertThat(await(leader.readStream(stream, ReadStreamOptions.get())).getEvents()).hasSize(1);
    }

    @Test
    void aFollowerRefusesPersistentSubscriptionsNamingTheLeader() {
        KurrentDBPersistentSubscriptionsClient follower = KurrentDBPersistentSubscriptionsClient.create(
                KurrentDBConnectionString.parseOrThrow("kurrentdb://localhost:" + emulator.ports().get(1)
                        + "?tls=false"));
        try {
            Throwable refusal = catchThrowable(() -> await(follower.createToStream(newStream("orders"), "group",
                    CreatePersistentSubscriptionToStreamOptions.get())));

            assertNamesTheLeader(refusal);
        } finally {
            follower.shutdown();
        }
    }
}
