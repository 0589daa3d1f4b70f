package com.paystream.sanctions.list;

import com.paystream.events.EventJson;
import com.paystream.events.EventType;
import com.paystream.infrastructure.store.EventCodec;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Stores {@link SanctionsListEvent}s under their {@code @EventType} names, as JSON like the published events.
 * Every permitted subclass must carry a name (checked on class load, and by a test).
 */
public final class SanctionsListCodec implements EventCodec<SanctionsListEvent> {
    public static final SanctionsListCodec INSTANCE = new SanctionsListCodec();

    private static final Map<String, Class<?>> BY_NAME = Arrays.stream(SanctionsListEvent.class.getPermittedSubclasses())
            .collect(Collectors.toUnmodifiableMap(SanctionsListCodec::nameOf, Function.identity()));

    private SanctionsListCodec() {
    }

    static String nameOf(Class<?> type) {
        EventType annotation = type.getAnnotation(EventType.class);
        if (annotation == null) {
            throw new IllegalStateException(type.getName() + " has no @EventType name");
        }
        return annotation.name();
    }

    /** The stored type names, e.g. for a subscription filter. */
    public static java.util.Set<String> typeNames() {
        return BY_NAME.keySet();
    }

    @Override
    public String typeName(SanctionsListEvent event) {
        return nameOf(event.getClass());
    }

    @Override
    public int schemaVersion(SanctionsListEvent event) {
        return event.getClass().getAnnotation(EventType.class).version();
    }

    @Override
    public byte[] serialize(SanctionsListEvent event) {
        try {
            return EventJson.mapper().writeValueAsBytes(event);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot serialise " + typeName(event), e);
        }
    }

    @Override
    public SanctionsListEvent deserialize(String typeName, byte[] json) {
        Class<?> type = BY_NAME.get(typeName);
        if (type == null) {
            throw new EventJson.UnreadableEventException("Unknown sanctions list event type '" + typeName + "'",
                    null);
        }
        try {
            return (SanctionsListEvent) EventJson.mapper().readValue(json, type);
        } catch (IOException | RuntimeException e) {
            throw new EventJson.UnreadableEventException("Cannot read a " + typeName + ": " + e.getMessage(), e);
        }
    }
}
