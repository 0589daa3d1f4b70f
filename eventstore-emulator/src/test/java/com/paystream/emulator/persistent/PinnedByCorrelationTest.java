package com.paystream.emulator.persistent;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static com.paystream.emulator.persistent.TestConnections.consumer;
import static com.paystream.emulator.persistent.TestConnections.eventIn;
import static com.paystream.emulator.persistent.TestConnections.eventWithMetadata;
import static com.paystream.emulator.persistent.TestConnections.full;
import static com.paystream.emulator.persistent.TestConnections.sentTo;
import static org.assertj.core.api.Assertions.assertThat;

class PinnedByCorrelationTest {
    private final ConsumerStrategy strategy = new ConsumerStrategy.PinnedByCorrelation();
    private final Connection a = consumer("a", 10);
    private final Connection b = consumer("b", 10);
    private final List<Connection> consumers = new ArrayList<>(List.of(a, b));

    private Connection send(Message message) {
        return sentTo(strategy.choose(consumers, message));
    }

    private static Message correlated(String stream, String correlationId) {
        return eventWithMetadata(stream, "{\"$correlationId\":\"" + correlationId + "\",\"$causationId\":\"x\"}");
    }

    @Test
    void sendsEveryEventOfOneCorrelationToTheSameConsumerWhateverItsStream() {
        Connection pinned = send(correlated("orders-1", "payment-1"));

        assertThat(send(correlated("ledger-7", "payment-1"))).isSameAs(pinned);
        assertThat(send(correlated("orders-2", "payment-1"))).isSameAs(pinned);
    }

    @Test
    void pinsNewCorrelationsToTheConsumersInTurn() {
        assertThat(send(correlated("orders-1", "payment-1"))).isSameAs(a);
        assertThat(send(correlated("orders-1", "payment-2"))).isSameAs(b);
    }

    @Test
    void pinsAnEventWithoutACorrelationIdByItsStream() {
        Connection pinned = send(eventIn("orders-1"));
        send(eventIn("orders-2"));

        assertThat(send(eventWithMetadata("orders-1", "{\"tenant\":\"acme\"}"))).isSameAs(pinned);
        assertThat(send(eventWithMetadata("orders-1", "not json"))).isSameAs(pinned);
    }

    @Test
    void holdsACorrelationsEventBackWhileItsConsumerHasNoRoom() {
        Connection pinned = send(correlated("orders-1", "payment-1"));
        full(pinned);

        assertThat(strategy.choose(consumers, correlated("orders-9", "payment-1"))).isNull();
    }

    @Test
    void givesACorrelationANewConsumerOnceItsConsumerLeft() {
        Connection pinned = send(correlated("orders-1", "payment-1"));
        Connection other = pinned == a ? b : a;
        consumers.remove(pinned);

        strategy.disconnected(pinned);

        assertThat(send(correlated("orders-1", "payment-1"))).isSameAs(other);
    }
}
