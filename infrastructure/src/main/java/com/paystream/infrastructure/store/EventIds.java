package com.paystream.infrastructure.store;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Deterministic event ids: a name-based (version 3) UUID of the cause, the target stream, the event's index in the
 * append and its type. The same cause appending the same events gets the same ids, which is what makes EventStoreDB
 * treat a repeated append as already done.
 */
public final class EventIds {
    private EventIds() {
    }

    public static UUID of(Causation cause, String stream, int index, String eventType) {
        String name = cause.idSeed() + "|" + stream + "|" + index + "|" + eventType;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
