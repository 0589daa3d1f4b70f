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

    /** The CPU a process has used so far. */
    record Reading(long pid, Duration cpu) {
    }

    /** CPU used so far by each of {@code jvms}, by name. */
    static Map<String, Reading> snapshot(SuiteJvms jvms) {
        Map<String, Reading> used = new TreeMap<>();
        jvms.running().forEach((name, process) -> process.info().totalCpuDuration()
                .ifPresent(cpu -> used.put(name, new Reading(process.pid(), cpu))));
        return used;
    }

    /**
     * Milliseconds of CPU per payment, by process, between two snapshots; a process that did not run at both, or was
     * restarted in between (another pid: a run with a fault injected), is left out.
     */
    static Map<String, Double> perPayment(Map<String, Reading> before, Map<String, Reading> after, int payments) {
        Map<String, Reading> sameProcess = new TreeMap<>(after);
        sameProcess.entrySet().removeIf(jvm -> before.containsKey(jvm.getKey())
                && before.get(jvm.getKey()).pid() != jvm.getValue().pid());
        return SuiteJvms.perPayment(before, sameProcess, payments,
                (start, end) -> end.cpu().minus(start.cpu()).toNanos() / 1e6);
    }
}
