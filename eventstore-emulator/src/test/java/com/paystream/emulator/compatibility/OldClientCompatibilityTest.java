package com.paystream.emulator.compatibility;

import com.eventstore.dbclient.AppendToStreamOptions;
import com.eventstore.dbclient.CreatePersistentSubscriptionToStreamOptions;
import com.eventstore.dbclient.EventData;
import com.eventstore.dbclient.EventStoreDBClient;
import com.eventstore.dbclient.EventStoreDBClientSettings;
import com.eventstore.dbclient.EventStoreDBConnectionString;
import com.eventstore.dbclient.EventStoreDBPersistentSubscriptionsClient;
import com.eventstore.dbclient.ExpectedRevision;
import com.eventstore.dbclient.PersistentSubscription;
import com.eventstore.dbclient.PersistentSubscriptionListener;
import com.eventstore.dbclient.ReadStreamOptions;
import com.eventstore.dbclient.RecordedEvent;
import com.eventstore.dbclient.ResolvedEvent;
import com.eventstore.dbclient.SubscribeToStreamOptions;
import com.eventstore.dbclient.Subscription;
import com.eventstore.dbclient.SubscriptionListener;
import com.eventstore.dbclient.WriteResult;
import com.eventstore.dbclient.WrongExpectedVersionException;
import com.paystream.emulator.EventStoreEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The emulator is built on the KurrentDB client's protocol classes, and the wire protocol is the one the older
 * EventStoreDB client ({@code com.eventstore:db-client-java} 5.4.5) speaks: the modules not yet moved to the KurrentDB
 * client are still served. Both clients sit on this test classpath (different packages, one gRPC).
 */
class OldClientCompatibilityTest {
    private static EventStoreEmulator emulator;
    private static EventStoreDBClient client;
    private static EventStoreDBPersistentSubscriptionsClient persistent;

    @BeforeAll
    static void start() {
        emulator = EventStoreEmulator.inMemory().start();
        EventStoreDBClientSettings settings = EventStoreDBConnectionString.parseOrThrow(emulator.connectionString());
        client = EventStoreDBClient.create(settings);
        persistent = EventStoreDBPersistentSubscriptionsClient.create(settings);
    }

    @AfterAll
    static void stop() throws Exception {
        persistent.shutdown().get();
        client.shutdown().get();
        emulator.close();
    }

    private static String newStream() {
        return "legacy-" + UUID.randomUUID().toString().replace("-", "");
    }

    private static EventData json(String type, String json) {
        return EventData.builderAsJson(type, json.getBytes(StandardCharsets.UTF_8)).build();
    }

    @Test
    void theOldClientAppendsAndReadsBackWhatItWrote() throws Exception {
        String stream = newStream();

        WriteResult result = client.appendToStream(stream, AppendToStreamOptions.get()
                .expectedRevision(ExpectedRevision.noStream()), json("Opened", "{\"n\":1}"), json("Closed", "{}"))
                .get(10, TimeUnit.SECONDS);
        List<RecordedEvent> read = client.readStream(stream, ReadStreamOptions.get().forwards().fromStart())
                .get(10, TimeUnit.SECONDS).getEvents().stream().map(ResolvedEvent::getOriginalEvent).toList();

        assertThat(result.getNextExpectedRevision()).isEqualTo(ExpectedRevision.expectedRevision(1));
        assertThat(read).extracting(RecordedEvent::getEventType).containsExactly("Opened", "Closed");
        assertThat(read.get(0).getContentType()).isEqualTo("application/json");
        assertThat(new String(read.get(0).getEventData(), StandardCharsets.UTF_8)).isEqualTo("{\"n\":1}");
    }

    @Test
    void theOldClientGetsItsWrongExpectedVersionException() throws Exception {
        String stream = newStream();
        client.appendToStream(stream, json("Opened", "{}")).get(10, TimeUnit.SECONDS);

        assertThatThrownBy(() -> client.appendToStream(stream, AppendToStreamOptions.get()
                .expectedRevision(ExpectedRevision.noStream()), json("Again", "{}")).get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(WrongExpectedVersionException.class);
    }

    @Test
    void theTraceContextTheOldClientAddsToJsonMetadataIsKept() throws Exception {
        String stream = newStream();
        byte[] metadata = "{\"$correlationId\":\"c-1\",\"$causationId\":\"x\",\"list\":[1,2]}"
                .getBytes(StandardCharsets.UTF_8);
        client.appendToStream(stream, EventData.builderAsJson("A", "{}".getBytes(StandardCharsets.UTF_8))
                .metadataAsBytes(metadata).build()).get(10, TimeUnit.SECONDS);

        byte[] stored = client.readStream(stream, ReadStreamOptions.get().forwards().fromStart())
                .get(10, TimeUnit.SECONDS).getEvents().get(0).getOriginalEvent().getUserMetadata();

        // the older client adds $traceId/$spanId to JSON-object metadata before sending it
        assertThat(new String(stored, StandardCharsets.UTF_8))
                .startsWith("{\"$correlationId\":\"c-1\",\"$causationId\":\"x\",\"list\":[1,2],")
                .contains("\"$traceId\":", "\"$spanId\":");
    }

    @Test
    void theOldClientsCatchUpSubscriptionGetsHistoryThenLiveEvents() throws Exception {
        String stream = newStream();
        client.appendToStream(stream, json("Before", "{}")).get(10, TimeUnit.SECONDS);
        List<String> seen = new CopyOnWriteArrayList<>();
        Subscription subscription = client.subscribeToStream(stream, new SubscriptionListener() {
            @Override
            public void onEvent(Subscription subscription, ResolvedEvent event) {
                seen.add(event.getOriginalEvent().getEventType());
            }
        }, SubscribeToStreamOptions.get().fromStart()).get(10, TimeUnit.SECONDS);
        try {
            client.appendToStream(stream, json("After", "{}")).get(10, TimeUnit.SECONDS);

            await().atMost(10, TimeUnit.SECONDS).until(() -> seen.size() == 2);
            assertThat(seen).containsExactly("Before", "After");
        } finally {
            subscription.stop();
        }
    }

    @Test
    void theOldClientsPersistentSubscriptionDeliversAndTakesAcks() throws Exception {
        String stream = newStream();
        client.appendToStream(stream, json("First", "{}"), json("Second", "{}")).get(10, TimeUnit.SECONDS);
        persistent.createToStream(stream, "legacy-group", CreatePersistentSubscriptionToStreamOptions.get()
                .fromStart()).get(10, TimeUnit.SECONDS);
        List<String> seen = new CopyOnWriteArrayList<>();
        PersistentSubscription subscription = persistent.subscribeToStream(stream, "legacy-group",
                new PersistentSubscriptionListener() {
                    @Override
                    public void onEvent(PersistentSubscription subscription, int retryCount, ResolvedEvent event) {
                        seen.add(event.getEvent().getEventType());
                        subscription.ack(event);
                    }
                }).get(10, TimeUnit.SECONDS);
        try {
            await().atMost(10, TimeUnit.SECONDS).until(() -> seen.size() == 2);
            assertThat(seen).containsExactly("First", "Second");
            await().atMost(10, TimeUnit.SECONDS).until(() -> persistent.getInfoToStream(stream, "legacy-group")
                    .get(10, TimeUnit.SECONDS).orElseThrow().getStats().getTotalInFlightMessages() == 0);
        } finally {
            subscription.stop();
        }
    }
}
