package com.paystream.infrastructure.testing;

import com.paystream.emulator.EventStoreEmulator;
import com.paystream.emulator.cluster.Cluster;
import io.kurrent.dbclient.Acls;
import io.kurrent.dbclient.EventDataBuilder;
import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.KurrentDBConnectionString;
import io.kurrent.dbclient.StreamMetadata;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Gives a {@code @QuarkusTest} an EventStoreDB: the emulator in-process on a free port (durable, in a temporary
 * directory deleted afterwards), or with {@code -Deventstore.image=kurrentplatform/kurrentdb:26.0.0} and Docker present a
 * real one through Testcontainers. Sets {@code eventstore.connection-string}.
 *
 * <pre>{@code @QuarkusTest @WithTestResource(EventStoreTestResource.class) class MyResourceTest { ... }}</pre>
 *
 * With an image asked for but no Docker, the tests are not run against something else in silence: they fail to
 * start with that reason (guard such runs with {@code @Testcontainers(disabledWithoutDocker = true)}).
 *
 * <p>With the init argument {@link #SIGNED_IN_AS} the emulator checks users and stream ACLs, as a secure node, and the
 * application connects as that user; {@link #connectionStringAs} signs in as it, {@link #ANOTHER_SERVICE} or admin.
 *
 * <p>{@link #stopStore()} and {@link #startStore()} simulate an outage of the emulator (same port, data kept).
 *
 * <p>With the init argument {@link #CLUSTER_NODES} the emulator plays a cluster of that many nodes and the
 * application discovers its leader ({@code kurrentdb+discover://}); {@link #electAnotherLeader()} makes the leader
 * resign, as {@code POST /admin/node/resign} does.
 */
public class EventStoreTestResource implements QuarkusTestResourceLifecycleManager {
    public static final String IMAGE_PROPERTY = "eventstore.image";
    private static final Logger LOG = Logger.getLogger(EventStoreTestResource.class);

    private static volatile EventStoreTestResource running;

    /** Init argument: the EventStoreDB user the application connects as; the store then enforces users and ACLs. */
    public static final String SIGNED_IN_AS = "signedInAs";
    /** The other user such a store has: another service, to try the application's private streams with. */
    public static final String ANOTHER_SERVICE = "another-service";
    /** Init argument: how many nodes the emulator plays (a cluster, its leader discovered through gossip). */
    public static final String CLUSTER_NODES = "clusterNodes";
    private static final String ADMIN_PASSWORD = "admin-" + UUID.randomUUID();

    private EventStoreEmulator emulator;
    private AutoCloseable container;
    private Path directory;
    private int port;
    private String signedInAs;
    /** The ports of the cluster's nodes after the first (none for a single node), kept across an outage. */
    private int[] otherNodePorts = new int[0];
    private final Map<String, String> passwords = new ConcurrentHashMap<>();

    @Override
    public void init(Map<String, String> initArgs) {
        signedInAs = initArgs.get(SIGNED_IN_AS);
        otherNodePorts = new int[Integer.parseInt(initArgs.getOrDefault(CLUSTER_NODES, "1")) - 1];
    }

    @Override
    public Map<String, String> start() {
        if (signedInAs != null) {
            return startSecure();
        }
        String image = System.getProperty(IMAGE_PROPERTY, "").trim();
        String connectionString;
        if (image.isEmpty()) {
            directory = temporaryDirectory();
            emulator = EventStoreEmulator.durable(directory).clusterNodePorts(otherNodePorts).start();
            port = emulator.port();
            otherNodePorts = emulator.ports().stream().skip(1).mapToInt(Integer::intValue).toArray();
            connectionString = otherNodePorts.length == 0 ? emulator.connectionString()
                    : emulator.discoverConnectionString();
        } else {
            RealEventStore real = RealEventStore.start(image);
            container = real;
            connectionString = real.connectionString();
        }
        running = this;
        LOG.infof("EventStoreDB for tests: %s", connectionString);
        if (otherNodePorts.length > 0) {
            // after an election the client waits up to 5 s for the calls still open on the former leader's
            // connection (catch-up subscriptions) before it closes it and connects to the new leader: the first call
            // takes that long, more than the 5 s the other tests allow
            return Map.of("eventstore.connection-string", connectionString, "eventstore.operation-timeout", "12s");
        }
        return Map.of("eventstore.connection-string", connectionString);
    }

    /** The emulator with users and ACLs enforced; the application signs in as {@link #SIGNED_IN_AS}. */
    private Map<String, String> startSecure() {
        directory = temporaryDirectory();
        emulator = EventStoreEmulator.durable(directory).authentication(true).defaultPasswords(ADMIN_PASSWORD,
                "ops-" + UUID.randomUUID()).start();
        port = emulator.port();
        passwords.put("admin", ADMIN_PASSWORD);
        for (String login : new String[] {signedInAs, ANOTHER_SERVICE}) {
            String password = "password-" + UUID.randomUUID();
            emulator.users().orElseThrow().create(login, login, Set.of("$ops"), password);
            passwords.put(login, password);
        }
        running = this;
        grantSystemStreamReads();
        return Map.of("eventstore.connection-string", connectionStringAs(signedInAs));
    }

    /**
     * As the data seeder grants each service its system streams: here, every system stream to the application, but
     * {@code $all} (whose reads pass over every stream's ACL) to {@code $admins} only.
     */
    private void grantSystemStreamReads() {
        KurrentDBClient admin = KurrentDBClient.create(KurrentDBConnectionString.parseOrThrow(
                connectionStringAs("admin")));
        try {
            String settings = "{\"$systemStreamAcl\":{\"$r\":[\"$admins\",\"" + signedInAs + "\"],"
                    + "\"$w\":\"$admins\",\"$d\":\"$admins\",\"$mr\":\"$admins\",\"$mw\":\"$admins\"}}";
            admin.appendToStream("$settings", EventDataBuilder.json(UUID.randomUUID(), "update-default-acl",
                    settings.getBytes(StandardCharsets.UTF_8)).build()).get(10, TimeUnit.SECONDS);
            StreamMetadata adminsOnly = new StreamMetadata();
            adminsOnly.setAcl(Acls.newStreamAcl().addReadRoles("$admins").addMetaReadRoles("$admins"));
            admin.setStreamMetadata("$all", adminsOnly).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot write $settings", e);
        } finally {
            admin.shutdown();
        }
    }

    /** The connection string of a user of a store started with {@link #SIGNED_IN_AS} ({@code admin} too). */
    public static String connectionStringAs(String login) {
        EventStoreTestResource resource = current();
        String password = resource.passwords.get(login);
        if (password == null) {
            throw new IllegalArgumentException("No user " + login + " in this store");
        }
        return "kurrentdb://" + login + ":" + password + "@localhost:" + resource.port + "?tls=false";
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

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("eventstore-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
                resource.emulator = EventStoreEmulator.durable(resource.directory).port(resource.port)
                        .clusterNodePorts(resource.otherNodePorts).authentication(resource.signedInAs != null)
                        .start();
            }
        }
    }

    /** The leader resigns and the next node of the cluster leads ({@link #CLUSTER_NODES}); its port. */
    public static int electAnotherLeader() {
        EventStoreTestResource resource = current();
        synchronized (resource) {
            Cluster cluster = resource.emulator.cluster();
            if (!cluster.resign(cluster.leader())) {
                throw new IllegalStateException("A single node has no other node to lead: start it with "
                        + CLUSTER_NODES);
            }
            return cluster.leader().port();
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
