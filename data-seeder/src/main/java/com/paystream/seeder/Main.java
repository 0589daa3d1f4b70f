package com.paystream.seeder;

import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.KurrentDBClientSettings;
import io.kurrent.dbclient.KurrentDBConnectionString;
import io.kurrent.dbclient.KurrentDBPersistentSubscriptionsClient;

import com.paystream.topology.ClientCredentials;
import com.paystream.topology.ServiceAccount;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Seeds the demo data, idempotently: a second run changes nothing.
 * <ol>
 *   <li>the store answers (else exit {@value #STORE_DOWN});</li>
 *   <li>with {@code SEEDER_SERVICE_USERS}: each service's EventStoreDB user and the stream ACLs
 *       ({@link StoreSecurity});</li>
 *   <li>every consumer group exists (and with {@code --store-only}, that is all);</li>
 *   <li>accounts-service and sanctions-service are ready (else exit {@value #SERVICE_NOT_READY});</li>
 *   <li>the demo accounts are in their states, the demo sanctioned names are listed (an unexpected answer: exit
 *       {@value #SEEDING_FAILED}).</li>
 * </ol>
 */
public final class Main {
    /** Everything is in place. */
    static final int OK = 0;
    /** EventStoreDB (or the emulator) did not answer. */
    static final int STORE_DOWN = 2;
    /** A service did not become ready in time. */
    static final int SERVICE_NOT_READY = 3;
    /** A service refused or failed a step; what and why is on stderr. */
    static final int SEEDING_FAILED = 4;
    /** Bad command line. */
    static final int USAGE = 64;

    static final String USAGE_TEXT = String.join("\n",
            "usage: java -jar data-seeder/target/data-seeder.jar [options]",
            "  --eventstore CONNECTION   default kurrentdb://localhost:2113?tls=false",
            "  --accounts-url URL        default http://localhost:8083",
            "  --sanctions-url URL       default http://localhost:8082",
            "  --wait-seconds N          how long to wait for the services to be ready, default 60",
            "  --data FILE               the demo data (JSON, as the bundled seeder/demo-data.json)",
            "  --store-only              only what the store needs before the services start (service users,",
            "                            stream ACLs, consumer groups); no service is asked for anything",
            "  --keep-parked-grants      run until stopped, giving each service its read access to its consumer",
            "                            groups' parked streams back whenever the store resets it (after a replay of",
            "                            parked messages); needs an admin in the connection string",
            "environment (under the options): EVENTSTORE_CONNECTION_STRING, SEEDER_ACCOUNTS_URL,",
            "  SEEDER_SANCTIONS_URL, SEEDER_WAIT_SECONDS, SEEDER_DATA;",
            "  SEEDER_OIDC_ISSUER: the identity provider's realm (default http://localhost:8180/realms/paystream),",
            "  SEEDER_CLIENT_ID (default data-seeder) and SEEDER_CLIENT_SECRET: the seeder's client there, which",
            "  opens the demo accounts and lists the demo's sanctioned names (the secret from the environment only,",
            "  never an option: a command line is visible to every user of the machine);",
            "  SEEDER_SERVICE_USERS: a properties file of each service's EventStoreDB password (payment-scheme-service=",
            "  ..., sanctions-service=..., accounts-service=..., scheme-simulator=...): the seeder then creates",
            "  these users and the stream ACLs, signed in as the admin of the connection string",
            "  (kurrentdb://admin:password@host:2113?tls=false)",
            "exit codes: 0 seeded, 2 store unreachable, 3 a service not ready, 4 a step failed, 64 usage");

    private Main() {
    }

    /** Kept referenced: java.util.logging holds loggers weakly, and a collected one forgets its level. */
    private static final java.util.logging.Logger CLIENT_LOG = java.util.logging.Logger.getLogger("com.eventstore");

    public static void main(String[] args) {
        // the client logs every failed connection attempt with a stack trace; the seeder says what failed itself
        CLIENT_LOG.setLevel(java.util.logging.Level.OFF);
        System.exit(run(args, System.out, System.err));
    }

    record Options(String eventstore, URI accountsUrl, URI sanctionsUrl, Duration readinessWait, Optional<Path> data,
                   Optional<ClientCredentials> client, Optional<Path> serviceUsers, boolean storeOnly,
                   boolean keepParkedGrants) {
        /** Defaults, then the environment (containers), then the command line. */
        static Options parse(String[] args, Map<String, String> env) {
            String eventstore = env.getOrDefault("EVENTSTORE_CONNECTION_STRING", "kurrentdb://localhost:2113?tls=false");
            URI accounts = url("SEEDER_ACCOUNTS_URL",
                    env.getOrDefault("SEEDER_ACCOUNTS_URL", "http://localhost:8083"));
            URI sanctions = url("SEEDER_SANCTIONS_URL",
                    env.getOrDefault("SEEDER_SANCTIONS_URL", "http://localhost:8082"));
            Duration wait = seconds("SEEDER_WAIT_SECONDS", env.getOrDefault("SEEDER_WAIT_SECONDS", "60"));
            Optional<Path> data = Optional.ofNullable(env.get("SEEDER_DATA")).map(Path::of);
            URI issuer = url("SEEDER_OIDC_ISSUER",
                    env.getOrDefault("SEEDER_OIDC_ISSUER", "http://localhost:8180/realms/paystream"));
            Optional<ClientCredentials> client = Optional.ofNullable(env.get("SEEDER_CLIENT_SECRET"))
                    .filter(secret -> !secret.isBlank()).map(secret -> new ClientCredentials(issuer,
                            env.getOrDefault("SEEDER_CLIENT_ID", "data-seeder"), secret));
            Optional<Path> serviceUsers = Optional.ofNullable(env.get("SEEDER_SERVICE_USERS"))
                    .filter(s -> !s.isBlank()).map(Path::of);
            boolean storeOnly = false;
            boolean keepParkedGrants = false;
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                if (option.equals("--store-only")) {
                    storeOnly = true;
                    continue;
                }
                if (option.equals("--keep-parked-grants")) {
                    keepParkedGrants = true;
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(option + " needs a value");
                }
                String value = args[++i];
                switch (option) {
                    case "--eventstore":
                        eventstore = value;
                        break;
                    case "--accounts-url":
                        accounts = url(option, value);
                        break;
                    case "--sanctions-url":
                        sanctions = url(option, value);
                        break;
                    case "--wait-seconds":
                        wait = seconds(option, value);
                        break;
                    case "--data":
                        data = Optional.of(Path.of(value));
                        break;
                    default:
                        throw new IllegalArgumentException("unknown option " + option);
                }
            }
            return new Options(eventstore, accounts, sanctions, wait, data, client, serviceUsers, storeOnly,
                    keepParkedGrants);
        }

        private static Duration seconds(String option, String value) {
            try {
                return Duration.ofSeconds(Long.parseLong(value));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " takes a whole number, got " + value);
            }
        }

        private static URI url(String option, String value) {
            try {
                URI uri = URI.create(value);
                if (uri.getScheme() == null || uri.getHost() == null) {
                    throw new IllegalArgumentException(option + " takes a URL such as http://localhost:8083");
                }
                return uri;
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(option + " takes a URL such as http://localhost:8083, got "
                        + value);
            }
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, System.getenv(), out, err);
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        if (args.length == 1 && ("--help".equals(args[0]) || "-h".equals(args[0]))) {
            out.println(USAGE_TEXT);
            return OK;
        }
        Options options;
        KurrentDBClientSettings settings;
        DemoData data;
        Optional<Map<ServiceAccount, String>> passwords;
        try {
            options = Options.parse(args, env);
            settings = connectionSettings(options.eventstore());
            data = options.data().map(DemoData::read).orElseGet(DemoData::bundled);
            passwords = options.serviceUsers().map(Main::servicePasswords);
            if (passwords.isPresent() && StoreAddress.of(options.eventstore()).credentials().isEmpty()) {
                throw new IllegalArgumentException("SEEDER_SERVICE_USERS needs an admin in the connection string, "
                        + "e.g. kurrentdb://admin:password@localhost:2113?tls=false");
            }
            if (options.keepParkedGrants() && StoreAddress.of(options.eventstore()).credentials().isEmpty()) {
                throw new IllegalArgumentException("--keep-parked-grants needs an admin in the connection string, "
                        + "e.g. kurrentdb://admin:password@localhost:2113?tls=false");
            }
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            err.println(e.getMessage());
            err.println(USAGE_TEXT);
            return USAGE;
        }
        KurrentDBClient client = KurrentDBClient.create(settings);
        KurrentDBPersistentSubscriptionsClient persistent = KurrentDBPersistentSubscriptionsClient.create(
                settings);
        try {
            if (options.keepParkedGrants()) {
                return keepParkedGrants(client, out, err);
            }
            return seed(options, data, passwords, client, persistent, out, err);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("Interrupted");
            return SEEDING_FAILED;
        } finally {
            client.shutdown();
            persistent.shutdown();
        }
    }

    private static KurrentDBClientSettings connectionSettings(String connectionString) {
        try {
            return KurrentDBConnectionString.parseOrThrow(connectionString);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--eventstore takes a connection string such as "
                    + "kurrentdb://localhost:2113?tls=false, got " + StoreAddress.masked(connectionString), e);
        }
    }

    /**
     * Keeps the parked streams readable by their services until the process is stopped (or interrupted). A store
     * that does not answer yet, or goes away, is simply followed again a moment later.
     */
    private static int keepParkedGrants(KurrentDBClient client, PrintStream out, PrintStream err)
            throws InterruptedException {
        try (ParkedStreamGrants grants = new ParkedStreamGrants(client, out, err).start()) {
            Thread.currentThread().join(); // until the process is stopped
        }
        return OK;
    }

    /** Each service's EventStoreDB password, from a properties file of {@code login=password}. */
    static Map<ServiceAccount, String> servicePasswords(Path file) {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("SEEDER_SERVICE_USERS: cannot read " + file + ": " + e.getMessage());
        }
        Map<ServiceAccount, String> passwords = new EnumMap<>(ServiceAccount.class);
        List<String> missing = new ArrayList<>();
        for (ServiceAccount account : ServiceAccount.values()) {
            String password = properties.getProperty(account.login(), "");
            if (password.isBlank()) {
                missing.add(account.login());
            } else {
                passwords.put(account, password);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("SEEDER_SERVICE_USERS: " + file + " has no password for "
                    + String.join(", ", missing));
        }
        return passwords;
    }

    private static int seed(Options options, DemoData data, Optional<Map<ServiceAccount, String>> passwords,
                            KurrentDBClient client, KurrentDBPersistentSubscriptionsClient persistent,
                            PrintStream out, PrintStream err) throws InterruptedException {
        Optional<String> down = StoreCheck.problem(client, Duration.ofSeconds(5));
        if (down.isPresent()) {
            err.println("EventStoreDB is not reachable at " + StoreAddress.masked(options.eventstore()) + ": "
                    + down.get());
            return STORE_DOWN;
        }
        SeedReport report = new SeedReport(out, err);
        if (passwords.isPresent()) {
            StoreAddress address = StoreAddress.of(options.eventstore());
            ServiceApi users = new ServiceApi("EventStoreDB", address.httpBase(),
                    ServiceApi.Authorization.basic(address.credentials()),
                    "the connection string must name an EventStoreDB admin",
                    address.httpClient(ServiceApi.timeout()));
            try {
                new StoreSecurity(client, users, passwords.get(), report).seed();
            } catch (ServiceApi.Unexpected e) {
                err.println(e.getMessage());
                out.println(report.summary());
                return SEEDING_FAILED;
            }
        }
        new ConsumerGroupSeeding(persistent, report).seed();
        if (options.storeOnly()) {
            out.println(report.summary());
            return report.failures() > 0 ? SEEDING_FAILED : OK;
        }
        ServiceApi.Authorization signedIn = options.client().map(ServiceApi.Authorization::bearer)
                .orElse(ServiceApi.Authorization.none());
        String hint = "SEEDER_CLIENT_SECRET must be the secret of the identity provider's client "
                + options.client().map(ClientCredentials::clientId).orElse("data-seeder")
                + ", which needs the roles account-officer and sanctions-officer";
        ServiceApi accounts = new ServiceApi("accounts-service", options.accountsUrl(), signedIn, hint);
        ServiceApi sanctions = new ServiceApi("sanctions-service", options.sanctionsUrl(), signedIn, hint);
        Instant deadline = Instant.now().plus(options.readinessWait());
        for (ServiceApi service : new ServiceApi[] {accounts, sanctions}) {
            Optional<String> notReady = awaitReady(service, deadline);
            if (notReady.isPresent()) {
                err.println(service.name() + " is not ready at " + service.base() + ": " + notReady.get());
                return SERVICE_NOT_READY;
            }
        }
        try {
            new AccountSeeding(accounts, report).seed(data);
            new SanctionedNameSeeding(sanctions, report).seed(data);
        } catch (ServiceApi.Unexpected e) {
            err.println(e.getMessage());
            out.println(report.summary());
            return SEEDING_FAILED;
        }
        out.println(report.summary());
        return report.failures() > 0 ? SEEDING_FAILED : OK;
    }

    /** Polls {@code /q/health/ready} until 200 or the deadline; empty when ready, else the last answer. */
    private static Optional<String> awaitReady(ServiceApi service, Instant deadline) throws InterruptedException {
        String last;
        do {
            try {
                ServiceApi.Answer answer = service.get("/q/health/ready");
                if (answer.status() == 200) {
                    return Optional.empty();
                }
                last = "HTTP " + answer.status();
            } catch (ServiceApi.Unexpected e) {
                last = e.getMessage();
            }
            Thread.sleep(250);
        } while (Instant.now().isBefore(deadline));
        return Optional.of(last);
    }
}
