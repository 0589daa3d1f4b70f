package com.paystream.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Prints load runs as a table, and writes them as JSON and as a self-contained HTML page with latency charts. */
final class LoadReport {
    /**
     * A load run with the store's raw limit measured on the same server just before it (null when skipped), and what
     * each payment cost: the store's messages (null: the store does not count them), and each JVM's CPU and
     * allocations.
     */
    record Measured(int instances, LoadResult load, Double rawAppendsPerSecond, Double clientAppendsPerSecond,
                    Map<String, Double> storeMessagesPerPayment, Map<String, Double> cpuMillisPerPayment,
                    Map<String, Double> allocatedBytesPerPayment) {
        Double efficiency() {
            return rawAppendsPerSecond == null || rawAppendsPerSecond == 0 ? null
                    : load.pipelineEventsPerSecond() / rawAppendsPerSecond;
        }
    }

    /** What the JSON file holds. */
    record Report(String startedAt, String java, int availableProcessors, List<Measured> runs) {
    }

    private LoadReport() {
    }

    static void print(List<Measured> runs, PrintStream out) {
        for (Measured run : runs) {
            LoadResult r = run.load();
            out.println();
            out.printf(Locale.ROOT, "%s: %d payments, %s, %d accounts, %d instance(s) of each consumer service%n",
                    r.label(), r.payments(), r.targetRate() > 0 ? r.targetRate() + "/s offered"
                            : "as fast as possible (" + r.concurrency() + " in flight)", r.accounts(),
                    run.instances());
            out.printf(Locale.ROOT, "  sent %,d in %.1f s (%.0f/s); ended %,d in %.1f s: %.0f payments/s end to end%n",
                    r.accepted(), r.injectionSeconds(), r.sentPerSecond(), r.ended(), r.runSeconds(),
                    r.completedPerSecond());
            out.printf(Locale.ROOT, "  outcomes %s; lost %d, ended twice %d, credited twice %d, wrong outcome %d, "
                            + "balances wrong %d, ledgers wrong %d%n", r.outcomes(), r.lost(), r.doubleEnded(),
                    r.doubleCredited(), r.wrongOutcome(), r.balanceMismatches(), r.ledgerMismatches());
            out.printf("  %-34s %9s %9s %9s %9s %9s%n", "latency (ms)", "p50", "p95", "p99", "max", "payments");
            line(out, "sent → ended (not held)", r.endToEnd());
            for (Map.Entry<String, LoadResult.Latency> stage : r.stages().entrySet()) {
                line(out, "  " + stage.getKey(), stage.getValue());
            }
            line(out, "held, released, ended", r.heldThenReleased());
            out.printf(Locale.ROOT, "  pipeline: %,.0f events/s on payment timelines", r.pipelineEventsPerSecond());
            if (run.rawAppendsPerSecond() != null) {
                out.printf(Locale.ROOT, "; the store's raw limit %,.0f appends/s (8 writers, raw gRPC), %,.0f through "
                                + "the official client: efficiency %.0f%%", run.rawAppendsPerSecond(),
                        run.clientAppendsPerSecond(), 100 * run.efficiency());
            }
            out.println();
            if (run.storeMessagesPerPayment() != null) {
                out.printf(Locale.ROOT, "  store messages per payment (the store's own count, while the measured "
                        + "payments ran; the benchmark's own subscription left out):%n");
                StoreMessages.summary(run.storeMessagesPerPayment()).forEach((kind, perPayment) ->
                        out.printf(Locale.ROOT, "    %-50s %8.2f%n", kind, perPayment));
            } else {
                out.println("  store messages per payment: not counted (the store has no GET /stats/messages, or it "
                        + "restarted during the run)");
            }
            costs(run, out);
            out.println(r.passed() ? "  PASSED: every payment ended once, as it must, and every balance adds up"
                    : "  FAILED: " + String.join("; ", r.problems()));
        }
        if (runs.size() > 1) {
            out.println();
            out.printf("%-10s %10s %12s %9s %9s %9s %12s %10s%n", "instances", "sent/s", "completed/s", "p50 ms",
                    "p99 ms", "max ms", "events/s", "efficiency");
            for (Measured run : runs) {
                LoadResult r = run.load();
                LoadResult.Latency e = r.endToEnd();
                out.printf(Locale.ROOT, "%-10d %10.0f %12.0f %9s %9s %9s %12.0f %10s%n", run.instances(),
                        r.sentPerSecond(), r.completedPerSecond(), ms(e == null ? null : e.p50()),
                        ms(e == null ? null : e.p99()), ms(e == null ? null : e.max()), r.pipelineEventsPerSecond(),
                        run.efficiency() == null ? "" : String.format(Locale.ROOT, "%.0f%%", 100 * run.efficiency()));
            }
        }
    }

    /** What a payment cost each JVM: CPU (the operating system's accounting) and bytes allocated (the JVM's count). */
    private static void costs(Measured run, PrintStream out) {
        Set<String> jvms = new LinkedHashSet<>(run.cpuMillisPerPayment().keySet());
        jvms.addAll(run.allocatedBytesPerPayment().keySet());
        if (jvms.remove(SuiteJvms.SUITE_IN_ALL)) {
            jvms.add(SuiteJvms.SUITE_IN_ALL);
        }
        if (jvms.isEmpty()) {
            return;
        }
        out.printf(Locale.ROOT, "  cost per payment, by process (CPU: the operating system's accounting; allocated: "
                + "the JVM's count for its live threads):%n");
        out.printf(Locale.ROOT, "    %-50s %8s %14s%n", "", "CPU ms", "allocated KiB");
        for (String jvm : jvms) {
            Double ms = run.cpuMillisPerPayment().get(jvm);
            Double bytes = run.allocatedBytesPerPayment().get(jvm);
            out.printf(Locale.ROOT, "    %-50s %8s %14s%n", jvm,
                    ms == null ? "-" : String.format(Locale.ROOT, "%.2f", ms),
                    bytes == null ? "-" : String.format(Locale.ROOT, "%,.1f", bytes / 1024));
        }
    }

    private static void line(PrintStream out, String name, LoadResult.Latency latency) {
        if (latency == null) {
            out.printf("  %-34s %9s%n", name, "-");
            return;
        }
        out.printf(Locale.ROOT, "  %-34s %9s %9s %9s %9s %9d%n", name, ms(latency.p50()), ms(latency.p95()),
                ms(latency.p99()), ms(latency.max()), latency.samples());
    }

    private static String ms(Double value) {
        return value == null ? "-" : value < 10 ? String.format(Locale.ROOT, "%.1f", value)
                : String.format(Locale.ROOT, "%.0f", value);
    }

    static void writeJson(Report report, Path path) throws IOException {
        Files.createDirectories(path.toAbsolutePath().getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(path.toFile(), report);
    }

    /** One chart per run: p50, p99 and max end-to-end latency of the payments sent in each second. */
    static void writeHtml(Report report, Path path) throws IOException {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Load benchmark</title><style>")
                .append("body{font-family:sans-serif;margin:2em}svg{background:#fafafa;border:1px solid #ddd}")
                .append(".p50{stroke:#2b7bb9}.p99{stroke:#e0792b}.max{stroke:#bbb}")
                .append("polyline{fill:none;stroke-width:1.5}</style></head><body>")
                .append("<h1>Load benchmark</h1><p>").append(escape(report.startedAt())).append(", Java ")
                .append(escape(report.java())).append(", ").append(report.availableProcessors())
                .append(" processors. End-to-end latency (sent → ended) of the payments sent in each second; ")
                .append("<span style=\"color:#2b7bb9\">p50</span>, <span style=\"color:#e0792b\">p99</span>, ")
                .append("<span style=\"color:#999\">max</span>.</p>");
        for (Measured run : report.runs()) {
            LoadResult r = run.load();
            html.append("<h2>").append(escape(r.label())).append(": ").append(run.instances())
                    .append(" instance(s), ").append(String.format(Locale.ROOT, "%.0f", r.completedPerSecond()))
                    .append(" payments/s, ").append(r.passed() ? "passed" : "FAILED").append("</h2>");
            html.append(chart(r.overTime()));
        }
        html.append("</body></html>\n");
        Files.createDirectories(path.toAbsolutePath().getParent());
        Files.writeString(path, html.toString());
    }

    private static String chart(List<LoadResult.Second> seconds) {
        int width = 900;
        int height = 300;
        int left = 60;
        int bottom = 30;
        double maxY = seconds.stream().map(LoadResult.Second::max).filter(v -> v != null)
                .mapToDouble(Double::doubleValue).max().orElse(1);
        maxY = Math.max(1, maxY * 1.05);
        int maxX = Math.max(1, seconds.isEmpty() ? 1 : seconds.get(seconds.size() - 1).second());
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg width=\"%d\" height=\"%d\" xmlns=\"http://www.w3.org/2000/svg\">",
                width + left + 20, height + bottom + 20));
        for (int i = 0; i <= 4; i++) {
            double value = maxY * i / 4;
            double y = 10 + height - height * i / 4.0;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#eee\"/>"
                    + "<text x=\"5\" y=\"%.1f\" font-size=\"11\">%.0f ms</text>", left, left + width, y, y, y + 4,
                    value));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\">0 s</text>"
                        + "<text x=\"%d\" y=\"%d\" font-size=\"11\">%d s (when sent)</text>", left, height + bottom + 5,
                left + width - 90, height + bottom + 5, maxX));
        for (String series : List.of("max", "p99", "p50")) {
            StringBuilder points = new StringBuilder();
            for (LoadResult.Second second : seconds) {
                Double value = switch (series) {
                    case "p50" -> second.p50();
                    case "p99" -> second.p99();
                    default -> second.max();
                };
                if (value != null) {
                    points.append(String.format(Locale.ROOT, "%.1f,%.1f ", left + width * second.second()
                            / (double) maxX, 10 + height - height * value / maxY));
                }
            }
            svg.append("<polyline class=\"").append(series).append("\" points=\"").append(points).append("\"/>");
        }
        return svg.append("</svg>").toString();
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
