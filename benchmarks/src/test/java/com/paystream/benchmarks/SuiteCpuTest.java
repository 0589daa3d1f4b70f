package com.paystream.benchmarks;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SuiteCpuTest {
    private static SuiteCpu.Reading cpu(long pid, long millis) {
        return new SuiteCpu.Reading(pid, Duration.ofMillis(millis));
    }

    @Test
    void theCpuEachProcessSpentIsDividedOverThePaymentsAndSummedWithoutTheLoadGenerator() {
        Map<String, SuiteCpu.Reading> before = Map.of("accounts-service", cpu(10, 1000), "load generator", cpu(11, 0));
        Map<String, SuiteCpu.Reading> after = Map.of("accounts-service", cpu(10, 3000),
                "load generator", cpu(11, 500), "started later", cpu(12, 10));

        assertThat(SuiteCpu.perPayment(before, after, 1000)).containsOnly(Map.entry("accounts-service", 2.0),
                Map.entry("load generator", 0.5), Map.entry(SuiteJvms.SUITE_IN_ALL, 2.0));
    }

    @Test
    void aProcessRestartedDuringTheRunIsLeftOutRatherThanCountedFromItsPredecessor() {
        Map<String, SuiteCpu.Reading> before = Map.of("store (emulator)", cpu(20, 9000), "accounts-service", cpu(10, 0));
        Map<String, SuiteCpu.Reading> after = Map.of("store (emulator)", cpu(21, 300), "accounts-service", cpu(10, 100));

        assertThat(SuiteCpu.perPayment(before, after, 100)).containsOnly(Map.entry("accounts-service", 1.0),
                Map.entry(SuiteJvms.SUITE_IN_ALL, 1.0));
    }
}
