package com.paystream.events;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one registry of stored event type names: every record permitted under {@link PaymentEvent}, found by walking
 * the sealed hierarchy, with the name and version of its {@link EventType} annotation.
 */
public final class EventTypes {
    private static final Map<String, Class<? extends PaymentEvent>> BY_NAME = new LinkedHashMap<>();

    static {
        Deque<Class<?>> pending = new ArrayDeque<>();
        pending.add(PaymentEvent.class);
        while (!pending.isEmpty()) {
            Class<?> type = pending.pop();
            if (type.isSealed()) {
                pending.addAll(java.util.List.of(type.getPermittedSubclasses()));
            } else {
                EventType annotation = type.getAnnotation(EventType.class);
                if (annotation == null) {
                    throw new IllegalStateException(type.getName() + " has no @EventType: it cannot be stored");
                }
                Class<? extends PaymentEvent> eventClass = type.asSubclass(PaymentEvent.class);
                Class<?> clash = BY_NAME.putIfAbsent(annotation.name(), eventClass);
                if (clash != null) {
                    throw new IllegalStateException("Event type name " + annotation.name() + " is used by both "
                            + clash.getName() + " and " + type.getName());
                }
            }
        }
    }

    private EventTypes() {
    }

    /** The stored name of an event class, e.g. {@code InboundPaymentReceived}. */
    public static String nameOf(Class<? extends PaymentEvent> type) {
        return annotation(type).name();
    }

    public static int versionOf(Class<? extends PaymentEvent> type) {
        return annotation(type).version();
    }

    /** The event class stored under {@code name}, if it is one of ours. */
    public static Optional<Class<? extends PaymentEvent>> classOf(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** Every stored name with its class, in declaration order. */
    public static Map<String, Class<? extends PaymentEvent>> all() {
        return Collections.unmodifiableMap(BY_NAME);
    }

    private static EventType annotation(Class<? extends PaymentEvent> type) {
        EventType annotation = type.getAnnotation(EventType.class);
        if (annotation == null) {
            throw new IllegalArgumentException(type.getName() + " is not a stored event type");
        }
        return annotation;
    }
}
