package com.paystream.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
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
import java.util.Optional;

/** The aims, the table on the console and the JSON file. */
final class Report {
    static final String APPEND_1_WRITER = "append_1_event_1_writer";
    static final String APPEND_8_WRITERS = "append_1_event_8_writers";
    static final String READ_ALL = "read_all_forwards";

    private static final String ROW = "  %-30s %22s %15s %8s %8s %8s  %s%n";

    private Report() {
    }

    /** The aims set for the durable emulator; checked for every server so the modes can be compared. */
    static List<Aim> aims(List<Row> rows) {
        List<Aim> aims = new ArrayList<>();
        Optional<Row> eightWriters = find(rows, APPEND_8_WRITERS).filter(row -> row.perSecond() != null);
        aims.add(eightWriters.map(row -> new Aim(APPEND_8_WRITERS, ">= 15,000 appends/s",
                        number(row.perSecond()) + " appends/s", row.perSecond() >= 15_000))
                .orElse(new Aim(APPEND_8_WRITERS, ">= 15,000 appends/s", "not measured (needs --writers 8)", null)));
        Optional<Row> read = find(rows, READ_ALL).filter(row -> row.perSecond() != null);
        aims.add(read.map(row -> new Aim(READ_ALL, ">= 100,000 events/s", number(row.perSecond()) + " events/s",
                        row.perSecond() >= 100_000))
                .orElse(new Aim(READ_ALL, ">= 100,000 events/s", "not measured", null)));
        Optional<Row> oneWriter = find(rows, APPEND_1_WRITER).filter(row -> row.latency() != null);
        aims.add(oneWriter.map(row -> new Aim(APPEND_1_WRITER, "p99 < 5 ms", millis(row.latency().p99Ms()) + " ms",
                        row.latency().p99Ms() < 5))
                .orElse(new Aim(APPEND_1_WRITER, "p99 < 5 ms", "not measured", null)));
        return aims;
    }

    static void print(Run run, PrintStream out) {
        out.printf("%nEventStoreDB benchmark through db-client-java, started %s%n", run.startedAt());
        out.printf("each measurement %d s after a %d s warm-up; events: %d-byte JSON data + %d-byte JSON metadata; "
                        + "Java %s, %d processors%n", run.measurementSeconds(), run.warmUpSeconds(), run.eventDataBytes(),
                run.eventMetadataBytes(), run.java(), run.availableProcessors());
        for (ServerReport server : run.servers()) {
            out.printf("%n%s: %s%n", server.mode(), server.server());
            out.printf(ROW, "measurement", "rate", "events/s", "p50 ms", "p99 ms", "max ms", "aim");
            List<String> notes = new ArrayList<>();
            for (Row row : server.measurements()) {
                String aim = server.aims().stream().filter(a -> a.measurement().equals(row.id())).findFirst()
                        .map(a -> a.target() + " " + mark(a)).orElse("");
                if (row.perSecond() == null) {
                    out.printf("  %-30s %s%n", row.label(), row.problem());
                    continue;
                }
                out.printf(ROW, row.label(), number(row.perSecond()) + " " + row.unit() + "/s",
                        row.eventsPerSecond() == null ? "" : number(row.eventsPerSecond()),
                        row.latency() == null ? "" : millis(row.latency().p50Ms()),
                        row.latency() == null ? "" : millis(row.latency().p99Ms()),
                        row.latency() == null ? "" : millis(row.latency().maxMs()), aim);
                if (row.problem() != null) {
                    notes.add(row.label() + ": " + row.problem());
                }
            }
            notes.forEach(note -> out.println("  note: " + note));
            long met = server.aims().stream().filter(a -> Boolean.TRUE.equals(a.met())).count();
            out.printf("  aims (set for the durable emulator): %d of %d met%n", met, server.aims().size());
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
