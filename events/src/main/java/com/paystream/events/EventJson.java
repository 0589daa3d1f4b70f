package com.paystream.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;

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
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot serialise " + event.getClass().getSimpleName(), e);
        }
    }

    /**
     * Reads an event stored under {@code typeName}.
     *
     * @throws UnreadableEventException when the type is not one of ours or the JSON does not make a valid event
     */
    public static PaymentEvent deserialize(String typeName, byte[] json) {
        Class<? extends PaymentEvent> type = EventTypes.classOf(typeName)
                .orElseThrow(() -> new UnreadableEventException("Unknown event type '" + typeName + "'", null));
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableEventException("Cannot read a " + typeName + ": " + e.getMessage(), e);
        }
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
