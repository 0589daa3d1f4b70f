package com.paystream.emulator.persistent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.paystream.emulator.store.CommittedEvent;

import java.io.IOException;
import java.util.List;
import java.util.function.Function;

/**
 * How a group picks the consumer for its next message: one implementation per strategy the emulator supports, by the
 * name the server gives it. A strategy keeps its own state (the round-robin cursor, the pins) and does no locking:
 * like the connections it picks from, it is guarded by its group's lock.
 */
sealed interface ConsumerStrategy
        permits ConsumerStrategy.RoundRobin, ConsumerStrategy.DispatchToSingle, ConsumerStrategy.Pinned,
        ConsumerStrategy.PinnedByCorrelation {

    /**
     * A new strategy for the name: {@code DispatchToSingle}, {@code Pinned}, {@code PinnedByCorrelation}, else
     * {@code RoundRobin}.
     */
    static ConsumerStrategy named(String name) {
        if ("DispatchToSingle".equals(name)) {
            return new DispatchToSingle();
        }
        if ("Pinned".equals(name)) {
            return new Pinned();
        }
        if ("PinnedByCorrelation".equals(name)) {
            return new PinnedByCorrelation();
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
        private final Function<Message, String> pinKey;

        Pinned() {
            this(Pinned::pinKey);
        }

        /** Pins by {@code pinKey} instead of the stream. */
        Pinned(Function<Message, String> pinKey) {
            this.pinKey = pinKey;
        }

        @Override
        public Connection choose(List<Connection> consumers, Message message) {
            int bucket = Math.floorMod(pinKey.apply(message).hashCode(), BUCKETS);
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
        static String pinKey(Message message) {
            CommittedEvent event = message.event.event();
            CommittedEvent.LinkTarget target = event.linkTarget();
            return target != null ? target.stream() : event.stream();
        }
    }

    /**
     * As {@link Pinned}, but keyed by the event's {@code $correlationId} (from its JSON metadata; for a link, the
     * metadata of the event it points at), so every event of one correlation goes to the same consumer whatever its
     * stream. An event without one is pinned by its stream, as the server's
     * {@code PinnedByCorrelationPersistentSubscriptionConsumerStrategy} falls back to.
     */
    final class PinnedByCorrelation implements ConsumerStrategy {
        private static final ObjectMapper JSON = new ObjectMapper();
        private final Pinned pinned = new Pinned(PinnedByCorrelation::pinKey);

        @Override
        public Connection choose(List<Connection> consumers, Message message) {
            return pinned.choose(consumers, message);
        }

        @Override
        public void disconnected(Connection connection) {
            pinned.disconnected(connection);
        }

        static String pinKey(Message message) {
            String correlation = correlationId(message.event.event().metadata());
            // the prefix keeps a correlation id apart from a stream name that happens to be the same text
            return correlation != null ? "correlation:" + correlation : "stream:" + Pinned.pinKey(message);
        }

        private static String correlationId(byte[] metadata) {
            if (metadata.length == 0 || metadata[0] != '{') {
                return null;
            }
            try {
                JsonNode id = JSON.readTree(metadata).get("$correlationId");
                return id != null && id.isTextual() && !id.asText().isEmpty() ? id.asText() : null;
            } catch (IOException e) {
                return null; // metadata that is not JSON has no correlation id
            }
        }
    }
}
