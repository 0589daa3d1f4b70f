package com.paystream.benchmarks;

import com.paystream.benchmarks.BenchmarkOptions.Client;
import com.paystream.benchmarks.BenchmarkOptions.ServerMode;
import com.paystream.benchmarks.Results.Row;
import com.paystream.benchmarks.Results.Run;
import com.paystream.benchmarks.Results.ServerReport;
import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.KurrentDBConnectionString;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code java -jar benchmarks/target/benchmarks.jar emulator [options]}: throughput and latency of the emulator (or of
 * any EventStoreDB) through the official client and through raw gRPC calls, printed as a table and written as JSON.
 * Exit status 0 when every server could be benchmarked (missed aims included), 1 when one could not, 2 on a usage
 * error.
 */
public final class Main {
    /** Held, so the levels set here are not lost when the loggers are collected. */
    private static final List<Logger> QUIETED = List.of(Logger.getLogger("io.kurrent"), Logger.getLogger("io.grpc"));

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 1 && List.of("--help", "-h", "help").contains(args[0])) {
            System.out.println(BenchmarkOptions.USAGE);
            return;
        }
        if (args.length > 0 && args[0].equals("load")) {
            QUIETED.forEach(logger -> logger.setLevel(Level.SEVERE));
            System.exit(LoadCommand.run(Arrays.asList(args).subList(1, args.length)));
            return;
        }
        if (args.length > 0 && args[0].equals("ingest")) {
            System.exit(IngestCommand.run(Arrays.asList(args).subList(1, args.length)));
            return;
        }
        if (args.length > 0 && args[0].equals("screening")) {
            System.exit(ScreeningCommand.run(Arrays.asList(args).subList(1, args.length)));
            return;
        }
        if (args.length > 0 && args[0].equals("history")) {
            System.exit(history(Arrays.asList(args).subList(1, args.length)));
            return;
        }
        BenchmarkOptions options;
        try {
            if (args.length == 0 || !args[0].equals("emulator")) {
                throw new IllegalArgumentException(
                        "the benchmarks are 'emulator', 'history', 'load', 'ingest' and 'screening'");
            }
            options = BenchmarkOptions.parse(Arrays.asList(args).subList(1, args.length));
        } catch (IllegalArgumentException e) {
            System.err.println("benchmarks: " + e.getMessage());
            System.err.println(BenchmarkOptions.USAGE);
            System.exit(2);
            return;
        }
        QUIETED.forEach(logger -> logger.setLevel(Level.SEVERE));
        System.exit(run(options));
    }

    private static int history(List<String> args) {
        HistoryBenchmark benchmark;
        try {
            benchmark = HistoryBenchmark.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("benchmarks: " + e.getMessage());
            System.err.println(HistoryBenchmark.USAGE);
            return 2;
        }
        QUIETED.forEach(logger -> logger.setLevel(Level.SEVERE));
        try {
            return benchmark.run();
        } catch (Exception e) {
            System.err.println("benchmarks: history: " + Measurements.describe(e));
            return 1;
        }
    }

    private static int run(BenchmarkOptions options) {
        String runId = Long.toString(System.currentTimeMillis(), 36);
        String startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        List<ServerReport> reports = new ArrayList<>();
        int status = 0;
        List<String> modes = options.connection() != null ? List.of("external")
                : options.modes().stream().map(mode -> mode.name().toLowerCase(Locale.ROOT)).toList();
        for (String mode : modes) {
            progress(mode + ": starting the server");
            try (ServerUnderTest server = start(options, mode)) {
                reports.add(measure(options, mode, server, runId));
            } catch (Exception e) {
                System.err.println("benchmarks: " + mode + ": " + Measurements.describe(e));
                status = 1;
            }
        }
        if (reports.isEmpty()) {
            return status;
        }
        Run run = new Run(startedAt, options.measurement().toSeconds(), options.warmUp().toSeconds(),
                options.clients().stream().map(client -> client.id).toList(), options.writers(), options.inFlight(),
                options.subscriptionEvents(), Measurements.DATA.length, Measurements.METADATA.length,
                Runtime.version().toString(), Runtime.getRuntime().availableProcessors(), reports);
        Report.print(run, System.out);
        try {
            Report.writeJson(run, options.json());
            System.out.println("\nwritten to " + options.json());
        } catch (Exception e) {
            System.err.println("benchmarks: cannot write " + options.json() + ": " + e.getMessage());
            status = 1;
        }
        return status;
    }

    private static ServerUnderTest start(BenchmarkOptions options, String mode) throws Exception {
        if (options.connection() != null) {
            return ServerUnderTest.external(options.connection());
        }
        ServerMode serverMode = ServerMode.valueOf(mode.toUpperCase(Locale.ROOT));
        return options.inProcess() ? ServerUnderTest.inProcess(serverMode)
                : ServerUnderTest.process(options.emulatorJar(), serverMode, options.emulatorJavaOptions());
    }

    private static ServerReport measure(BenchmarkOptions options, String mode, ServerUnderTest server, String runId)
            throws Exception {
        KurrentDBClient client = KurrentDBClient.create(
                KurrentDBConnectionString.parseOrThrow(server.connectionString()));
        RawGrpcClient raw = null;
        try {
            if (options.clients().contains(Client.RAW)) {
                raw = RawGrpcClient.connect(server.connectionString(), Measurements.CALL_TIMEOUT_SECONDS);
            }
            Measurements measurements = new Measurements(client, raw, runId + mode.charAt(0), options.measurement(),
                    options.warmUp());
            measurements.connect();
            int writers = options.writers();
            List<Row> rows = new ArrayList<>();
            rows.addAll(appends(options, mode, measurements, 1, 1));
            rows.addAll(appends(options, mode, measurements, writers, 1));
            rows.addAll(appends(options, mode, measurements, 1, 100));
            rows.addAll(appends(options, mode, measurements, writers, 100));
            for (Client which : options.clients()) {
                rows.add(timed(mode, which, Report.READ_ALL, "read $all forwards", "events",
                        () -> measurements.readAll(Report.READ_ALL, "read $all forwards", which)));
            }
            progress(mode + ": persistent subscriptions over " + options.subscriptionEvents() + " events");
            rows.addAll(measurements.persistentSubscriptions(options.subscriptionEvents(), 1, 2));
            return new ServerReport(mode, server.description(), rows, Report.aims(rows));
        } finally {
            if (raw != null) {
                raw.close();
            }
            client.shutdown().get(10, TimeUnit.SECONDS);
        }
    }

    /** One append load, through each client; raw writers with more than one append in flight get their own id. */
    private static List<Row> appends(BenchmarkOptions options, String mode, Measurements measurements, int writers,
                                     int batchSize) {
        String events = batchSize == 1 ? "1 event" : batchSize + " events";
        String id = "append_" + events.replace(' ', '_') + "_" + writers + (writers == 1 ? "_writer" : "_writers");
        String label = "append " + events + ", " + writers + (writers == 1 ? " writer" : " writers");
        List<Row> rows = new ArrayList<>();
        for (Client which : options.clients()) {
            int inFlight = which == Client.RAW ? options.inFlight() : 1;
            String rowId = inFlight == 1 ? id : id + "_" + inFlight + "_in_flight";
            String rowLabel = inFlight == 1 ? label : label + ", " + inFlight + " in flight each";
            rows.add(timed(mode, which, rowId, rowLabel, "appends",
                    () -> measurements.appends(rowId, rowLabel, which, writers, inFlight, batchSize)));
        }
        return rows;
    }

    /** Runs one measurement; a failure becomes the row's problem instead of ending the run. */
    private static Row timed(String mode, Client which, String id, String label, String unit,
                             Supplier<Row> measurement) {
        progress(mode + ": " + label + " [" + which.label + "]");
        try {
            return measurement.get();
        } catch (RuntimeException e) {
            return Row.failed(id, which.id, label, unit, Measurements.describe(e));
        }
    }

    private static void progress(String message) {
        System.err.println("... " + message);
    }
}
