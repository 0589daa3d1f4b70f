package com.paystream.benchmarks;

import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** The figures of one load run, as printed and written to JSON. Latencies in milliseconds. */
record LoadResult(
        String label,
        int payments,
        int targetRate,
        int concurrency,
        int accounts,
        int accepted,
        int refusedAtGateway,
        int ended,
        int lost,
        int wrongOutcome,
        int doubleEnded,
        int doubleCredited,
        int balanceMismatches,
        int ledgerMismatches,
        Map<String, Integer> outcomes,
        double injectionSeconds,
        double runSeconds,
        double sentPerSecond,
        double completedPerSecond,
        long pipelineEvents,
        double pipelineEventsPerSecond,
        Latency endToEnd,
        Latency heldThenReleased,
        Map<String, Latency> stages,
        List<Second> overTime,
        List<String> problems) {

    /** p50 / p95 / p99 / max of a latency, in ms, over {@code samples} payments. */
    record Latency(double p50, double p95, double p99, double max, long samples) {
        static Latency of(Histogram micros) {
            if (micros.getTotalCount() == 0) {
                return null;
            }
            return new Latency(micros.getValueAtPercentile(50) / 1e3, micros.getValueAtPercentile(95) / 1e3,
                    micros.getValueAtPercentile(99) / 1e3, micros.getMaxValue() / 1e3, micros.getTotalCount());
        }
    }

    /** One second of the run (by when payments were sent): their end-to-end latency, and payments ended then. */
    record Second(int second, long sent, Double p50, Double p99, Double max, long ended) {
    }

    boolean passed() {
        return problems.isEmpty();
    }

    static LoadResult of(String label, LoadBenchmark.Settings settings, List<LoadBenchmark.Sent> warmUp,
                         List<LoadBenchmark.Sent> sent,
                         Function<String, PaymentTracker.Track> tracks, long pipelineEvents, long startedMicros,
                         long injectedMicros,
                         Map<String, Long> balances, Map<String, Integer> ledgerCounts) {
        int accepted = 0;
        int refused = 0;
        int ended = 0;
        int lost = 0;
        int wrong = 0;
        int doubleEnded = 0;
        int doubleCredited = 0;
        long lastEnd = injectedMicros;
        Map<String, Integer> outcomes = new TreeMap<>();
        Map<String, Integer> wrongByKind = new TreeMap<>();
        int warmUpProblems = 0;
        Histogram endToEnd = LoadBenchmark.histogram();
        Histogram held = LoadBenchmark.histogram();
        Map<String, Histogram> stages = new java.util.LinkedHashMap<>();
        for (String stage : List.of("sent → received", "received → validated", "validated → screened",
                "screened → credited")) {
            stages.put(stage, LoadBenchmark.histogram());
        }
        Map<String, Long> expectedBalances = new TreeMap<>();
        Map<String, Integer> expectedCredits = new TreeMap<>();
        Map<Integer, Histogram> bySecond = new TreeMap<>();
        Map<Integer, long[]> counts = new TreeMap<>();
        for (LoadBenchmark.Sent s : sent) {
            if (s.paymentId() == null || (s.status() != 200 && s.status() != 202)) {
                refused++;
                continue;
            }
            accepted++;
            int second = (int) ((s.intendedMicros() - startedMicros) / 1_000_000);
            counts.computeIfAbsent(second, k -> new long[2])[0]++;
            PaymentTracker.Track track = tracks.apply(s.paymentId());
            if (track == null || track.outcome == null) {
                lost++;
                continue;
            }
            ended++;
            outcomes.merge(track.outcome, 1, Integer::sum);
            if (!track.outcome.equals(s.payment().kind().expected)) {
                wrong++;
                wrongByKind.merge(s.payment().kind() + " " + track.outcome, 1, Integer::sum);
            }
            if (track.endings.get() > 1) {
                doubleEnded++;
            }
            if (track.balanceUpdates.get() > 1) {
                doubleCredited++;
            }
            lastEnd = Math.max(lastEnd, track.ended);
            counts.computeIfAbsent((int) ((track.ended - startedMicros) / 1_000_000), k -> new long[2])[1]++;
            long latency = Math.max(0, track.ended - s.intendedMicros());
            if (track.held) {
                held.recordValue(latency);
            } else {
                endToEnd.recordValue(latency);
                bySecond.computeIfAbsent(second, k -> LoadBenchmark.histogram()).recordValue(latency);
                stage(stages.get("sent → received"), s.intendedMicros(), track.received);
                stage(stages.get("received → validated"), track.received, track.validated);
                stage(stages.get("validated → screened"), track.validated, track.screened);
                stage(stages.get("screened → credited"), track.screened, track.credited);
            }
            if ("COMPLETED".equals(track.outcome) && s.payment().beneficiary() != null) {
                expectedBalances.merge(s.payment().beneficiary().id(), s.payment().amountPence(), Long::sum);
                expectedCredits.merge(s.payment().beneficiary().id(), 1, Integer::sum);
            }
        }
        for (LoadBenchmark.Sent s : warmUp) {
            PaymentTracker.Track track = s.paymentId() == null ? null : tracks.apply(s.paymentId());
            if (track == null || track.outcome == null) {
                warmUpProblems++;
            } else if ("COMPLETED".equals(track.outcome) && s.payment().beneficiary() != null) {
                expectedBalances.merge(s.payment().beneficiary().id(), s.payment().amountPence(), Long::sum);
                expectedCredits.merge(s.payment().beneficiary().id(), 1, Integer::sum);
            }
            if (track != null && (track.endings.get() > 1 || track.balanceUpdates.get() > 1)) {
                warmUpProblems++;
            }
        }
        int balanceMismatches = 0;
        int ledgerMismatches = 0;
        String firstMismatch = null;
        for (Map.Entry<String, Long> balance : balances.entrySet()) {
            long expected = expectedBalances.getOrDefault(balance.getKey(), 0L);
            if (balance.getValue() != expected) {
                balanceMismatches++;
                if (firstMismatch == null) {
                    firstMismatch = "account " + balance.getKey() + " holds " + balance.getValue() + "p, its credits "
                            + "add up to " + expected + "p";
                }
            }
            if (ledgerCounts.get(balance.getKey()) != expectedCredits.getOrDefault(balance.getKey(), 0).intValue()) {
                ledgerMismatches++;
            }
        }
        List<Second> overTime = new ArrayList<>();
        for (Map.Entry<Integer, long[]> entry : counts.entrySet()) {
            Histogram h = bySecond.get(entry.getKey());
            boolean any = h != null && h.getTotalCount() > 0;
            overTime.add(new Second(entry.getKey(), entry.getValue()[0],
                    any ? h.getValueAtPercentile(50) / 1e3 : null, any ? h.getValueAtPercentile(99) / 1e3 : null,
                    any ? h.getMaxValue() / 1e3 : null, entry.getValue()[1]));
        }
        List<String> problems = new ArrayList<>();
        if (warmUpProblems > 0) {
            problems.add(warmUpProblems + " warm-up payments lost or ended twice");
        }
        if (refused > 0) {
            problems.add(refused + " payments not accepted by the gateway");
        }
        if (lost > 0) {
            problems.add(lost + " accepted payments never ended (lost)");
        }
        if (wrong > 0) {
            problems.add(wrong + " payments ended otherwise than they must " + wrongByKind);
        }
        if (doubleEnded > 0) {
            problems.add(doubleEnded + " payments ended more than once");
        }
        if (doubleCredited > 0) {
            problems.add(doubleCredited + " payments credited more than once");
        }
        if (balanceMismatches > 0) {
            problems.add(balanceMismatches + " accounts whose balance is not the sum of their credits (e.g. "
                    + firstMismatch + ")");
        }
        if (ledgerMismatches > 0) {
            problems.add(ledgerMismatches + " accounts whose ledger does not list each credit once");
        }
        double injectionSeconds = (injectedMicros - startedMicros) / 1e6;
        double runSeconds = Math.max(1e-3, (lastEnd - startedMicros) / 1e6);
        Map<String, Latency> stageLatencies = new java.util.LinkedHashMap<>();
        stages.forEach((name, h) -> stageLatencies.put(name, Latency.of(h)));
        return new LoadResult(label, settings.payments(), settings.rate(), settings.concurrency(),
                settings.accounts(), accepted, refused, ended, lost, wrong, doubleEnded, doubleCredited,
                balanceMismatches, ledgerMismatches, outcomes, injectionSeconds, runSeconds,
                accepted / Math.max(1e-3, injectionSeconds), ended / runSeconds, pipelineEvents,
                pipelineEvents / runSeconds, Latency.of(endToEnd), Latency.of(held), stageLatencies, overTime,
                problems);
    }

    private static void stage(Histogram histogram, long from, long to) {
        if (from > 0 && to > 0) {
            histogram.recordValue(Math.max(0, to - from));
        }
    }
}
