package com.paystream.systemtests;

import com.eventstore.dbclient.EventStoreDBClient;
import com.eventstore.dbclient.EventStoreDBConnectionString;
import com.eventstore.dbclient.EventStoreDBPersistentSubscriptionsClient;
import com.paystream.events.ServiceAccount;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The whole product as processes, started once for every system test class: the emulator (durable, emptied first,
 * so it can be killed and restarted; users and stream ACLs enforced), the data seeder for the services' EventStoreDB
 * users, the four services (each signed in as its own user), the operator console, and the data seeder again for the
 * demo data. Ports are free ones; logs go to {@code target/system-tests/logs}.
 */
public final class Suite implements BeforeAllCallback, ExtensionContext.Store.CloseableResource {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static Suite running;

    final Path root = Path.of(System.getProperty("paystream.root", "..")).toAbsolutePath().normalize();
    final Path work = Path.of(System.getProperty("paystream.work", "target/system-tests")).toAbsolutePath();
    final Path logs = work.resolve("logs");
    /** The suite's operators: a sanctions officer and an ops operator, defined in a file outside the code. */
    static final String OFFICER = "officer-system-test";
    static final String OPS = "ops-system-test";
    private static final String OFFICER_PASSWORD = "officer-" + java.util.UUID.randomUUID();
    private static final String OPS_PASSWORD = "ops-" + java.util.UUID.randomUUID();
    final Path operators = work.resolve("operators.properties");
    /** The store: the emulator, durable here (emptied when the suite starts), so it can be killed and restarted. */
    static final String STORE = "eventstore-emulator";
    final Path storeData = work.resolve("eventstore");
    final int storePort = freePort();
    /** The store checks credentials and ACLs: the tests and the seeder sign in as admin, each service as itself. */
    private static final String ADMIN_PASSWORD = "admin-" + java.util.UUID.randomUUID();
    final String connectionString = connectionStringOf("admin", ADMIN_PASSWORD);
    /** Each service's EventStoreDB password, in the file the seeder reads (SEEDER_SERVICE_USERS). */
    private final Map<ServiceAccount, String> storePasswords = new EnumMap<>(ServiceAccount.class);
    final Path storeUsers = work.resolve("eventstore-users.properties");
    final int schemePort = freePort();
    final int sanctionsPort = freePort();
    final int accountsPort = freePort();
    final int simulatorPort = freePort();
    final int consolePort = freePort();

    private final List<ServiceProcess> processes = new ArrayList<>();
    /** The consumer services by name, as running now (a killed one is replaced when restarted). */
    private final Map<String, ServiceProcess> services = new ConcurrentHashMap<>();
    private EventStoreDBClient client;
    private EventStoreDBPersistentSubscriptionsClient persistent;

    /** The running suite (started by the extension). */
    static Suite get() {
        if (running == null) {
            throw new IllegalStateException("Annotate the test class with @ExtendWith(Suite.class)");
        }
        return running;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        synchronized (Suite.class) {
            if (running == null) {
                Suite suite = new Suite();
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(Suite.class, suite);
                suite.start();
                running = suite;
            }
        }
    }

    private void start() {
        try {
            Files.createDirectories(logs);
            Files.writeString(operators, String.join("\n",
                    "quarkus.security.users.embedded.plain-text=true",
                    "quarkus.security.users.embedded.users." + OFFICER + "=" + OFFICER_PASSWORD,
                    "quarkus.security.users.embedded.roles." + OFFICER + "=sanctions-officer",
                    "quarkus.security.users.embedded.users." + OPS + "=" + OPS_PASSWORD,
                    "quarkus.security.users.embedded.roles." + OPS + "=ops", ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        deleteRecursively(storeData);
        ServiceProcess store = track(service(STORE).start());
        services.put(STORE, store);
        store.awaitHealthy(START_TIMEOUT);
        writeStoreUsers();
        Seeder.Run secured = Seeder.run(this, List.of("--store-only"));
        if (secured.exitCode() != 0) {
            throw new IllegalStateException("The data seeder failed to create the services' EventStoreDB users ("
                    + secured.exitCode() + "): " + secured.stderr());
        }
        for (String name : List.of("payment-scheme-service", "sanctions-service", "accounts-service",
                "scheme-simulator", "operator-console")) {
            services.put(name, track(service(name).start()));
        }
        CompletableFuture.allOf(services.values().stream().filter(service -> service != store)
                .map(service -> CompletableFuture.runAsync(() -> service.awaitHealthy(START_TIMEOUT)))
                .toArray(CompletableFuture[]::new)).join();
        client = EventStoreDBClient.create(EventStoreDBConnectionString.parseOrThrow(connectionString));
        persistent = EventStoreDBPersistentSubscriptionsClient.create(
                EventStoreDBConnectionString.parseOrThrow(connectionString));
        Seeder.Run seeded = Seeder.run(this, List.of());
        if (seeded.exitCode() != 0) {
            throw new IllegalStateException("The data seeder failed (" + seeded.exitCode() + "): " + seeded.stderr());
        }
    }

    private ServiceProcess track(ServiceProcess process) {
        processes.add(process);
        return process;
    }

    private void writeStoreUsers() {
        StringBuilder file = new StringBuilder();
        for (ServiceAccount account : ServiceAccount.values()) {
            String password = "store-" + java.util.UUID.randomUUID();
            storePasswords.put(account, password);
            file.append(account.login()).append('=').append(password).append('\n');
        }
        try {
            Files.writeString(storeUsers, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String connectionStringOf(String login, String password) {
        return "esdb://" + login + ":" + password + "@localhost:" + storePort + "?tls=false";
    }

    /** The connection string of a service's own EventStoreDB user. */
    String connectionStringOf(ServiceAccount account) {
        return connectionStringOf(account.login(), storePasswords.get(account));
    }

    private List<String> storeProperties(ServiceAccount account) {
        return List.of("eventstore.connection-string=" + connectionStringOf(account),
                "quarkus.config.locations=" + operators);
    }

    /** {@code login:password} of the suite's sanctions officer (what the seeder takes in SEEDER_OPERATOR). */
    static String officerCredentials() {
        return OFFICER + ":" + OFFICER_PASSWORD;
    }

    /** A request signed in as the suite's sanctions officer. */
    static RequestSpecification asOfficer() {
        return RestAssured.given().auth().preemptive().basic(OFFICER, OFFICER_PASSWORD);
    }

    /** The login and password of the suite's sanctions officer, and of its ops operator. */
    static String[] officer() {
        return new String[] {OFFICER, OFFICER_PASSWORD};
    }

    static String[] opsOperator() {
        return new String[] {OPS, OPS_PASSWORD};
    }

    /** A request signed in as the suite's ops operator. */
    static RequestSpecification asOps() {
        return RestAssured.given().auth().preemptive().basic(OPS, OPS_PASSWORD);
    }

    private ServiceProcess scheme() {
        List<String> properties = new ArrayList<>(storeProperties(ServiceAccount.PAYMENT_SCHEME));
        properties.add("scheme.outbound.scheme-url=http://localhost:" + simulatorPort);
        properties.add("scheme.sanctions.url=http://localhost:" + sanctionsPort);
        return ServiceProcess.quarkus("payment-scheme-service", root, logs, schemePort, properties);
    }

    private ServiceProcess sanctions(int port) {
        return ServiceProcess.quarkus("sanctions-service", root, logs, port,
                storeProperties(ServiceAccount.SANCTIONS));
    }

    private ServiceProcess accountsService() {
        return ServiceProcess.quarkus("accounts-service", root, logs, accountsPort,
                storeProperties(ServiceAccount.ACCOUNTS));
    }

    private ServiceProcess simulator() {
        List<String> properties = new ArrayList<>(storeProperties(ServiceAccount.SCHEME_SIMULATOR));
        properties.add("simulator.payment-scheme-url=http://localhost:" + schemePort);
        return ServiceProcess.quarkus("scheme-simulator", root, logs, simulatorPort, properties);
    }

    private ServiceProcess console() {
        return ServiceProcess.quarkus("operator-console", root, logs, consolePort, List.of(
                "console.payment-scheme-url=http://localhost:" + schemePort,
                "console.sanctions-url=http://localhost:" + sanctionsPort,
                "console.accounts-url=http://localhost:" + accountsPort,
                "console.simulator-url=http://localhost:" + simulatorPort));
    }

    private ServiceProcess service(String name) {
        return switch (name) {
            case STORE -> ServiceProcess.emulator(root, logs, storePort, storeData, ADMIN_PASSWORD);
            case "payment-scheme-service" -> scheme();
            case "sanctions-service" -> sanctions(sanctionsPort);
            case "accounts-service" -> accountsService();
            case "scheme-simulator" -> simulator();
            case "operator-console" -> console();
            default -> throw new IllegalArgumentException("No service " + name);
        };
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot empty " + directory, e);
        }
    }

    /** Kills a service with SIGKILL, as {@code kill -9} does: nothing it has in hand is acked or flushed. */
    void kill(String name) {
        services.get(name).kill();
    }

    /** Starts a killed service again, on its port, and waits until it is ready. */
    void restart(String name) {
        ServiceProcess started = track(service(name).start());
        services.put(name, started);
        started.awaitHealthy(START_TIMEOUT);
    }


    /** Starts one more sanctions-service instance (it joins the same consumer groups). */
    ServiceProcess startAnotherSanctionsInstance() {
        ServiceProcess another = track(sanctions(freePort()).start());
        another.awaitHealthy(START_TIMEOUT);
        return another;
    }

    String scheme(String path) {
        return "http://localhost:" + schemePort + path;
    }

    String sanctions(String path) {
        return "http://localhost:" + sanctionsPort + path;
    }

    String accounts(String path) {
        return "http://localhost:" + accountsPort + path;
    }

    String simulator(String path) {
        return "http://localhost:" + simulatorPort + path;
    }

    String console(String path) {
        return "http://localhost:" + consolePort + path;
    }

    EventStoreDBClient client() {
        return client;
    }

    EventStoreDBPersistentSubscriptionsClient persistent() {
        return persistent;
    }

    @Override
    public void close() {
        if (client != null) {
            client.shutdown();
            persistent.shutdown();
        }
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).stop();
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
