package com.paystream.benchmarks;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StoreMessagesTest {
    @Test
    void whatARunCostTheStoreIsDividedOverItsPaymentsLeavingOutWhatDidNotMove() {
        Map<String, Long> before = Map.of("appends", 100L, "reads", 7L);
        Map<String, Long> after = Map.of("appends", 160L, "reads", 7L, "deliveries.accounts", 30L);

        assertThat(StoreMessages.perPayment(before, after, 10, 0))
                .containsOnly(Map.entry("appends", 6.0), Map.entry("deliveries.accounts", 3.0));
    }

    @Test
    void countsThatWentBackBecauseTheStoreRestartedDuringTheRunAreNotCounted() {
        Map<String, Long> before = Map.of("appends", 5_000L, "reads", 700L);
        Map<String, Long> after = Map.of("appends", 1_200L, "reads", 900L);

        assertThat(StoreMessages.perPayment(before, after, 10, 0)).isNull();
    }

    @Test
    void theBenchmarksOwnSubscriptionToTheTimelinesIsNotCountedAsTheSuites() {
        Map<String, Long> before = Map.of("catchUp.eventsDelivered", 0L);
        Map<String, Long> after = Map.of("catchUp.eventsDelivered", 90L);

        assertThat(StoreMessages.perPayment(before, after, 10, 50))
                .containsOnly(Map.entry("catchUp.eventsDelivered", 4.0));
    }

    @Test
    void theSummarySumsThePersistentSubscriptionsOverTheirGroupsAndCountsTheMessagesInAll() {
        Map<String, Double> perPayment = new java.util.LinkedHashMap<>();
        perPayment.put("append.requests", 2.0);
        perPayment.put("append.events", 3.0);
        perPayment.put("persistent.$et-A::accounts.credit.eventsDelivered", 1.0);
        perPayment.put("persistent.$et-B::sanctions.screen.eventsDelivered", 1.0);
        perPayment.put("persistent.$et-B::sanctions.screen.acks", 1.0);

        assertThat(StoreMessages.summary(perPayment)).containsExactly(Map.entry("append.requests", 2.0),
                Map.entry("append.events", 3.0), Map.entry("persistent.eventsDelivered (every group)", 2.0),
                Map.entry("persistent.acks (every group)", 1.0), Map.entry("messages in all", 5.0));
    }
}
