package com.paystream.seeder;

import com.paystream.emulator.EventStoreEmulator;
import com.paystream.topology.ConsumerGroup;
import com.paystream.topology.ConsumerGroups;
import com.paystream.topology.SanctionsReactions;
import io.kurrent.dbclient.KurrentDBConnectionString;
import io.kurrent.dbclient.KurrentDBPersistentSubscriptionsClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {
    private static EventStoreEmulator emulator;

    record Result(int exitCode, String out, String err) {
    }

    @BeforeAll
    static void startStore() {
        emulator = EventStoreEmulator.inMemory().start();
    }

    @AfterAll
    static void stopStore() {
        emulator.close();
    }

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Against the emulator, with services that are not there: the groups are seeded, then it waits 1 s. */
    static Result runWithoutServices() throws IOException {
        String nowhere = "http://localhost:" + freePort();
        return run("--eventstore", emulator.connectionString(), "--accounts-url", nowhere, "--sanctions-url",
                nowhere, "--wait-seconds", "1");
    }

    @Test
    void keepingTheParkedStreamsReadableWithoutAnAdminInTheConnectionStringIsRefusedSayingWhatIsNeeded() {
        Result result = run("--eventstore", "kurrentdb://localhost:2113?tls=false", "--keep-parked-grants");

        assertThat(result.exitCode()).isEqualTo(Main.USAGE);
        assertThat(result.err()).contains("--keep-parked-grants needs an admin in the connection string");
    }

    @Test
    void aStoreThatIsDownExitsWith2AndSaysWhereItLooked() throws IOException {
        String connection = "kurrentdb://localhost:" + freePort() + "?tls=false";

        Result result = run("--eventstore", connection);

        assertThat(result.exitCode()).isEqualTo(Main.STORE_DOWN);
        assertThat(result.err()).contains("EventStoreDB is not reachable at " + connection);
    }

    @Test
    void everyConsumerGroupExistsOnItsStreamAfterSeeding() throws Exception {
        runWithoutServices();

        KurrentDBPersistentSubscriptionsClient persistent = KurrentDBPersistentSubscriptionsClient.create(
                KurrentDBConnectionString.parseOrThrow(emulator.connectionString()));
        try {
            for (ConsumerGroup<?> group : ConsumerGroups.all()) {
                assertThat(persistent.getInfoToStream(group.stream(), group.name()).get(10, TimeUnit.SECONDS))
                        .as(group.name()).isPresent();
            }
        } finally {
            persistent.shutdown();
        }
    }

    @Test
    void everyConsumerGroupIsCreatedWithItsDeclaredConsumerStrategy() throws Exception {
        runWithoutServices();

        KurrentDBPersistentSubscriptionsClient persistent = KurrentDBPersistentSubscriptionsClient.create(
                KurrentDBConnectionString.parseOrThrow(emulator.connectionString()));
        try {
            for (ConsumerGroup<?> group : ConsumerGroups.all()) {
                assertThat(persistent.getInfoToStream(group.stream(), group.name()).get(10, TimeUnit.SECONDS)
                        .orElseThrow().getSettings().getNamedConsumerStrategy().toString())
                        .as(group.name()).isEqualTo(group.strategy().storeName());
            }
        } finally {
            persistent.shutdown();
        }
    }

    @Test
    void aSecondRunLeavesTheConsumerGroupsAlone() throws IOException {
        runWithoutServices();

        Result second = runWithoutServices();

        assertThat(second.out()).doesNotContain("created consumer group");
        assertThat(second.out()).contains("unchanged consumer group " + SanctionsReactions.SCREEN_ON_VALIDATED.name());
    }

    @Test
    void servicesThatNeverGetReadyExitWith3NamingTheService() throws IOException {
        Result result = runWithoutServices();

        assertThat(result.exitCode()).isEqualTo(Main.SERVICE_NOT_READY);
        assertThat(result.err()).contains("accounts-service is not ready at http://localhost:");
    }

    @Test
    void anUnknownOptionExitsWith64AndShowsTheUsage() {
        Result result = run("--colour", "blue");

        assertThat(result.exitCode()).isEqualTo(Main.USAGE);
        assertThat(result.err()).contains("unknown option --colour").contains("usage:");
    }

    @Test
    void theStoreCanBeNamedByTheEnvironmentAsInAContainer() throws IOException {
        String connection = "kurrentdb://localhost:" + freePort() + "?tls=false";
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = Main.run(new String[0], Map.of("EVENTSTORE_CONNECTION_STRING", connection),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(Main.STORE_DOWN);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(connection);
    }

    @Test
    void aWaitThatIsNotANumberExitsWith64() {
        assertThat(run("--wait-seconds", "soon").exitCode()).isEqualTo(Main.USAGE);
    }
}
