package com.paystream.emulator.persistent;

import org.junit.jupiter.api.Test;

import java.util.List;

import static com.paystream.emulator.persistent.TestConnections.consumer;
import static com.paystream.emulator.persistent.TestConnections.eventIn;
import static com.paystream.emulator.persistent.TestConnections.full;
import static com.paystream.emulator.persistent.TestConnections.sentTo;
import static org.assertj.core.api.Assertions.assertThat;

class DispatchToSingleTest {
    private final ConsumerStrategy strategy = new ConsumerStrategy.DispatchToSingle();
    private final Connection first = consumer("first", 3);
    private final Connection second = consumer("second", 3);
    private final List<Connection> consumers = List.of(first, second);

    @Test
    void sendsEveryMessageToTheFirstConsumerWhileItHasRoom() {
        for (int i = 0; i < 3; i++) {
            assertThat(sentTo(strategy.choose(consumers, eventIn("orders-" + i)))).isSameAs(first);
        }
    }

    @Test
    void turnsToTheNextConsumerOnceTheFirstIsFull() {
        full(first);

        assertThat(strategy.choose(consumers, eventIn("orders-1"))).isSameAs(second);
    }

    @Test
    void choosesNobodyWhenNoConsumerHasRoom() {
        full(first);
        full(second);

        assertThat(strategy.choose(consumers, eventIn("orders-1"))).isNull();
    }
}
