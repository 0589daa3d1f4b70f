package com.paystream.sanctions.list;

import com.paystream.events.EventRegistry;
import com.paystream.infrastructure.store.EventCodec;
import com.paystream.infrastructure.store.RegistryEventCodec;

import java.util.Set;

/**
 * Stores {@link SanctionsListEvent}s under their {@code @EventType} names, as JSON like the published events, through
 * their {@link EventRegistry} (which refuses a permitted subclass without a name when it is built).
 */
public final class SanctionsListCodec implements EventCodec<SanctionsListEvent> {
    // before INSTANCE: static fields initialise in order, and the instance's codec needs the registry
    private static final EventRegistry<SanctionsListEvent> EVENTS = EventRegistry.of(SanctionsListEvent.class);
    public static final SanctionsListCodec INSTANCE = new SanctionsListCodec();
    private final EventCodec<SanctionsListEvent> codec = new RegistryEventCodec<>(EVENTS);

    private SanctionsListCodec() {
    }

    /** The family of list events, for a read model of the list. */
    public static EventRegistry<SanctionsListEvent> registry() {
        return EVENTS;
    }

    /** The stored type names, e.g. for a subscription filter. */
    public static Set<String> typeNames() {
        return EVENTS.all().keySet();
    }

    @Override
    public String typeName(SanctionsListEvent event) {
        return codec.typeName(event);
    }

    @Override
    public int schemaVersion(SanctionsListEvent event) {
        return codec.schemaVersion(event);
    }

    @Override
    public byte[] serialize(SanctionsListEvent event) {
        return codec.serialize(event);
    }

    @Override
    public SanctionsListEvent deserialize(String typeName, byte[] json) {
        return codec.deserialize(typeName, json);
    }
}
