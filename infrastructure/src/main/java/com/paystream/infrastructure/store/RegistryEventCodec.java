package com.paystream.infrastructure.store;

import com.paystream.events.EventRegistry;

/**
 * Stores a family of events by its {@link EventRegistry}: the published events, or a service's private ones
 * ({@code new RegistryEventCodec<>(EventRegistry.of(AccountEvent.class))}).
 */
public final class RegistryEventCodec<E> implements EventCodec<E> {
    private final EventRegistry<E> registry;

    public RegistryEventCodec(EventRegistry<E> registry) {
        this.registry = registry;
    }

    @Override
    @SuppressWarnings("unchecked")
    public String typeName(E event) {
        return registry.nameOf((Class<? extends E>) event.getClass());
    }

    @Override
    @SuppressWarnings("unchecked")
    public int schemaVersion(E event) {
        return registry.versionOf((Class<? extends E>) event.getClass());
    }

    @Override
    public byte[] serialize(E event) {
        return registry.serialize(event);
    }

    @Override
    public E deserialize(String typeName, byte[] json) {
        return registry.deserialize(typeName, json);
    }
}
