package com.paystream.events;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON form of the published events: ISO-8601 instants and dates, fields in declaration order, unknown fields
 * ignored (a newer producer may add some), missing required fields refused.
 */
public final class EventJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private EventJson() {
    }

    public static byte[] serialize(PaymentEvent event) {
        return EventTypes.REGISTRY.serialize(event);
    }

    /**
     * Reads an event stored under {@code typeName}.
     *
     * @throws UnreadableEventException when the type is not one of ours or the JSON does not make a valid event
     */
    public static PaymentEvent deserialize(String typeName, byte[] json) {
        return EventTypes.REGISTRY.deserialize(typeName, json);
    }

    /** The mapper, for infrastructure that stores other JSON (metadata) the same way. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** An event that cannot be turned back into a record: it must be parked, never skipped in silence. */
    public static final class UnreadableEventException extends RuntimeException {
        public UnreadableEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
