package com.paystream.emulator.persistent;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConsumerStrategyNamesTest {

    @Test
    void eachOfTheServersStrategyNamesGivesItsStrategy() {
        assertThat(ConsumerStrategy.named("RoundRobin")).isInstanceOf(ConsumerStrategy.RoundRobin.class);
        assertThat(ConsumerStrategy.named("DispatchToSingle")).isInstanceOf(ConsumerStrategy.DispatchToSingle.class);
        assertThat(ConsumerStrategy.named("Pinned")).isInstanceOf(ConsumerStrategy.Pinned.class);
        assertThat(ConsumerStrategy.named("PinnedByCorrelation"))
                .isInstanceOf(ConsumerStrategy.PinnedByCorrelation.class);
    }
}
