package com.paystream.infrastructure.client;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where the store is and how the infrastructure talks to it.
 *
 * <pre>
 * eventstore.connection-string=kurrentdb://localhost:2113?tls=false
 * eventstore.subscriptions.buffer-size=128
 * eventstore.subscriptions.group."sanctions.screen-on-validated".max-retry-count=5
 * </pre>
 */
@ConfigMapping(prefix = "eventstore")
public interface EventStoreConfig {
    /** E.g. {@code kurrentdb://localhost:2113?tls=false}; client options such as {@code maxDiscoverAttempts} may follow. */
    String connectionString();

    /** How long one store operation (read, append, create group) may take before it counts as unavailable. */
    @WithDefault("10s")
    Duration operationTimeout();

    /** The {@code Retry-After} a 503 carries when the store is unavailable. */
    @WithDefault("5")
    int retryAfterSeconds();

    Subscriptions subscriptions();

    ReadModels readModels();

    interface Subscriptions {
        /** Whether the runner starts the reactions at startup (tests of a single piece may turn it off). */
        @WithDefault("true")
        boolean enabled();

        /** Events in flight (delivered, not yet acked) per consumer: at least {@link #concurrency()} to keep it busy. */
        @WithDefault("128")
        int bufferSize();

        /**
         * Events of one group handled at once in this process. Events with the same ordering key (the payment, or
         * the key a reaction chooses) are handled one at a time, in the order delivered. A reaction waits on the
         * store most of its time (a few round trips each), so this is well above the cores: with 8, one busy lane
         * held the whole buffer under load and credits fell seconds behind at 200 payments/s.
         */
        @WithDefault("32")
        int concurrency();

        /** A message not acked within this time is redelivered (and counts as a retry). */
        @WithDefault("30s")
        Duration messageTimeout();

        /** Retries (nack Retry or timeout) before the server parks the message. */
        @WithDefault("10")
        int maxRetryCount();

        /** First delay before re-subscribing after a drop; doubles up to {@link #maxReconnectDelay()}. */
        @WithDefault("500ms")
        Duration reconnectDelay();

        @WithDefault("10s")
        Duration maxReconnectDelay();

        /** Pause before a nack Retry of a transient failure, times the retry count (capped at 2 s). */
        @WithDefault("100ms")
        Duration retryPause();

        /**
         * How long a stopping service (SIGTERM) waits for the events it is handling to be finished and acked before
         * it closes its subscriptions; what is left then is redelivered.
         */
        @WithDefault("10s")
        Duration drainTimeout();

        /** Per-group overrides, keyed by consumer-group name (quote it: the names contain dots). */
        Map<String, Group> group();
    }

    interface Group {
        OptionalInt bufferSize();

        Optional<Duration> messageTimeout();

        OptionalInt maxRetryCount();
    }

    interface ReadModels {
        @WithDefault("true")
        boolean enabled();

        /** How often a read model's checkpoint is written, when it moved. */
        @WithDefault("1s")
        Duration checkpointInterval();

        /**
         * How often a stream-following read model checks it is not stalled (source moved, nothing arrived): the
         * client does not report every dropped catch-up subscription.
         */
        @WithDefault("5s")
        Duration stallCheckInterval();
    }
}
