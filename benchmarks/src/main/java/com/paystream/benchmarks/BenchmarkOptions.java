package com.paystream.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** The command line of {@code benchmarks.jar emulator}. Paths are relative to the working directory (the repository root). */
record BenchmarkOptions(
        Duration measurement,
        Duration warmUp,
        List<ServerMode> modes,
        List<Client> clients,
        int inFlight,
        String connection,
        boolean inProcess,
        Path emulatorJar,
        List<String> emulatorJavaOptions,
        int writers,
        int subscriptionEvents,
        Path json) {

    static final String USAGE = """
            usage: java -jar benchmarks/target/benchmarks.jar emulator [options]
              --duration-seconds N        length of each timed measurement (default 10)
              --warmup-seconds N          untimed run of the same load before each measurement (default 3)
              --mode durable|memory|both  emulator storage to benchmark (default both)
              --client official|raw|both  what sends the appends and $all reads (default both): official =
                                          kurrentdb-client, what the services get; raw = the same
                                          requests through the
                                          generated gRPC stubs, which measures the server. The aims are
                                          judged on the raw rows when there are any. Persistent
                                          subscriptions always use the official client.
              --in-flight N               appends each raw gRPC writer keeps in flight (default 1: a closed
                                          loop, like the official client's writers)
              --connection URL            benchmark an already running server instead, e.g. kurrentdb://host:2113?tls=false
              --emulator-jar PATH         default eventstore-emulator/target/eventstore-emulator.jar
              --emulator-java-options S   JVM options for the emulator process, e.g. "-Xmx2g" (default none)
              --in-process                run the emulator inside this JVM instead of a separate process
              --writers N                 concurrent writers of the multi-writer measurements (default 8)
              --subscription-events N     events pre-written for the persistent-subscription measurements (default 20000)
              --json PATH                 default benchmarks/target/emulator-benchmark.json
            Run it from the repository root; it only uses loopback unless --connection says otherwise.""";

    enum ServerMode { DURABLE, MEMORY }

    /** What sends the load: {@code id} goes into the JSON, {@code label} into the table. */
    enum Client {
        OFFICIAL("official", "kurrentdb-client"),
        RAW("raw", "raw gRPC");

        final String id;
        final String label;

        Client(String id, String label) {
            this.id = id;
            this.label = label;
        }
    }

    /** Parses {@code args} (without the {@code emulator} command); throws {@link IllegalArgumentException} on misuse. */
    static BenchmarkOptions parse(List<String> args) {
        int duration = 10;
        int warmUp = 3;
        List<ServerMode> modes = List.of(ServerMode.DURABLE, ServerMode.MEMORY);
        List<Client> clients = List.of(Client.OFFICIAL, Client.RAW);
        int inFlight = 1;
        String connection = null;
        boolean inProcess = false;
        Path jar = Path.of("eventstore-emulator", "target", "eventstore-emulator.jar");
        List<String> javaOptions = List.of();
        int writers = 8;
        int subscriptionEvents = 20_000;
        Path json = Path.of("benchmarks", "target", "emulator-benchmark.json");
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            switch (option) {
                case "--duration-seconds" -> duration = positive(option, value(args, ++i, option));
                case "--warmup-seconds" -> warmUp = nonNegative(option, value(args, ++i, option));
                case "--mode" -> modes = modes(value(args, ++i, option));
                case "--client" -> clients = clients(value(args, ++i, option));
                case "--in-flight" -> inFlight = positive(option, value(args, ++i, option));
                case "--connection" -> connection = value(args, ++i, option);
                case "--in-process" -> inProcess = true;
                case "--emulator-jar" -> jar = Path.of(value(args, ++i, option));
                case "--emulator-java-options" -> javaOptions = Arrays.stream(value(args, ++i, option).trim()
                        .split("\\s+")).filter(s -> !s.isEmpty()).toList();
                case "--writers" -> writers = positive(option, value(args, ++i, option));
                case "--subscription-events" -> subscriptionEvents = positive(option, value(args, ++i, option));
                case "--json" -> json = Path.of(value(args, ++i, option));
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (connection != null && inProcess) {
            throw new IllegalArgumentException("--connection and --in-process exclude each other");
        }
        return new BenchmarkOptions(Duration.ofSeconds(duration), Duration.ofSeconds(warmUp), modes, clients,
                inFlight, connection,
                inProcess, jar, javaOptions, writers, subscriptionEvents, json);
    }

    private static List<ServerMode> modes(String text) {
        return switch (text) {
            case "durable" -> List.of(ServerMode.DURABLE);
            case "memory" -> List.of(ServerMode.MEMORY);
            case "both" -> List.of(ServerMode.DURABLE, ServerMode.MEMORY);
            default -> throw new IllegalArgumentException("--mode must be durable, memory or both, got " + text);
        };
    }

    private static List<Client> clients(String text) {
        return switch (text) {
            case "official" -> List.of(Client.OFFICIAL);
            case "raw" -> List.of(Client.RAW);
            case "both" -> List.of(Client.OFFICIAL, Client.RAW);
            default -> throw new IllegalArgumentException("--client must be official, raw or both, got " + text);
        };
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(index);
    }

    static int positive(String option, String text) {
        int value = nonNegative(option, text);
        if (value == 0) {
            throw new IllegalArgumentException(option + " must be at least 1");
        }
        return value;
    }

    static int nonNegative(String option, String text) {
        try {
            int value = Integer.parseInt(text);
            if (value < 0) {
                throw new IllegalArgumentException(option + " must not be negative, got " + text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number, got " + text);
        }
    }
}
