package com.paystream.benchmarks;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class SuiteAllocationsTest {
    private static final String STORE = "store (emulator)";

    @Test
    void aThreadAliveThroughoutTheRunCountsWhatItAllocatedDuringIt() {
        assertThat(SuiteAllocations.allocatedBetween(Map.of(1L, 100L), Map.of(1L, 350L))).isEqualTo(250);
    }

    @Test
    void aThreadStartedDuringTheRunCountsAllItAllocated() {
        assertThat(SuiteAllocations.allocatedBetween(Map.of(1L, 100L), Map.of(1L, 100L, 2L, 80L))).isEqualTo(80);
    }

    @Test
    void aThreadThatEndedDuringTheRunIsNotCounted() {
        assertThat(SuiteAllocations.allocatedBetween(Map.of(1L, 100L, 3L, 500L), Map.of(1L, 150L))).isEqualTo(50);
    }

    @Test
    void theBytesEachJvmAllocatedAreDividedOverThePaymentsAndSummedWithoutTheLoadGenerator() {
        Map<String, Map<Long, Long>> before = Map.of("accounts-service", Map.of(1L, 0L),
                SuiteJvms.LOAD_GENERATOR, Map.of(7L, 0L));
        Map<String, Map<Long, Long>> after = Map.of("accounts-service", Map.of(1L, 2_048_000L),
                SuiteJvms.LOAD_GENERATOR, Map.of(7L, 512_000L), "attached later", Map.of(1L, 10L));

        assertThat(SuiteAllocations.perPayment(before, after, 1000)).containsOnly(
                Map.entry("accounts-service", 2048.0), Map.entry(SuiteJvms.LOAD_GENERATOR, 512.0),
                Map.entry(SuiteJvms.SUITE_IN_ALL, 2048.0));
    }

    @Test
    void anotherJvmOfTheSuiteIsAttachedAndWhatItAllocatesIsCounted() throws Exception {
        // named as the suite's store is: its command line names the emulator's jar
        Process store = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dnamed-as=eventstore-emulator.jar", "-cp", System.getProperty("java.class.path"),
                Allocating.class.getName()).redirectErrorStream(true).start();
        List<String> notes = new ArrayList<>();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(store.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertThat(output.readLine()).isEqualTo(Allocating.READY);
            try (SuiteAllocations allocations = SuiteAllocations.attach(SuiteJvms.startedBy(ProcessHandle.current()),
                    notes::add)) {
                Map<String, Map<Long, Long>> before = allocations.snapshot();
                Thread.sleep(500);
                Map<String, Map<Long, Long>> after = allocations.snapshot();

                assertThat(notes).isEmpty();
                assertThat(SuiteAllocations.allocatedBetween(before.get(STORE), after.get(STORE)))
                        .isGreaterThan(10 * Allocating.BYTES);
            }
        } finally {
            store.destroy();
            store.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** A JVM that keeps allocating, as a busy service does, until it is stopped. */
    public static final class Allocating {
        static final String READY = "allocating";
        static final int BYTES = 100_000;
        /** Where each allocation goes, so it is not optimised away. */
        static volatile byte[] last;

        public static void main(String[] args) throws InterruptedException {
            System.out.println(READY);
            System.out.flush();
            while (true) {
                last = new byte[BYTES];
                Thread.sleep(5);
            }
        }
    }
}
