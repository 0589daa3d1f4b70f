package com.paystream.emulator.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.paystream.emulator.EventStoreEmulator;
import io.kurrent.dbclient.AppendStreamRequest;
import io.kurrent.dbclient.CreatePersistentSubscriptionToStreamOptions;
import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.KurrentDBClientSettings;
import io.kurrent.dbclient.KurrentDBConnectionString;
import io.kurrent.dbclient.KurrentDBPersistentSubscriptionsClient;
import io.kurrent.dbclient.NackAction;
import io.kurrent.dbclient.PersistentSubscription;
import io.kurrent.dbclient.PersistentSubscriptionListener;
import io.kurrent.dbclient.ReadAllOptions;
import io.kurrent.dbclient.ReadStreamOptions;
import io.kurrent.dbclient.ResolvedEvent;
import io.kurrent.dbclient.StreamMetadata;
import io.kurrent.dbclient.StreamState;
import io.kurrent.dbclient.SubscribeToStreamOptions;
import io.kurrent.dbclient.Subscription;
import io.kurrent.dbclient.SubscriptionListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static com.paystream.emulator.TestEvents.await;
import static com.paystream.emulator.TestEvents.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code GET /stats/messages}: what the clients asked of the store, counted per kind of message. */
class MessageCounterTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<AutoCloseable> opened = new ArrayList<>();
    private EventStoreEmulator emulator;
    private KurrentDBClient client;
    private KurrentDBPersistentSubscriptionsClient persistent;

    @AfterEach
    void close() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    private void start(boolean authentication) {
        emulator = EventStoreEmulator.inMemory().authentication(authentication).start();
        opened.add(emulator::close);
        KurrentDBClientSettings settings = KurrentDBConnectionString.parseOrThrow("kurrentdb://"
                + (authentication ? "admin:changeit@" : "") + "localhost:" + emulator.port() + "?tls=false");
        client = KurrentDBClient.create(settings);
        persistent = KurrentDBPersistentSubscriptionsClient.create(settings);
        opened.add(() -> client.shutdown().get());
        opened.add(() -> persistent.shutdown().get());
    }

    private HttpResponse<String> call(String credentials, String method, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + emulator.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (credentials != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode stats() throws Exception {
        HttpResponse<String> response = call(null, "GET", "/stats/messages");
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    void countsAppendRequestsAndTheEventsTheyWrote() throws Exception {
        start(false);

        await(client.appendToStream("counted-1", json("A"), json("B")));
        await(client.appendToStream("counted-1", json("C")));

        JsonNode append = stats().get("append");
        assertThat(append.get("requests").asLong()).isEqualTo(2);
        assertThat(append.get("events").asLong()).isEqualTo(3);
    }

    @Test
    void countsSessionsTheirStreamsAndTheirEvents() throws Exception {
        start(false);

        await(client.multiStreamAppend(List.of(
                new AppendStreamRequest("counted-1", List.of(json("A"), json("B")).iterator(), StreamState.any()),
                new AppendStreamRequest("counted-2", List.of(json("C")).iterator(), StreamState.any())).iterator()));

        JsonNode session = stats().get("appendSession");
        assertThat(session.get("sessions").asLong()).isEqualTo(1);
        assertThat(session.get("streams").asLong()).isEqualTo(2);
        assertThat(session.get("events").asLong()).isEqualTo(3);
        assertThat(stats().get("append").get("requests").asLong()).isZero();
    }

    @Test
    void countsStreamMetadataWritesApartFromAppends() throws Exception {
        start(false);
        StreamMetadata metadata = new StreamMetadata();
        metadata.setMaxCount(3L);

        await(client.setStreamMetadata("counted-1", metadata));

        JsonNode stats = stats();
        assertThat(stats.get("metadataWrites").asLong()).isEqualTo(1);
        assertThat(stats.get("append").get("requests").asLong()).isZero();
    }

    @Test
    void countsReadsOfAStreamAndOfAllButNotSubscriptions() throws Exception {
        start(false);
        await(client.appendToStream("counted-1", json("A")));

        await(client.readStream("counted-1", ReadStreamOptions.get()));
        await(client.readStream("counted-1", ReadStreamOptions.get()));
        await(client.readAll(ReadAllOptions.get()));
        Subscription subscription = await(client.subscribeToStream("counted-1", new SubscriptionListener() { }));
        subscription.stop();

        JsonNode reads = stats().get("reads");
        assertThat(reads.get("stream").asLong()).isEqualTo(2);
        assertThat(reads.get("all").asLong()).isEqualTo(1);
    }

    @Test
    void countsTheEventsACatchUpSubscriptionDelivered() throws Exception {
        start(false);
        await(client.appendToStream("counted-1", json("A"), json("B")));
        AtomicInteger received = new AtomicInteger();

        Subscription subscription = await(client.subscribeToStream("counted-1", new SubscriptionListener() {
            @Override
            public void onEvent(Subscription subscription, ResolvedEvent event) {
                received.incrementAndGet();
            }
        }, SubscribeToStreamOptions.get().fromStart()));
        await().atMost(Duration.ofSeconds(10)).until(() -> received.get() == 2);
        subscription.stop();

        assertThat(stats().get("catchUp").get("eventsDelivered").asLong()).isEqualTo(2);
    }

    @Test
    void countsPersistentDeliveriesAcksAndNacksPerGroup() throws Exception {
        start(false);
        await(client.appendToStream("counted-1", json("Ack"), json("Nack")));
        await(persistent.createToStream("counted-1", "workers",
                CreatePersistentSubscriptionToStreamOptions.get().fromStart()));
        PersistentSubscription subscription = await(persistent.subscribeToStream("counted-1", "workers",
                new PersistentSubscriptionListener() {
                    @Override
                    public void onEvent(PersistentSubscription subscription, int retryCount, ResolvedEvent event) {
                        if (event.getEvent().getEventType().equals("Ack")) {
                            subscription.ack(event);
                        } else {
                            subscription.nack(NackAction.Skip, "not wanted", event);
                        }
                    }
                }));

        await().atMost(Duration.ofSeconds(10)).until(() -> {
            JsonNode group = stats().get("persistent").get("counted-1::workers");
            return group != null && group.get("acks").asLong() == 1 && group.get("nacks").asLong() == 1;
        });
        subscription.stop();

        assertThat(stats().get("persistent").get("counted-1::workers").get("eventsDelivered").asLong())
                .isEqualTo(2);
    }

    @Test
    void aResetStartsTheCountsAgainFromZero() throws Exception {
        start(false);
        await(client.appendToStream("counted-1", json("A")));

        HttpResponse<String> reset = call(null, "POST", "/stats/messages/reset");

        assertThat(reset.statusCode()).isEqualTo(200);
        assertThat(stats().get("append").get("requests").asLong()).isZero();
    }

    @Test
    void onASecureNodeTheCountsNeedCredentials() throws Exception {
        start(true);

        assertThat(call(null, "GET", "/stats/messages").statusCode()).isEqualTo(401);
        assertThat(call("admin:wrong", "GET", "/stats/messages").statusCode()).isEqualTo(401);
        assertThat(call(null, "POST", "/stats/messages/reset").statusCode()).isEqualTo(401);
    }

    @Test
    void onASecureNodeOpsAndAdminsReadAndResetTheCounts() throws Exception {
        start(true);

        assertThat(call("admin:changeit", "GET", "/stats/messages").statusCode()).isEqualTo(200);
        assertThat(call("ops:changeit", "GET", "/stats/messages").statusCode()).isEqualTo(200);
        assertThat(call("ops:changeit", "POST", "/stats/messages/reset").statusCode()).isEqualTo(200);
    }

    @Test
    void onASecureNodeOtherUsersAreForbidden() throws Exception {
        start(true);
        emulator.users().orElseThrow().create("clerk", "Clerk", java.util.Set.of(), "secret");

        assertThat(call("clerk:secret", "GET", "/stats/messages").statusCode()).isEqualTo(403);
        assertThat(call("clerk:secret", "POST", "/stats/messages/reset").statusCode()).isEqualTo(403);
    }
}
