package com.paystream.infrastructure.store;

/**
 * How events of one family are stored: their stable type name, schema version and JSON. {@link PaymentEventCodec}
 * covers the published {@code PaymentEvent}s; a service with private events (an account's stream) writes its own,
 * typically on {@code EventJson.mapper()}.
 */
public interface EventCodec<E> {
    String typeName(E event);

    int schemaVersion(E event);

    byte[] serialize(E event);

    /**
     * @throws com.paystream.events.EventJson.UnreadableEventException when the type is unknown or the JSON invalid
     */
    E deserialize(String typeName, byte[] json);
}
