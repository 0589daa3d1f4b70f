package com.paystream.events;

import java.util.Map;
import java.util.Optional;

/** The registry of the published events: every record permitted under {@link PaymentEvent}. */
public final class EventTypes {
    public static final EventRegistry<PaymentEvent> REGISTRY = EventRegistry.of(PaymentEvent.class);

    private EventTypes() {
    }

    /** The stored name of an event class, e.g. {@code InboundPaymentReceived}. */
    public static String nameOf(Class<? extends PaymentEvent> type) {
        return REGISTRY.nameOf(type);
    }

    public static int versionOf(Class<? extends PaymentEvent> type) {
        return REGISTRY.versionOf(type);
    }

    /** The event class stored under {@code name}, if it is one of ours. */
    public static Optional<Class<? extends PaymentEvent>> classOf(String name) {
        return REGISTRY.classOf(name);
    }

    /** Every stored name with its class, in declaration order. */
    public static Map<String, Class<? extends PaymentEvent>> all() {
        return REGISTRY.all();
    }
}
