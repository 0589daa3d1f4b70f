package com.paystream.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.paystream.benchmarks.BenchmarkOptions.Client;
import com.paystream.benchmarks.Results.Aim;
import com.paystream.benchmarks.Results.Row;
import com.paystream.benchmarks.Results.Run;
import com.paystream.benchmarks.Results.ServerReport;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/** The aims, the table on the console and the JSON file. */
final class Report {
    static final String APPEND_1_WRITER = "append_1_event_1_writer";
    static final String APPEND_8_WRITERS = "append_1_event_8_writers";
    static final String READ_ALL = "read_all_forwards";

    private static final String ROW = "  %-{width}s %22s %15s %8s %8s %8s  %s%n";

    private Report() {
    }

    /**
     * The aims set for the durable emulator; checked for every server so the modes can be compared. Each is judged on
     * the raw gRPC row when there is one (it measures the server), else on the official client's.
     */
    static List<Aim> aims(List<Row> rows) {
        return List.of(
                aim(rows, APPEND_8_WRITERS, ">= 15,000 appends/s", "not measured (needs --writers 8)",
                        row -> row.perSecond() != null, row -> number(row.perSecond()) + " appends/s",
                        row -> row.perSecond() >= 15_000),
                aim(rows, READ_ALL, ">= 100,000 events/s", "not measured", row -> row.perSecond() != null,
                        row -> number(row.perSecond()) + " events/s", row -> row.perSecond() >= 100_000),
                aim(rows, APPEND_1_WRITER, "p99 < 5 ms", "not measured",
                        row -> row.latency() != null, row -> millis(row.latency().p99Ms()) + " ms",
                        row -> row.latency().p99Ms() < 5));
    }

    private static Aim aim(List<Row> rows, String id, String target, String absent, Predicate<Row> measured,
                           Function<Row, String> figure, Predicate<Row> met) {
        List<Row> candidates = rows.stream().filter(row -> row.id().equals(id)).toList();
        Optional<Row> judged = candidates.stream().filter(row -> Client.RAW.id.equals(row.client())).findFirst()
                .or(() -> candidates.stream().findFirst());
        return judged.filter(measured)
                .map(row -> new Aim(id, row.client(), target, figure.apply(row), met.test(row)))
                .orElse(new Aim(id, judged.map(Row::client).orElse(null), target, absent, null));
    }

    static void print(Run run, PrintStream out) {
        out.printf("%nStore benchmark (KurrentDB protocol), started %s%n", run.startedAt());
        out.printf("each measurement %d s after a %d s warm-up; events: %d-byte JSON data + %d-byte JSON metadata; "
                        + "Java %s, %d processors%n", run.measurementSeconds(), run.warmUpSeconds(), run.eventDataBytes(),
                run.eventMetadataBytes(), run.java(), run.availableProcessors());
        out.printf("appends and $all reads through %s; aims judged on the raw gRPC rows when present "
                + "(they measure the server), the kurrentdb-client rows show what the services get%n",
                String.join(" and ", run.clients().stream().map(id -> clientLabel(id)).toList())
                        + (run.clients().contains(Client.RAW.id) && run.rawInFlight() > 1
                        ? " (" + run.rawInFlight() + " appends in flight per raw writer)" : ""));
        for (ServerReport server : run.servers()) {
            out.printf("%n%s: %s%n", server.mode(), server.server());
            int width = server.measurements().stream().mapToInt(row -> label(row).length()).max().orElse(0);
            String format = ROW.replace("{width}", Integer.toString(Math.max(width, 11)));
            out.printf(format, "measurement", "rate", "events/s", "p50 ms", "p99 ms", "max ms", "aim");
            List<String> notes = new ArrayList<>();
            for (Row row : server.measurements()) {
                String aim = server.aims().stream().filter(a -> a.measurement().equals(row.id())
                                && Objects.equals(a.client(), row.client())).findFirst()
                        .map(a -> a.target() + " " + mark(a)).orElse("");
                String label = label(row);
                if (row.perSecond() == null) {
                    out.printf("  %-" + width + "s %s%n", label, row.problem());
                    continue;
                }
                out.printf(format, label, number(row.perSecond()) + " " + row.unit() + "/s",
                        row.eventsPerSecond() == null ? "" : number(row.eventsPerSecond()),
                        row.latency() == null ? "" : millis(row.latency().p50Ms()),
                        row.latency() == null ? "" : millis(row.latency().p99Ms()),
                        row.latency() == null ? "" : millis(row.latency().maxMs()), aim);
                if (row.problem() != null) {
                    notes.add(label + ": " + row.problem());
                }
            }
            notes.forEach(note -> out.println("  note: " + note));
            long met = server.aims().stream().filter(a -> Boolean.TRUE.equals(a.met())).count();
            out.printf("  aims (set for the durable emulator, judged on %s): %d of %d met%n",
                    String.join(", ", server.aims().stream().map(Aim::client).filter(Objects::nonNull).distinct()
                            .map(Report::clientLabel).toList()), met, server.aims().size());
        }
    }

    static void writeJson(Run run, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), run);
    }

    private static Optional<Row> find(List<Row> rows, String id) {
        return rows.stream().filter(row -> row.id().equals(id)).findFirst();
    }

    private static String label(Row row) {
        return row.label() + " [" + clientLabel(row.client()) + "]";
    }

    private static String clientLabel(String id) {
        for (Client client : Client.values()) {
            if (client.id.equals(id)) {
                return client.label;
            }
        }
        return id;
    }

    private static String mark(Aim aim) {
        return aim.met() == null ? "n/a" : aim.met() ? "PASS" : "FAIL";
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    private static String millis(double value) {
        return String.format(Locale.ROOT, value < 10 ? "%.2f" : "%.1f", value);
    }
}
