package com.paystream.benchmarks;

import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.KurrentDBConnectionString;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar benchmarks/target/benchmarks.jar load [options]}: payments per second end to end, with latency
 * percentiles, against the running suite, or against suites it starts itself ({@code --instances}, {@code --scaling}).
 */
final class LoadCommand {
    static final String USAGE = """
            usage: java $JVM -jar benchmarks/target/benchmarks.jar load [options]     (from the repository root)
              with JVM="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Djava.util.concurrent.ForkJoinPool.common.parallelism=4"
              on a small machine: the options run.sh gives the suite, so the load generator takes little CPU from it
              --payments N          payments to send and measure (default 5000)
              --warmup N            payments sent first, at the same rate, not measured (default 2000): the JIT
                                    compilers of six JVMs on two cores need them (their balances are checked too)
              --rate N              payments offered per second (default 200); 0: as fast as --concurrency allows
              --concurrency N       payments in flight to the gateway at most (default 64)
              --accounts N          accounts the payments go to (default 50)
              --instances N         start a fresh suite (./run.sh --memory --instances N) for the run, stop it after
              --scaling             two runs, each on a fresh suite: 1, then 2 instances of each consumer service
              --suite DIR           the suite is DIR's, a built checkout of this repository at any commit (default:
                                    the current directory, taken as today's): --instances and --scaling start DIR's
                                    own ./run.sh, and it is called as its generation needs, told by DIR's run.sh
                                    (before Keycloak: no tokens, an operator by HTTP basic, a plaintext store)
              --raw-seconds N       measure the store's raw append limit for N s before each run (default 5; 0: skip)
              --settle-seconds N    how long to wait for the last payments to end (default 120)
              --scheme URL          payment-scheme-service (default http://localhost:8081)
              --sanctions URL       sanctions-service (default http://localhost:8082)
              --accounts-url URL    accounts-service (default http://localhost:8083)
              --connection URL      the store the suite uses, as an admin (default kurrentdb://admin:…@localhost:2113?tls=true&
                                    tlsCAFile=…: the password from PAYSTREAM_EVENTSTORE_ADMIN_PASSWORD or run.sh's data
                                    folder, the CA from its certs)
            Calls the services as the identity provider's client load-benchmark: its secret from
            PAYSTREAM_LOAD_CLIENT_SECRET or run.sh's data folder (keycloak.credentials); a suite from before Keycloak,
            as its operator: PAYSTREAM_OPERATOR=login:password or run.sh's data folder (operator.credentials).
              --seed N              the payment mix's random seed (default 1)
              --json PATH           default benchmarks/target/load-benchmark.json
              --html PATH           default benchmarks/target/load-benchmark.html
            Without --instances or --scaling it measures the suite already running (./run.sh, or docker compose on a
            real EventStoreDB). After each run it prints what a payment cost each JVM of the suite and the load
            generator: CPU, and bytes allocated (a JVM it cannot attach to is left out). Exit status 0 when every run
            passed its checks, 1 otherwise, 2 on a usage error.""";

    private LoadCommand() {
    }

    static int run(List<String> args) {
        int payments = 5000;
        int warmUp = 2000;
        int rate = 200;
        int concurrency = 64;
        int accounts = 50;
        Integer instances = null;
        Path checkout = null;
        boolean scaling = false;
        int rawSeconds = 5;
        int settleSeconds = 120;
        URI scheme = URI.create("http://localhost:8081");
        URI sanctions = URI.create("http://localhost:8082");
        URI accountsUrl = URI.create("http://localhost:8083");
        String connection = null;
        long seed = 1;
        Path json = Path.of("benchmarks/target/load-benchmark.json");
        Path html = Path.of("benchmarks/target/load-benchmark.html");
        try {
            for (int i = 0; i < args.size(); i++) {
                String option = args.get(i);
                if (option.equals("--scaling")) {
                    scaling = true;
                    continue;
                }
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException(option + " needs a value");
                }
                String value = args.get(++i);
                switch (option) {
                    case "--payments" -> payments = BenchmarkOptions.positive(option, value);
                    case "--warmup" -> warmUp = BenchmarkOptions.nonNegative(option, value);
                    case "--rate" -> rate = BenchmarkOptions.nonNegative(option, value);
                    case "--concurrency" -> concurrency = BenchmarkOptions.positive(option, value);
                    case "--accounts" -> accounts = BenchmarkOptions.positive(option, value);
                    case "--instances" -> instances = BenchmarkOptions.positive(option, value);
                    case "--suite" -> checkout = Path.of(value);
                    case "--raw-seconds" -> rawSeconds = BenchmarkOptions.nonNegative(option, value);
                    case "--settle-seconds" -> settleSeconds = BenchmarkOptions.positive(option, value);
                    case "--scheme" -> scheme = URI.create(value);
                    case "--sanctions" -> sanctions = URI.create(value);
                    case "--accounts-url" -> accountsUrl = URI.create(value);
                    case "--connection" -> connection = value;
                    case "--seed" -> seed = BenchmarkOptions.nonNegative(option, value);
                    case "--json" -> json = Path.of(value);
                    case "--html" -> html = Path.of(value);
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            }
            if (instances != null && instances > 4) {
                throw new IllegalArgumentException("--instances is 1 to 4");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("benchmarks: " + e.getMessage());
            System.err.println(USAGE);
            return 2;
        }
        if (ForkJoinPool.getCommonPoolParallelism() < 2) {
            System.err.println("benchmarks: warning: this JVM runs every async stage of the EventStoreDB client on a new "
                    + "thread (fewer than 3 processors); start it with "
                    + "-Djava.util.concurrent.ForkJoinPool.common.parallelism=4, or it takes CPU from the suite");
        }
        boolean freshSuites = scaling || instances != null;
        String storeAdminPassword = "load-" + UUID.randomUUID();
        Path suite = checkout == null ? Path.of("").toAbsolutePath() : checkout;
        SuiteGeneration generation;
        Path data;
        try {
            generation = checkout == null ? SuiteGeneration.SIGNED_IN : SuiteGeneration.of(checkout);
            // a suite the benchmark starts keeps its passwords in a data folder of its own
            data = freshSuites ? Files.createTempDirectory("paystream-load-") : SuiteStore.runShData(suite);
        } catch (IOException e) {
            System.err.println("benchmarks: " + e.getMessage());
            return 2;
        }
        if (connection == null) {
            connection = generation.store(data, freshSuites ? Optional.of(storeAdminPassword)
                    : SuiteStore.adminPassword(data));
        }
        LoadBenchmark.Settings settings = new LoadBenchmark.Settings(payments, warmUp, rate, concurrency, accounts, scheme,
                sanctions, accountsUrl, connection, Duration.ofSeconds(settleSeconds), seed, generation,
                generation.signIn(data));
        String suiteLabel = checkout == null ? "" : ", " + checkout.toAbsolutePath().normalize().getFileName() + " ("
                + generation.description() + ")";
        String startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        List<LoadReport.Measured> runs = new ArrayList<>();
        List<Integer> suites = scaling ? List.of(1, 2) : instances != null ? List.of(instances) : List.of(0);
        int status = 0;
        for (int suiteInstances : suites) {
            try {
                runs.add(suiteInstances == 0
                        ? measure(settings, SuiteJvms.onThisMachine(), 1, rawSeconds, "running suite" + suiteLabel)
                        : onFreshSuite(settings, suite, suiteInstances, rawSeconds, data, storeAdminPassword,
                        suiteLabel));
            } catch (Exception e) {
                System.err.println("benchmarks: load: " + Measurements.describe(e));
                status = 1;
            }
        }
        if (runs.isEmpty()) {
            return 1;
        }
        LoadReport.print(runs, System.out);
        LoadReport.Report report = new LoadReport.Report(startedAt, Runtime.version().toString(),
                Runtime.getRuntime().availableProcessors(), runs);
        try {
            LoadReport.writeJson(report, json);
            LoadReport.writeHtml(report, html);
            System.out.println("\nwritten to " + json + " and " + html);
        } catch (Exception e) {
            System.err.println("benchmarks: cannot write the report: " + e.getMessage());
            status = 1;
        }
        return runs.stream().allMatch(run -> run.load().passed()) ? status : 1;
    }

    private static LoadReport.Measured onFreshSuite(LoadBenchmark.Settings settings, Path checkout, int instances,
                                                    int rawSeconds, Path data, String storeAdminPassword,
                                                    String suiteLabel) throws Exception {
        LoadBenchmark.progress("starting the suite: ./run.sh --memory --instances " + instances
                + (suiteLabel.isEmpty() ? "" : " in " + checkout.toAbsolutePath().normalize()));
        try (SuiteProcess suite = SuiteProcess.start(checkout, instances, data, storeAdminPassword)) {
            LoadBenchmark.progress("suite ready (log " + suite.log() + ")");
            return measure(settings, suite.jvms(), instances, rawSeconds,
                    instances + " instance" + (instances == 1 ? "" : "s") + suiteLabel);
        }
    }

    private static LoadReport.Measured measure(LoadBenchmark.Settings settings, SuiteJvms jvms, int instances,
                                               int rawSeconds, String label) throws Exception {
        Double raw = null;
        Double official = null;
        if (rawSeconds > 0) {
            LoadBenchmark.progress("measuring the store's raw append limit for " + rawSeconds + " s");
            KurrentDBClient client = KurrentDBClient.create(
                    KurrentDBConnectionString.parseOrThrow(settings.connection()));
            RawGrpcClient grpc = RawGrpcClient.connect(settings.connection(), Measurements.CALL_TIMEOUT_SECONDS);
            try {
                Measurements measurements = new Measurements(client, grpc, "load" + System.currentTimeMillis(),
                        Duration.ofSeconds(rawSeconds), Duration.ofSeconds(1));
                measurements.connect();
                raw = measurements.appends("raw", "raw", BenchmarkOptions.Client.RAW, 8, 1, 1).perSecond();
                official = measurements.appends("official", "official", BenchmarkOptions.Client.OFFICIAL, 8, 1, 1)
                        .perSecond();
            } finally {
                grpc.close();
                client.shutdown().get(10, TimeUnit.SECONDS);
            }
        }
        LoadBenchmark benchmark = new LoadBenchmark(settings, jvms);
        LoadResult result = benchmark.run(label);
        return new LoadReport.Measured(instances, result, raw, official, benchmark.storeMessagesPerPayment(),
                benchmark.cpuMillisPerPayment(), benchmark.allocatedBytesPerPayment());
    }
}
