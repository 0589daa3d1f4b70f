package com.paystream.topology;

import com.paystream.events.PaymentEvent;
import com.paystream.events.PaymentStreams;

import java.util.Objects;

/**
 * A persistent-subscription consumer group: its name, the one published event type it consumes, from that type's
 * system projection stream {@code $et-{EventType}} (resolveLinkTos, from the start), and how the store shares its
 * events among the instances in it.
 */
public record ConsumerGroup<E extends PaymentEvent>(String name, Class<E> eventType, ConsumerStrategy strategy) {
    public ConsumerGroup {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(strategy, "strategy");
    }

    /**
     * A group whose events go round robin: every group of the suite. Each group sees one event per payment, so
     * pinning a payment's events to one instance (PinnedByCorrelation) spares no conflict; what two instances meet
     * on is an account, which no correlation id names (measured: docs/benchmarks.md).
     */
    public ConsumerGroup(String name, Class<E> eventType) {
        this(name, eventType, ConsumerStrategy.ROUND_ROBIN);
    }

    /** The stream the group is created on, e.g. {@code $et-InboundPaymentValidated}. */
    public String stream() {
        return PaymentStreams.byEventType(eventType);
    }

    /** Where the store parks the messages this group gave up on, as EventStoreDB names it. */
    public String parkedStream() {
        return "$persistentsubscription-" + stream() + "::" + name + "-parked";
    }
}
