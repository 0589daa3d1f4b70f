package com.paystream.topology;

import com.paystream.events.PaymentEvent;
import com.paystream.events.PaymentStreams;

import java.util.Objects;

/**
 * A persistent-subscription consumer group: its name and the one published event type it consumes, from that type's
 * system projection stream {@code $et-{EventType}} (resolveLinkTos, from the start).
 */
public record ConsumerGroup<E extends PaymentEvent>(String name, Class<E> eventType) {
    public ConsumerGroup {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(eventType, "eventType");
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
