package com.paystream.infrastructure.store;

import java.time.Instant;
import java.util.UUID;

/** An event read back from its stream, with where it sits and its metadata. */
public record StoredEvent<E>(UUID eventId, String stream, long revision, String eventType, E event,
                             EventMetadata metadata, Instant created) {
}
