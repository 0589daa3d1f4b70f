package com.paystream.emulator.cluster;

import com.paystream.emulator.EventStoreEmulator;
import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.KurrentDBConnectionString;
import io.kurrent.dbclient.NotLeaderException;
import io.kurrent.dbclient.ResolvedEvent;
import io.kurrent.dbclient.Subscription;
import io.kurrent.dbclient.SubscriptionListener;
import io.kurrent.dbclient.SubscribeToStreamOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.paystream.emulator.EmulatorExtension.newStream;
import static com.paystream.emulator.TestEvents.await;
import static com.paystream.emulator.TestEvents.json;
import static com.paystream.emulator.cluster.GossipTest.gossip;
import static com.paystream.emulator.cluster.GossipTest.leaderPort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

class ElectionTest {
    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    private EventStoreEmulator twoNodes(boolean authentication) {
        EventStoreEmulator emulator = EventStoreEmulator.inMemory().clusterNodePorts(0).authentication(authentication)
                .start();
        opened.add(emulator);
        return emulator;
    }

    private KurrentDBClient client(String connectionString) {
        KurrentDBClient client = KurrentDBClient.create(KurrentDBConnectionString.parseOrThrow(connectionString));
        opened.add(client::shutdown);
        return client;
    }

    private static int resign(int port, String credentials) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/admin/node/resign")).POST(HttpRequest.BodyPublishers.noBody());
        if (credentials != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    @Test
    void afterAnElectionTheClientIsToldOnceWhoLeadsAndThenWritesThere() throws Exception {
        EventStoreEmulator emulator = twoNodes(false);
        KurrentDBClient client = client(emulator.discoverConnectionString());
        String stream = newStream("orders");
        await(client.appendToStream(stream, json("OrderPlaced")));
        int newLeader = emulator.ports().get(1);

        emulator.cluster().elect(newLeader);
        Throwable told = catchThrowable(() -> await(client.appendToStream(stream, json("OrderPaid"))));
        await(client.appendToStream(stream, json("OrderShipped")));

        assertThat(told).isInstanceOf(NotLeaderException.class);
        assertThat(((NotLeaderException) told).getLeaderEndpoint())
                .isEqualTo(new InetSocketAddress("localhost", newLeader));
        assertThat(leaderPort(gossip(emulator.port()))).isEqualTo(newLeader);
        assertThat(await(client.readStream(stream, io.kurrent.dbclient.ReadStreamOptions.get())).getEvents())
                .extracting(e -> e.getEvent().getEventType()).containsExactly("OrderPlaced", "OrderShipped");
    }

    @Test
    void theLeaderResigningOverHttpHandsOverToTheNextNodeAndAFollowerResigningChangesNothing() throws Exception {
        EventStoreEmulator emulator = twoNodes(false);
        int first = emulator.port();
        int second = emulator.ports().get(1);

        assertThat(resign(first, null)).isEqualTo(200);
        assertThat(leaderPort(gossip(first))).isEqualTo(second);
        assertThat(resign(first, null)).isEqualTo(200);
        assertThat(leaderPort(gossip(first))).isEqualTo(second);
        assertThat(resign(second, null)).isEqualTo(200);
        assertThat(leaderPort(gossip(second))).isEqualTo(first);
    }

    @Test
    void onASecureNodeOnlyOpsAndAdminsMayMakeTheLeaderResign() throws Exception {
        EventStoreEmulator emulator = twoNodes(true);

        assertThat(resign(emulator.port(), null)).isEqualTo(401);
        assertThat(leaderPort(gossip(emulator.port()))).isEqualTo(emulator.port());
        assertThat(resign(emulator.port(), "admin:changeit")).isEqualTo(200);
        assertThat(leaderPort(gossip(emulator.port()))).isEqualTo(emulator.ports().get(1));
    }

    @Test
    void aCatchUpSubscriptionOnTheFormerLeaderKeepsReceivingWhatTheNewLeaderWrites() throws Exception {
        EventStoreEmulator emulator = twoNodes(false);
        KurrentDBClient onFirstNode = client("kurrentdb://localhost:" + emulator.port() + "?tls=false");
        KurrentDBClient onSecondNode = client("kurrentdb://localhost:" + emulator.ports().get(1) + "?tls=false");
        String stream = newStream("orders");
        List<String> received = new CopyOnWriteArrayList<>();
        Subscription subscription = await(onFirstNode.subscribeToStream(stream, new SubscriptionListener() {
            @Override
            public void onEvent(Subscription subscription, ResolvedEvent event) {
                received.add(event.getEvent().getEventType());
            }
        }, SubscribeToStreamOptions.get().fromStart()));
        opened.add(subscription::stop);
        await(onFirstNode.appendToStream(stream, json("OrderPlaced")));

        emulator.cluster().elect(emulator.ports().get(1));
        await(onSecondNode.appendToStream(stream, json("OrderPaid")));

        await().atMost(Duration.ofSeconds(5)).until(() -> received.size() >= 2);
        assertThat(received).containsExactly("OrderPlaced", "OrderPaid");
    }
}
