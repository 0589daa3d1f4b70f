package com.paystream.seeder;

import com.paystream.emulator.EventStoreEmulator;
import com.paystream.topology.AccountsReactions;
import com.paystream.topology.ConsumerGroup;
import io.kurrent.dbclient.EventDataBuilder;
import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.KurrentDBConnectionString;
import io.kurrent.dbclient.KurrentDBPersistentSubscriptionsClient;
import io.kurrent.dbclient.NackAction;
import io.kurrent.dbclient.PersistentSubscription;
import io.kurrent.dbclient.PersistentSubscriptionListener;
import io.kurrent.dbclient.ReadStreamOptions;
import io.kurrent.dbclient.ResolvedEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The parked streams stay readable by their services across replays, on a store that enforces ACLs. */
class ParkedStreamGrantsTest {
    private static final String ADMIN_PASSWORD = "admin-" + UUID.randomUUID();
    private static final ConsumerGroup<?> GROUP = AccountsReactions.CREDIT_ON_SANCTIONS_CLEARED;
    private static final String SERVICE = "accounts-service";

    @TempDir
    Path directory;
    private EventStoreEmulator emulator;
    private KurrentDBClient admin;
    private KurrentDBClient service;
    private KurrentDBPersistentSubscriptionsClient serviceGroups;
    private ParkedStreamGrants grants;
    /** The payments whose event the consumer parks (every other one it acknowledges). */
    private final Set<String> failing = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void startSecureStoreSeededAndKept() throws IOException {
        emulator = EventStoreEmulator.inMemory().authentication(true).defaultPasswords(ADMIN_PASSWORD, "ops-pw")
                .start();
        Path users = directory.resolve("service-users.properties");
        Files.writeString(users, String.join("\n", "payment-scheme-service=p1", "sanctions-service=p2",
                SERVICE + "=p3", "scheme-simulator=p4"));
        int seeded = Main.run(new String[] {"--eventstore", connection("admin", ADMIN_PASSWORD), "--store-only"},
                Map.of("SEEDER_SERVICE_USERS", users.toString()), quiet(), quiet());
        assertThat(seeded).isEqualTo(Main.OK);
        admin = KurrentDBClient.create(KurrentDBConnectionString.parseOrThrow(connection("admin", ADMIN_PASSWORD)));
        service = KurrentDBClient.create(KurrentDBConnectionString.parseOrThrow(connection(SERVICE, "p3")));
        serviceGroups = KurrentDBPersistentSubscriptionsClient.create(
                KurrentDBConnectionString.parseOrThrow(connection(SERVICE, "p3")));
        grants = new ParkedStreamGrants(admin, quiet(), quiet()).start();
    }

    @AfterEach
    void stopStore() {
        grants.close();
        serviceGroups.shutdown();
        service.shutdown();
        admin.shutdown();
        emulator.close();
    }

    private String connection(String login, String password) {
        return "kurrentdb://" + login + ":" + password + "@localhost:" + emulator.port() + "?tls=false";
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }

    @Test
    void aMessageParkedAfterAReplayIsReadableByTheServiceThatOwnsTheGroup() throws Exception {
        consumeAsTheService();
        String first = failingPayment();
        await().atMost(Duration.ofSeconds(10)).until(() -> parkedPaymentsAsTheService().contains(first));
        failing.remove(first);
        serviceGroups.replayParkedMessagesToStream(GROUP.stream(), GROUP.name()).get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> admin.getStreamMetadata(GROUP.parkedStream())
                .get(10, TimeUnit.SECONDS).getTruncateBefore() != null);

        String second = failingPayment();

        await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> parkedPaymentsAsTheService().equals(List.of(second)));
    }

    /** Parks the events of the failing payments with a reason, acknowledges the others. */
    private void consumeAsTheService() throws Exception {
        serviceGroups.subscribeToStream(GROUP.stream(), GROUP.name(), new PersistentSubscriptionListener() {
            @Override
            public void onEvent(PersistentSubscription subscription, int retryCount, ResolvedEvent event) {
                if (failing.contains(event.getEvent().getStreamId())) {
                    subscription.nack(NackAction.Park, "a fault in the test", event);
                } else {
                    subscription.ack(event);
                }
            }
        }).get(10, TimeUnit.SECONDS);
    }

    /** A payment whose event for the group the consumer parks. */
    private String failingPayment() throws Exception {
        String stream = "payment-" + UUID.randomUUID();
        failing.add(stream);
        admin.appendToStream(stream, EventDataBuilder.json(UUID.randomUUID(), GROUP.stream().substring("$et-".length()),
                "{}".getBytes(StandardCharsets.UTF_8)).build()).get(10, TimeUnit.SECONDS);
        return stream;
    }

    /** The payment streams of the group's parked messages, read as the service (refused: an exception). */
    private List<String> parkedPaymentsAsTheService() throws Exception {
        return service.readStream(GROUP.parkedStream(), ReadStreamOptions.get().resolveLinkTos())
                .get(10, TimeUnit.SECONDS).getEvents().stream().map(e -> e.getEvent().getStreamId()).toList();
    }
}
