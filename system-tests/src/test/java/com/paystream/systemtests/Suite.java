package com.paystream.systemtests;

import com.paystream.topology.ServiceAccount;
import com.paystream.topology.StoreConnection;
import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.KurrentDBConnectionString;
import io.kurrent.dbclient.KurrentDBPersistentSubscriptionsClient;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * The whole product as processes, started once for every system test class: Keycloak (the identity provider, realm
 * paystream, a new database), the emulator (durable, emptied first, so it can be killed and restarted; users and
 * stream ACLs enforced; a cluster of two nodes whose leader everyone finds through gossip, so a test can make the
 * leader change: {@link #resignStoreLeader()}), the data seeder for the services' EventStoreDB users (and, running alongside, to keep the
 * parked streams readable by their services), the four services (each signed in to the store as its own user, and
 * checking every caller's token), the operator console, and the data seeder again for the
 * demo data. Ports are free ones; logs go to {@code target/system-tests/logs}.
 */
public final class Suite implements BeforeAllCallback, ExtensionContext.Store.CloseableResource {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static Suite running;

    final Path root = Path.of(System.getProperty("paystream.root", "..")).toAbsolutePath().normalize();
    final Path work = Path.of(System.getProperty("paystream.work", "target/system-tests")).toAbsolutePath();
    final Path logs = work.resolve("logs");
    /** The suite's people in the identity provider (realm paystream's demo people): one per role. */
    static final String OFFICER = "sam";
    static final String OPS = "olivia";
    static final String AUDITOR = "audrey";
    static final String ACCOUNT_OFFICER = "alex";
    static final String CUSTOMER = "carol";
    /** The scheme, as the simulator signs in to the bank (client credentials). */
    static final String SCHEME = "scheme-simulator";
    /** The realm's clients that sign in on their own account (client credentials), as opposed to people. */
    private static final java.util.Set<String> CLIENTS = java.util.Set.of(SCHEME, "payment-scheme-service",
            "data-seeder", "load-benchmark");
    private static final Duration TOKEN_REUSE = Duration.ofMinutes(3);
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    final int keycloakPort = freePort();
    /** What encrypts the console's session cookies (through its environment, as run.sh gives it). */
    private static final String CONSOLE_SESSION_SECRET = "console-" + java.util.UUID.randomUUID();
    private Keycloak keycloak;
    /** The store: the emulator, durable here (emptied when the suite starts), so it can be killed and restarted. */
    static final String STORE = "eventstore-emulator";
    final Path storeData = work.resolve("eventstore");
    /** The store's nodes: the first leads when it starts; everyone is given the first and finds the leader. */
    final int storePort = freePort();
    final int secondStorePort = freePort();
    /** The store's CA and node certificate (TLS only), made once by the project's script. */
    final Path certs = work.resolve("certs");
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
    private KurrentDBClient client;
    private KurrentDBPersistentSubscriptionsClient persistent;

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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CompletableFuture<Keycloak> identityProvider = CompletableFuture.supplyAsync(() -> Keycloak.start(root,
                work, keycloakPort, "http://localhost:" + consolePort));
        deleteRecursively(storeData);
        makeCertificates();
        ServiceProcess store = track(service(STORE).start());
        services.put(STORE, store);
        store.awaitHealthy(START_TIMEOUT);
        writeStoreUsers();
        keycloak = identityProvider.join();
        Seeder.Run secured = Seeder.run(this, List.of("--store-only"));
        if (secured.exitCode() != 0) {
            throw new IllegalStateException("The data seeder failed to create the services' EventStoreDB users ("
                    + secured.exitCode() + "): " + secured.stderr());
        }
        track(ServiceProcess.parkedGrants(root, logs, connectionString).start());
        for (String name : List.of("payment-scheme-service", "sanctions-service", "accounts-service",
                "scheme-simulator", "operator-console")) {
            services.put(name, track(service(name).start()));
        }
        CompletableFuture.allOf(services.values().stream().filter(service -> service != store)
                .map(service -> CompletableFuture.runAsync(() -> service.awaitHealthy(START_TIMEOUT)))
                .toArray(CompletableFuture[]::new)).join();
        client = KurrentDBClient.create(KurrentDBConnectionString.parseOrThrow(connectionString));
        persistent = KurrentDBPersistentSubscriptionsClient.create(
                KurrentDBConnectionString.parseOrThrow(connectionString));
        Seeder.Run seeded = Seeder.run(this, List.of());
        if (seeded.exitCode() != 0) {
            throw new IllegalStateException("The data seeder failed (" + seeded.exitCode() + "): " + seeded.stderr());
        }
    }

    /** The store's TLS certificates, by the script run.sh uses. */
    private void makeCertificates() {
        try {
            Process script = new ProcessBuilder(root.resolve("eventstore-emulator/make-certificates.sh").toString(),
                    certs.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve("certificates.log").toFile()))
                    .start();
            if (!script.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) || script.exitValue() != 0) {
                throw new IllegalStateException("make-certificates.sh failed; see " + logs.resolve("certificates.log"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
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

    /**
     * A discovery string: the client asks the first node's gossip where the leader is, connects to it, and follows
     * it when it changes. One seed: the client asks only the first of several (and reads the port of a second one as
     * a 16-bit signed number, too small for the free ports).
     */
    private String connectionStringOf(String login, String password) {
        return "kurrentdb+discover://" + login + ":" + password + "@localhost:" + storePort
                + "?tls=true&tlsCAFile=" + certs.resolve("ca.crt");
    }

    /** The connection string of a service's own EventStoreDB user. */
    String connectionStringOf(ServiceAccount account) {
        return connectionStringOf(account.login(), storePasswords.get(account));
    }

    private List<String> storeProperties(ServiceAccount account) {
        return List.of("eventstore.connection-string=" + connectionStringOf(account),
                "quarkus.oidc.auth-server-url=" + keycloak.issuer());
    }

    /** The suite's identity provider. */
    Keycloak keycloak() {
        return keycloak;
    }

    /** An access token of a person of the realm or of a client (by its id), reused for a few minutes. */
    String tokenOf(String who) {
        Token token = tokens.compute(who, (name, kept) -> kept != null && kept.fresh() ? kept
                : new Token(CLIENTS.contains(name) ? keycloak.tokenForClient(name) : keycloak.tokenFor(name),
                java.time.Instant.now().plus(TOKEN_REUSE)));
        return token.value();
    }

    private record Token(String value, java.time.Instant renewAfter) {
        boolean fresh() {
            return java.time.Instant.now().isBefore(renewAfter);
        }
    }

    /** A request by a person of the realm (or a client, by its id) with their access token. */
    static RequestSpecification as(String who) {
        return RestAssured.given().auth().oauth2(get().tokenOf(who));
    }

    /** A request by the suite's sanctions officer. */
    static RequestSpecification asOfficer() {
        return as(OFFICER);
    }

    /** A request by the suite's ops operator. */
    static RequestSpecification asOps() {
        return as(OPS);
    }

    /** A request by the suite's auditor: reads everything. */
    static RequestSpecification asAuditor() {
        return as(AUDITOR);
    }

    /** A request by the suite's account officer. */
    static RequestSpecification asAccountOfficer() {
        return as(ACCOUNT_OFFICER);
    }

    /** A request by the scheme (the simulator's client). */
    static RequestSpecification asScheme() {
        return as(SCHEME);
    }

    private ServiceProcess scheme(int port) {
        List<String> properties = new ArrayList<>(storeProperties(ServiceAccount.PAYMENT_SCHEME));
        properties.add("scheme.outbound.scheme-url=http://localhost:" + simulatorPort);
        properties.add("scheme.sanctions.url=http://localhost:" + sanctionsPort);
        properties.add("quarkus.oidc-client.credentials.secret=" + keycloak.secret("payment-scheme-service"));
        return ServiceProcess.quarkus("payment-scheme-service", root, logs, port, properties);
    }

    private ServiceProcess sanctions(int port) {
        return ServiceProcess.quarkus("sanctions-service", root, logs, port,
                storeProperties(ServiceAccount.SANCTIONS));
    }

    private ServiceProcess accountsService(int port) {
        return ServiceProcess.quarkus("accounts-service", root, logs, port,
                storeProperties(ServiceAccount.ACCOUNTS));
    }

    private ServiceProcess simulator() {
        List<String> properties = new ArrayList<>(storeProperties(ServiceAccount.SCHEME_SIMULATOR));
        properties.add("simulator.payment-scheme-url=http://localhost:" + schemePort);
        properties.add("quarkus.oidc-client.credentials.secret=" + keycloak.secret("scheme-simulator"));
        return ServiceProcess.quarkus("scheme-simulator", root, logs, simulatorPort, properties);
    }

    private ServiceProcess console() {
        return ServiceProcess.quarkus("operator-console", root, logs, consolePort, List.of(
                "console.payment-scheme-url=http://localhost:" + schemePort,
                "console.sanctions-url=http://localhost:" + sanctionsPort,
                "console.accounts-url=http://localhost:" + accountsPort,
                "console.simulator-url=http://localhost:" + simulatorPort,
                "quarkus.oidc.auth-server-url=" + keycloak.issuer()))
                .withEnvironment("CONSOLE_SESSION_SECRET", CONSOLE_SESSION_SECRET);
    }

    private ServiceProcess service(String name) {
        return switch (name) {
            case STORE -> ServiceProcess.emulator(root, logs, List.of(storePort, secondStorePort), storeData,
                    ADMIN_PASSWORD, certs);
            case "payment-scheme-service" -> scheme(schemePort);
            case "sanctions-service" -> sanctions(sanctionsPort);
            case "accounts-service" -> accountsService(accountsPort);
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


    /**
     * The store's leader resigns, as {@code POST /admin/node/resign} asks a KurrentDB node, and the other node leads:
     * its port.
     */
    int resignStoreLeader() {
        int leader = storeLeaderPort();
        HttpResponse<String> answer = storeHttp(HttpRequest.newBuilder(URI.create("https://localhost:" + leader
                + "/admin/node/resign")).POST(HttpRequest.BodyPublishers.noBody()));
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("The store's leader did not resign: " + answer.statusCode());
        }
        int next = storeLeaderPort();
        if (next == leader) {
            throw new IllegalStateException("The store's node " + leader + " still leads after resigning");
        }
        return next;
    }

    /** The port of the store's node that leads, as its gossip ({@code GET /gossip}) says. */
    int storeLeaderPort() {
        String gossip = storeHttp(HttpRequest.newBuilder(URI.create("https://localhost:" + storePort + "/gossip"))
                .GET()).body();
        Integer leader = io.restassured.path.json.JsonPath.from(gossip)
                .get("members.find { it.state == 'Leader' }.httpEndPointPort");
        if (leader == null) {
            throw new IllegalStateException("No leader in the store's gossip: " + gossip);
        }
        return leader;
    }

    private HttpResponse<String> storeHttp(HttpRequest.Builder request) {
        String admin = "admin:" + ADMIN_PASSWORD;
        try {
            return HttpClient.newBuilder().sslContext(StoreConnection.trusting(certs.resolve("ca.crt"))).build()
                    .send(request.header("Authorization", "Basic " + java.util.Base64.getEncoder()
                                    .encodeToString(admin.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Stops a service as an orchestrator does in a rolling update (SIGTERM, then waits for it to exit by itself),
     * starts it again on its port and waits until it is ready; how long it took to stop.
     */
    Duration restartGracefully(String name) {
        Duration stopping = services.get(name).stopGracefully(Duration.ofSeconds(40));
        restart(name);
        return stopping;
    }

    /** Starts one more instance of a consumer service on a port of its own (it joins the same consumer groups). */
    ServiceProcess startAnotherInstance(String name) {
        int port = freePort();
        ServiceProcess another = switch (name) {
            case "payment-scheme-service" -> scheme(port);
            case "sanctions-service" -> sanctions(port);
            case "accounts-service" -> accountsService(port);
            default -> throw new IllegalArgumentException("No consumer service " + name);
        };
        track(another.start());
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

    KurrentDBClient client() {
        return client;
    }

    KurrentDBPersistentSubscriptionsClient persistent() {
        return persistent;
    }

    @Override
    public void close() {
        if (client != null) {
            client.shutdown();
            persistent.shutdown();
        }
        // all told to stop at once (each takes its shutdown delay), then each awaited, the store last
        for (int i = processes.size() - 1; i >= 0; i--) {
            if (processes.get(i) != services.get(STORE)) {
                processes.get(i).signalStop();
            }
        }
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).stop();
        }
        if (keycloak != null) {
            keycloak.close();
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
