package com.paystream.emulator.persistent;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static com.paystream.emulator.persistent.TestConnections.consumer;
import static com.paystream.emulator.persistent.TestConnections.eventIn;
import static com.paystream.emulator.persistent.TestConnections.full;
import static com.paystream.emulator.persistent.TestConnections.sentTo;
import static org.assertj.core.api.Assertions.assertThat;

class RoundRobinTest {
    private final ConsumerStrategy strategy = new ConsumerStrategy.RoundRobin();
    private final Connection a = consumer("a", 10);
    private final Connection b = consumer("b", 10);
    private final Connection c = consumer("c", 10);

    private List<Connection> chooseFor(int messages, List<Connection> consumers) {
        List<Connection> chosen = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            chosen.add(sentTo(strategy.choose(consumers, eventIn("orders-1"))));
        }
        return chosen;
    }

    @Test
    void handsEachMessageToTheNextConsumerInTurn() {
        assertThat(chooseFor(6, List.of(a, b, c))).containsExactly(a, b, c, a, b, c);
    }

    @Test
    void passesOverAConsumerThatHasNoRoom() {
        full(b);

        assertThat(chooseFor(3, List.of(a, b, c))).containsExactly(a, c, a);
    }

    @Test
    void choosesNobodyWhenNoConsumerHasRoom() {
        full(a);
        full(b);

        assertThat(strategy.choose(List.of(a, b), eventIn("orders-1"))).isNull();
    }
}
