package com.paystream.infrastructure.ops;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * A message a consumer group parked: where it sits in the parked stream, why and when it was parked, and the event
 * it points at ({@code event} null when that event no longer exists).
 */
public record ParkedMessage(long parkedRevision, String reason, Instant parkedAt, Integer retryCount,
                            String eventStream, Long eventRevision, String eventType, String eventId,
                            String paymentId, String correlationId, JsonNode event) {
}
