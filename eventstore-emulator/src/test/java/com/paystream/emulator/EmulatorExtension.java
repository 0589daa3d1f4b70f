package com.paystream.emulator;

import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.KurrentDBClientSettings;
import io.kurrent.dbclient.KurrentDBConnectionString;
import io.kurrent.dbclient.KurrentDBPersistentSubscriptionsClient;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

import java.util.UUID;

/**
 * Starts an in-memory emulator on a free port for a test class and hands out official clients connected to it.
 * <pre>{@code @RegisterExtension static final EmulatorExtension emulator = new EmulatorExtension();}</pre>
 *
 * <p>With {@code -Deventstore.image=eventstore/eventstore:24.10} the same tests run against that real EventStoreDB
 * instead (through Testcontainers), which is how the emulator is checked against the real server; without Docker
 * those test classes are skipped. Tests that need the emulator's internals ({@link #emulator()}) are skipped there.
 */
public final class EmulatorExtension implements BeforeAllCallback, AfterAllCallback {
    static final String IMAGE_PROPERTY = "eventstore.image";
    private static final int EVENTSTORE_PORT = 2113;

    private EventStoreEmulator emulator;
    private GenericContainer<?> realServer;
    private KurrentDBClient client;
    private KurrentDBPersistentSubscriptionsClient persistentClient;

    @Override
    public void beforeAll(ExtensionContext context) {
        String image = System.getProperty(IMAGE_PROPERTY, "").trim();
        String connectionString;
        if (image.isEmpty()) {
            emulator = EventStoreEmulator.inMemory().start();
            connectionString = emulator.kurrentdbConnectionString();
        } else {
            Assumptions.assumeTrue(DockerClientFactory.instance().isDockerAvailable(),
                    "No Docker engine: the run against the real EventStoreDB " + image + " is skipped");
            realServer = startRealServer(image);
            connectionString = "kurrentdb://" + realServer.getHost() + ":" + realServer.getMappedPort(EVENTSTORE_PORT)
                    + "?tls=false";
        }
        KurrentDBClientSettings settings = KurrentDBConnectionString.parseOrThrow(connectionString);
        client = KurrentDBClient.create(settings);
        persistentClient = KurrentDBPersistentSubscriptionsClient.create(settings);
    }

    private static GenericContainer<?> startRealServer(String image) {
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(image))
                .withExposedPorts(EVENTSTORE_PORT)
                .withEnv("EVENTSTORE_INSECURE", "true")
                .withEnv("EVENTSTORE_MEM_DB", "true")
                .withEnv("EVENTSTORE_RUN_PROJECTIONS", "All")
                .withEnv("EVENTSTORE_START_STANDARD_PROJECTIONS", "true")
                .waitingFor(Wait.forHttp("/health/live").forStatusCode(204));
        container.start();
        return container;
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (persistentClient != null) {
            persistentClient.shutdown().get();
        }
        if (client != null) {
            client.shutdown().get();
        }
        if (emulator != null) {
            emulator.close();
        }
        if (realServer != null) {
            realServer.stop();
        }
    }

    public KurrentDBClient client() {
        return client;
    }

    public KurrentDBPersistentSubscriptionsClient persistentClient() {
        return persistentClient;
    }

    /** The emulator itself, for tests of its internals; they are skipped when running against a real server. */
    public EventStoreEmulator emulator() {
        Assumptions.assumeTrue(emulator != null, "This test needs the emulator itself, not a real EventStoreDB");
        return emulator;
    }

    /** A stream name no other test uses, in the given category ({@code category-uuid}). */
    public static String newStream(String category) {
        return category + "-" + UUID.randomUUID().toString().replace("-", "");
    }
}
