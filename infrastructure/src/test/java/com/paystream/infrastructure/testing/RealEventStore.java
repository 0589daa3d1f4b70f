package com.paystream.infrastructure.testing;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/** A real KurrentDB in Docker; a class of its own so Testcontainers is only loaded when an image is asked for. */
final class RealEventStore implements AutoCloseable {
    private static final int PORT = 2113;
    private final GenericContainer<?> container;

    private RealEventStore(GenericContainer<?> container) {
        this.container = container;
    }

    static RealEventStore start(String image) {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new IllegalStateException("-D" + EventStoreTestResource.IMAGE_PROPERTY + "=" + image
                    + " asks for a real EventStoreDB, but there is no Docker engine");
        }
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(image))
                .withExposedPorts(PORT)
                .withEnv("KURRENTDB_INSECURE", "true")
                .withEnv("KURRENTDB_MEM_DB", "true")
                .withEnv("KURRENTDB_RUN_PROJECTIONS", "All")
                .withEnv("KURRENTDB_START_STANDARD_PROJECTIONS", "true")
                .waitingFor(Wait.forHttp("/health/live").forStatusCode(204));
        container.start();
        return new RealEventStore(container);
    }

    String connectionString() {
        return "kurrentdb://" + container.getHost() + ":" + container.getMappedPort(PORT) + "?tls=false";
    }

    @Override
    public void close() {
        container.stop();
    }
}
