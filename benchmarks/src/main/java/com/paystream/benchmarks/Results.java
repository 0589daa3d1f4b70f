package com.paystream.benchmarks;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.HdrHistogram.Histogram;

import java.util.List;

/** The figures, as printed and as written to JSON. Absent values are {@code null}, never NaN. */
final class Results {
    private Results() {
    }

    /**
     * One benchmark run: its settings and a report per server. {@code clients} sent the appends and $all reads;
     * {@code rawInFlight} is the appends each raw gRPC writer kept in flight.
     */
    record Run(String startedAt, long measurementSeconds, long warmUpSeconds, List<String> clients, int writers,
               int rawInFlight, int subscriptionEvents, int eventDataBytes, int eventMetadataBytes, String java,
               int availableProcessors, List<ServerReport> servers) {
    }

    record ServerReport(String mode, String server, List<Row> measurements, List<Aim> aims) {
    }

    /**
     * One measurement, through {@code client} ({@code official} or {@code raw}). {@code perSecond} counts
     * {@code unit}s (appends, events, deliveries); {@code eventsPerSecond} is set when an operation carries several
     * events. {@code problem} says why there is no figure, or why it is partial.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Row(String id, String client, String label, String unit, Double perSecond, Double eventsPerSecond,
               Long operations, Long events, Double seconds, Latency latency, String problem) {

        static Row failed(String id, String client, String label, String unit, String problem) {
            return new Row(id, client, label, unit, null, null, null, null, null, null, problem);
        }
    }

    /** Latency of single operations in milliseconds, as seen by the client. */
    record Latency(double p50Ms, double p99Ms, double maxMs, long samples) {

        static Latency of(Histogram nanos) {
            if (nanos.getTotalCount() == 0) {
                return null;
            }
            return new Latency(nanos.getValueAtPercentile(50) / 1e6, nanos.getValueAtPercentile(99) / 1e6,
                    nanos.getMaxValue() / 1e6, nanos.getTotalCount());
        }
    }

    /**
     * A target and whether the measurement (its row through {@code client}) reached it; {@code met} is null when
     * there is nothing to compare.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Aim(String measurement, String client, String target, String measured, Boolean met) {
    }
}
