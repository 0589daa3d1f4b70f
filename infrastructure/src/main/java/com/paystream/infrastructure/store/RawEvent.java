package com.paystream.infrastructure.store;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/**
 * An event as it is stored, not deserialised into a type: what an auditor or an operator reads. {@code data} is its
 * JSON, or null with {@code rawData} (the bytes as text) when it is not JSON.
 */
public record RawEvent(String stream, long revision, UUID eventId, String type, Instant recordedAt,
                       String correlationId, String causationId, JsonNode data, String rawData) {
}
