package com.paystream.benchmarks;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SuiteCpuTest {
    @Test
    void theCpuEachProcessSpentIsDividedOverThePaymentsAndSummedWithoutTheLoadGenerator() {
        Map<String, Duration> before = Map.of("accounts-service", Duration.ofMillis(1000),
                "load generator", Duration.ofMillis(0));
        Map<String, Duration> after = Map.of("accounts-service", Duration.ofMillis(3000),
                "load generator", Duration.ofMillis(500), "started later", Duration.ofMillis(10));

        assertThat(SuiteCpu.perPayment(before, after, 1000)).containsOnly(Map.entry("accounts-service", 2.0),
                Map.entry("load generator", 0.5), Map.entry(SuiteJvms.SUITE_IN_ALL, 2.0));
    }
}
