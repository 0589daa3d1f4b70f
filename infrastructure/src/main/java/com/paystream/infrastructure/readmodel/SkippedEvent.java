package com.paystream.infrastructure.readmodel;

import java.time.Instant;

/** An event a read model could not read and went past: where it is, and why (it stays in the store). */
public record SkippedEvent(String stream, long revision, String eventType, String eventId, String reason,
                           Instant skippedAt) {
}
