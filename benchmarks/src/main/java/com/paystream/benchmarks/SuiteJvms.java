package com.paystream.benchmarks;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * The JVMs whose cost per payment the load benchmark reports, by what each runs: each service (named after its
 * module), the store, the identity provider, and this load generator. For a suite the benchmark started, only the
 * JVMs that suite runs; for a suite started otherwise, any on this machine that runs a part of the suite.
 */
final class SuiteJvms {
    static final String LOAD_GENERATOR = "load generator";
    /** The sum over the suite's JVMs, the load generator left out. */
    static final String SUITE_IN_ALL = "the suite in all (not the load generator)";

    /** The suite's own process tree (run.sh), when the benchmark started it. */
    private final Optional<ProcessHandle> suite;

    private SuiteJvms(Optional<ProcessHandle> suite) {
        this.suite = suite;
    }

    /** The JVMs run by {@code suite} (its run.sh) and its descendants, and this load generator. */
    static SuiteJvms startedBy(ProcessHandle suite) {
        return new SuiteJvms(Optional.of(suite));
    }

    /** Every JVM on this machine that runs a part of the suite, and this load generator. */
    static SuiteJvms onThisMachine() {
        return new SuiteJvms(Optional.empty());
    }

    /** The JVMs running now, by name (a second instance of a service gets "#2"), the load generator among them. */
    Map<String, ProcessHandle> running() {
        Map<String, ProcessHandle> running = new TreeMap<>();
        ProcessHandle self = ProcessHandle.current();
        running.put(LOAD_GENERATOR, self);
        Stream<ProcessHandle> candidates = suite.map(ProcessHandle::descendants)
                .orElseGet(ProcessHandle::allProcesses);
        candidates.filter(process -> process.pid() != self.pid())
                .sorted(Comparator.comparingLong(ProcessHandle::pid))
                .forEach(process -> process.info().commandLine().flatMap(SuiteJvms::nameOf).ifPresent(name -> {
                    String unique = name;
                    for (int k = 2; running.containsKey(unique); k++) {
                        unique = name + " #" + k;
                    }
                    running.put(unique, process);
                }));
        return running;
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

    /**
     * What each JVM spent between two readings ({@code before} and {@code after}, by name: CPU, bytes allocated, ...),
     * as {@code spent} measures it, divided over the run's {@code payments}; then {@link #SUITE_IN_ALL}. A JVM not read
     * both times is left out.
     */
    static <T> Map<String, Double> perPayment(Map<String, T> before, Map<String, T> after, int payments,
                                              BiFunction<T, T, Double> spent) {
        Map<String, Double> per = new LinkedHashMap<>();
        double suite = 0;
        for (Map.Entry<String, T> jvm : after.entrySet()) {
            T start = before.get(jvm.getKey());
            if (start != null) {
                double amount = spent.apply(start, jvm.getValue()) / payments;
                per.put(jvm.getKey(), amount);
                suite += jvm.getKey().equals(LOAD_GENERATOR) ? 0 : amount;
            }
        }
        per.put(SUITE_IN_ALL, suite);
        return per;
    }
}
