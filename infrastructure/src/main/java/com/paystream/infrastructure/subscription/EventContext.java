package com.paystream.infrastructure.subscription;

import com.paystream.infrastructure.store.Causation;
import com.paystream.infrastructure.store.EventMetadata;
import io.kurrent.dbclient.RecordedEvent;

import java.time.Instant;
import java.util.UUID;

/**
 * Where a delivered event comes from: its id, its own stream and revision there (e.g. {@code payment-42} @ 3), its
 * stored type, its correlation and causation ids, when it was written, and how often it was retried so far.
 */
public record EventContext(UUID eventId, String stream, long revision, String eventType, String correlationId,
                           String causationId, int schemaVersion, Instant created, int retryCount) {

    /** The cause to append a reaction's events with: same correlation, caused by this event, ids derived from it. */
    public Causation causation() {
        return Causation.event(eventId.toString(), correlationId != null ? correlationId : eventId.toString());
    }

    public static EventContext of(RecordedEvent event, int retryCount) {
        EventMetadata metadata = EventMetadata.parse(event.getUserMetadata());
        return new EventContext(event.getEventId(), event.getStreamId(), event.getRevision(), event.getEventType(),
                metadata.correlationId(), metadata.causationId(), metadata.schemaVersion(), event.getCreated(),
                retryCount);
    }
}
