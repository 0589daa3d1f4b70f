package com.paystream.benchmarks;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The CPU time the suite's processes have used, as the operating system accounts it, by process: each service, the
 * store, the identity provider, and this load generator. Read before and after a run, the difference per payment is
 * what each process spent on one payment.
 */
final class SuiteCpu {
    private SuiteCpu() {
    }

    /** CPU used so far by every process of the suite on this machine, by name (a second instance gets "#2"). */
    static Map<String, Duration> snapshot() {
        Map<String, Duration> used = new TreeMap<>();
        ProcessHandle self = ProcessHandle.current();
        ProcessHandle.allProcesses().forEach(process -> {
            Optional<String> name = process.pid() == self.pid() ? Optional.of("load generator")
                    : process.info().commandLine().flatMap(SuiteCpu::nameOf);
            Optional<Duration> cpu = process.info().totalCpuDuration();
            if (name.isPresent() && cpu.isPresent()) {
                String unique = name.get();
                for (int k = 2; used.containsKey(unique); k++) {
                    unique = name.get() + " #" + k;
                }
                used.put(unique, cpu.get());
            }
        });
        return used;
    }

    /** Which part of the suite a command line runs, if any. */
    static Optional<String> nameOf(String commandLine) {
        if (!commandLine.contains("java")) {
            return Optional.empty();
        }
        if (commandLine.contains("eventstore-emulator.jar")) {
            return Optional.of("store (emulator)");
        }
        if (commandLine.contains("keycloak")) {
            return Optional.of("keycloak");
        }
        int app = commandLine.indexOf("/target/quarkus-app/quarkus-run.jar");
        if (app > 0) {
            String before = commandLine.substring(0, app);
            return Optional.of(before.substring(Math.max(before.lastIndexOf('/'), before.lastIndexOf(' ')) + 1));
        }
        return Optional.empty();
    }

    /** Milliseconds of CPU per payment, by process, between two snapshots; processes that did not run both left out. */
    static Map<String, Double> perPayment(Map<String, Duration> before, Map<String, Duration> after, int payments) {
        Map<String, Double> per = new LinkedHashMap<>();
        double total = 0;
        for (Map.Entry<String, Duration> process : after.entrySet()) {
            Duration start = before.get(process.getKey());
            if (start != null && payments > 0) {
                double ms = process.getValue().minus(start).toNanos() / 1e6 / payments;
                per.put(process.getKey(), ms);
                total += process.getKey().equals("load generator") ? 0 : ms;
            }
        }
        per.put("the suite in all (not the load generator)", total);
        return per;
    }
}
