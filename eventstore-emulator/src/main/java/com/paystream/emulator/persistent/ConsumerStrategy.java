package com.paystream.emulator.persistent;

import com.paystream.emulator.store.CommittedEvent;

import java.util.List;

/**
 * How a group picks the consumer for its next message: one implementation per strategy the emulator supports, by the
 * name the server gives it. A strategy keeps its own state (the round-robin cursor, the pins) and does no locking:
 * like the connections it picks from, it is guarded by its group's lock.
 */
sealed interface ConsumerStrategy
        permits ConsumerStrategy.RoundRobin, ConsumerStrategy.DispatchToSingle, ConsumerStrategy.Pinned {

    /** A new strategy for the name: {@code DispatchToSingle}, {@code Pinned}, else {@code RoundRobin}. */
    static ConsumerStrategy named(String name) {
        if ("DispatchToSingle".equals(name)) {
            return new DispatchToSingle();
        }
        if ("Pinned".equals(name)) {
            return new Pinned();
        }
        return new RoundRobin();
    }

    /**
     * The consumer to send {@code message} to, or {@code null} when it has to wait: no consumer has room, or (pinned)
     * the one it belongs to has none.
     */
    Connection choose(List<Connection> consumers, Message message);

    /** The consumer left the group. */
    default void disconnected(Connection connection) {
    }

    /** Each consumer in turn, passing over those without room. */
    final class RoundRobin implements ConsumerStrategy {
        private int next;

        @Override
        public Connection choose(List<Connection> consumers, Message message) {
            int n = consumers.size();
            for (int i = 0; i < n; i++) {
                int index = (next + i) % n;
                Connection connection = consumers.get(index);
                if (connection.canTake()) {
                    next = (index + 1) % n;
                    return connection;
                }
            }
            return null;
        }
    }

    /** The first consumer (in the order they connected) that has room. */
    final class DispatchToSingle implements ConsumerStrategy {
        @Override
        public Connection choose(List<Connection> consumers, Message message) {
            for (Connection connection : consumers) {
                if (connection.canTake()) {
                    return connection;
                }
            }
            return null;
        }
    }

    /**
     * Every message of one stream to the same consumer: streams are hashed into buckets, a bucket is pinned to the
     * consumer chosen round robin for its first message, and stays pinned until that consumer leaves.
     */
    final class Pinned implements ConsumerStrategy {
        private static final int BUCKETS = 1024;
        private final Connection[] pins = new Connection[BUCKETS];
        private final RoundRobin unpinned = new RoundRobin();

        @Override
        public Connection choose(List<Connection> consumers, Message message) {
            int bucket = Math.floorMod(pinKey(message).hashCode(), BUCKETS);
            Connection pinned = pins[bucket];
            if (pinned != null && !pinned.closed) {
                return pinned.canTake() ? pinned : null;
            }
            Connection chosen = unpinned.choose(consumers, message);
            if (chosen != null) {
                pins[bucket] = chosen;
            }
            return chosen;
        }

        @Override
        public void disconnected(Connection connection) {
            for (int i = 0; i < pins.length; i++) {
                if (pins[i] == connection) {
                    pins[i] = null;
                }
            }
        }

        /** The stream a message belongs to for pinning: for a link, the stream of the event it points at. */
        private static String pinKey(Message message) {
            CommittedEvent event = message.event.event();
            CommittedEvent.LinkTarget target = event.linkTarget();
            return target != null ? target.stream() : event.stream();
        }
    }
}
