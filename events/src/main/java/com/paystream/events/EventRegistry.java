package com.paystream.events;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stored names of one family of events: every record permitted under a sealed root interface, found by walking
 * the sealed hierarchy, with the name and version of its {@link EventType} annotation. One registry per family: the
 * published {@link PaymentEvent}s ({@link EventTypes}), and each service's private events (an account's stream).
 */
public final class EventRegistry<E> {
    private final Class<E> root;
    private final Map<String, Class<? extends E>> byName = new LinkedHashMap<>();

    private EventRegistry(Class<E> root) {
        this.root = root;
        Deque<Class<?>> pending = new ArrayDeque<>();
        pending.add(root);
        while (!pending.isEmpty()) {
            Class<?> type = pending.pop();
            if (type.isSealed()) {
                pending.addAll(List.of(type.getPermittedSubclasses()));
            } else {
                EventType annotation = type.getAnnotation(EventType.class);
                if (annotation == null) {
                    throw new IllegalStateException(type.getName() + " has no @EventType: it cannot be stored");
                }
                Class<?> clash = byName.putIfAbsent(annotation.name(), type.asSubclass(root));
                if (clash != null) {
                    throw new IllegalStateException("Event type name " + annotation.name() + " is used by both "
                            + clash.getName() + " and " + type.getName());
                }
            }
        }
    }

    /**
     * The registry of the events under {@code sealedRoot}.
     *
     * @throws IllegalStateException when an event class has no {@link EventType} or two share a name
     */
    public static <E> EventRegistry<E> of(Class<E> sealedRoot) {
        if (!sealedRoot.isSealed()) {
            throw new IllegalArgumentException(sealedRoot.getName() + " is not a sealed interface");
        }
        return new EventRegistry<>(sealedRoot);
    }

    /** The stored name of an event class, e.g. {@code InboundPaymentReceived}. */
    public String nameOf(Class<? extends E> type) {
        return annotation(type).name();
    }

    public int versionOf(Class<? extends E> type) {
        return annotation(type).version();
    }

    /** The event class stored under {@code name}, if it belongs to this family. */
    public Optional<Class<? extends E>> classOf(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Every stored name with its class, in declaration order. */
    public Map<String, Class<? extends E>> all() {
        return Collections.unmodifiableMap(byName);
    }

    public byte[] serialize(E event) {
        try {
            return mapper().writeValueAsBytes(event);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot serialise " + event.getClass().getSimpleName(), e);
        }
    }

    /**
     * Reads an event stored under {@code typeName}.
     *
     * @throws EventJson.UnreadableEventException when the type is not of this family or the JSON is not a valid event
     */
    public E deserialize(String typeName, byte[] json) {
        Class<? extends E> type = classOf(typeName).orElseThrow(() -> new EventJson.UnreadableEventException(
                "Unknown event type '" + typeName + "' for " + root.getSimpleName(), null));
        try {
            return mapper().readValue(json, type);
        } catch (IOException | RuntimeException e) {
            throw new EventJson.UnreadableEventException("Cannot read a " + typeName + ": " + e.getMessage(), e);
        }
    }

    private static ObjectMapper mapper() {
        return EventJson.mapper();
    }

    private EventType annotation(Class<? extends E> type) {
        EventType annotation = type.getAnnotation(EventType.class);
        if (annotation == null) {
            throw new IllegalArgumentException(type.getName() + " is not a stored event type");
        }
        return annotation;
    }
}
