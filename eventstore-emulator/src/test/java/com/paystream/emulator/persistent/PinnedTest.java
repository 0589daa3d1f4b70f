package com.paystream.emulator.persistent;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static com.paystream.emulator.persistent.TestConnections.consumer;
import static com.paystream.emulator.persistent.TestConnections.eventIn;
import static com.paystream.emulator.persistent.TestConnections.full;
import static com.paystream.emulator.persistent.TestConnections.linkTo;
import static com.paystream.emulator.persistent.TestConnections.sentTo;
import static org.assertj.core.api.Assertions.assertThat;

class PinnedTest {
    private final ConsumerStrategy strategy = new ConsumerStrategy.Pinned();
    private final Connection a = consumer("a", 10);
    private final Connection b = consumer("b", 10);
    private final List<Connection> consumers = new ArrayList<>(List.of(a, b));

    private Connection send(Message message) {
        return sentTo(strategy.choose(consumers, message));
    }

    @Test
    void sendsEveryMessageOfOneStreamToTheSameConsumer() {
        Connection pinned = send(eventIn("orders-1"));

        for (int i = 0; i < 5; i++) {
            assertThat(send(eventIn("orders-1"))).isSameAs(pinned);
        }
    }

    @Test
    void pinsNewStreamsToTheConsumersInTurn() {
        assertThat(send(eventIn("orders-1"))).isSameAs(a);
        assertThat(send(eventIn("orders-2"))).isSameAs(b);
    }

    @Test
    void holdsAStreamsMessageBackWhileItsConsumerHasNoRoom() {
        Connection pinned = send(eventIn("orders-1"));
        full(pinned);

        assertThat(strategy.choose(consumers, eventIn("orders-1"))).isNull();
    }

    @Test
    void pinsALinkByTheStreamOfTheEventItPointsAt() {
        Connection pinned = send(eventIn("orders-1"));
        send(eventIn("orders-2"));

        assertThat(send(linkTo("orders-1", "$ce-orders"))).isSameAs(pinned);
    }

    @Test
    void givesAStreamANewConsumerOnceItsConsumerLeft() {
        Connection pinned = send(eventIn("orders-1"));
        Connection other = pinned == a ? b : a;
        consumers.remove(pinned);

        strategy.disconnected(pinned);

        assertThat(send(eventIn("orders-1"))).isSameAs(other);
    }
}
