package com.paystream.infrastructure.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.paystream.events.EventJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The metadata written with every event: {@code $correlationId}, {@code $causationId}, {@code schemaVersion}. Every
 * value is a string (the schema version too, {@code "1"}): KurrentDB's multi-stream append carries metadata as
 * string properties only. Reading takes a number as well (events written before).
 */
public record EventMetadata(String correlationId, String causationId, int schemaVersion) {
    public static final String CORRELATION_ID = "$correlationId";
    public static final String CAUSATION_ID = "$causationId";
    public static final String SCHEMA_VERSION = "schemaVersion";

    public byte[] toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(CORRELATION_ID, correlationId);
        json.put(CAUSATION_ID, causationId);
        json.put(SCHEMA_VERSION, String.valueOf(schemaVersion));
        try {
            return EventJson.mapper().writeValueAsBytes(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads what it can: events written by others may carry no or non-JSON metadata (fields are then null / 1). */
    public static EventMetadata parse(byte[] metadata) {
        if (metadata == null || metadata.length == 0) {
            return new EventMetadata(null, null, 1);
        }
        try {
            JsonNode json = EventJson.mapper().readTree(metadata);
            if (json == null || !json.isObject()) {
                return new EventMetadata(null, null, 1);
            }
            return new EventMetadata(text(json, CORRELATION_ID), text(json, CAUSATION_ID),
                    json.path(SCHEMA_VERSION).asInt(1));
        } catch (IOException e) {
            return new EventMetadata(null, null, 1);
        }
    }

    private static String text(JsonNode json, String field) {
        JsonNode node = json.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    @Override
    public String toString() {
        return new String(toJson(), StandardCharsets.UTF_8);
    }
}
