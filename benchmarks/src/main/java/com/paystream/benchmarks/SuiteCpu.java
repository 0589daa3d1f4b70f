package com.paystream.benchmarks;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * The CPU time the suite's JVMs have used, as the operating system accounts it, by JVM: each service, the store, the
 * identity provider, and this load generator. Read before and after a run, the difference per payment is what each
 * process spent on one payment.
 */
final class SuiteCpu {
    private SuiteCpu() {
    }

    /** CPU used so far by each of {@code jvms}, by name. */
    static Map<String, Duration> snapshot(SuiteJvms jvms) {
        Map<String, Duration> used = new TreeMap<>();
        jvms.running().forEach((name, process) -> process.info().totalCpuDuration()
                .ifPresent(cpu -> used.put(name, cpu)));
        return used;
    }

    /** Milliseconds of CPU per payment, by process, between two snapshots; processes that did not run both left out. */
    static Map<String, Double> perPayment(Map<String, Duration> before, Map<String, Duration> after, int payments) {
        return SuiteJvms.perPayment(before, after, payments, (start, end) -> end.minus(start).toNanos() / 1e6);
    }
}
