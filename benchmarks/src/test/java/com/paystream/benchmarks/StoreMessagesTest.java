package com.paystream.benchmarks;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StoreMessagesTest {
    @Test
    void whatARunCostTheStoreIsDividedOverItsPaymentsLeavingOutWhatDidNotMove() {
        Map<String, Long> before = Map.of("appends", 100L, "reads", 7L);
        Map<String, Long> after = Map.of("appends", 160L, "reads", 7L, "deliveries.accounts", 30L);

        assertThat(StoreMessages.perPayment(before, after, 10))
                .containsOnly(Map.entry("appends", 6.0), Map.entry("deliveries.accounts", 3.0));
    }
}
