package com.paystream.infrastructure.testing;

import com.paystream.emulator.EventStoreEmulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Gives a {@code @QuarkusTest} an EventStoreDB: the emulator in-process on a free port (durable, in a temporary
 * directory deleted afterwards), or with {@code -Deventstore.image=eventstore/eventstore:24.10} and Docker present a
 * real one through Testcontainers. Sets {@code eventstore.connection-string}.
 *
 * <pre>{@code @QuarkusTest @WithTestResource(EventStoreTestResource.class) class MyResourceTest { ... }}</pre>
 *
 * With an image asked for but no Docker, the tests are not run against something else in silence: they fail to
 * start with that reason (guard such runs with {@code @Testcontainers(disabledWithoutDocker = true)}).
 *
 * <p>{@link #stopStore()} and {@link #startStore()} simulate an outage of the emulator (same port, data kept).
 */
public class EventStoreTestResource implements QuarkusTestResourceLifecycleManager {
    public static final String IMAGE_PROPERTY = "eventstore.image";
    private static final Logger LOG = Logger.getLogger(EventStoreTestResource.class);

    private static volatile EventStoreTestResource running;

    private EventStoreEmulator emulator;
    private AutoCloseable container;
    private Path directory;
    private int port;

    @Override
    public Map<String, String> start() {
        String image = System.getProperty(IMAGE_PROPERTY, "").trim();
        String connectionString;
        if (image.isEmpty()) {
            try {
                directory = Files.createTempDirectory("eventstore-test");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            emulator = EventStoreEmulator.durable(directory).start();
            port = emulator.port();
            connectionString = emulator.connectionString();
        } else {
            RealEventStore real = RealEventStore.start(image);
            container = real;
            connectionString = real.connectionString();
        }
        running = this;
        LOG.infof("EventStoreDB for tests: %s", connectionString);
        return Map.of("eventstore.connection-string", connectionString);
    }

    @Override
    public synchronized void stop() {
        running = null;
        if (emulator != null) {
            emulator.close();
            emulator = null;
        }
        if (container != null) {
            try {
                container.close();
            } catch (Exception e) {
                LOG.warn("Stopping the EventStoreDB container", e);
            }
        }
        if (directory != null) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                LOG.debug("Deleting " + directory, e);
            }
        }
    }

    /** Stops the emulator (an outage): clients see UNAVAILABLE, then shut down. */
    public static void stopStore() {
        EventStoreTestResource resource = current();
        synchronized (resource) {
            if (resource.emulator != null) {
                resource.emulator.close();
                resource.emulator = null;
            }
        }
    }

    /** Starts the emulator again on the same port, with the data it had. */
    public static void startStore() {
        EventStoreTestResource resource = current();
        synchronized (resource) {
            if (resource.emulator == null) {
                resource.emulator = EventStoreEmulator.durable(resource.directory).port(resource.port).start();
            }
        }
    }

    /** Whether {@link #stopStore()} can be used: only with the emulator, not a real server. */
    public static boolean canSimulateOutage() {
        EventStoreTestResource resource = running;
        return resource != null && resource.directory != null;
    }

    private static EventStoreTestResource current() {
        EventStoreTestResource resource = running;
        if (resource == null || resource.directory == null) {
            throw new IllegalStateException("No emulator from EventStoreTestResource is running here");
        }
        return resource;
    }
}
