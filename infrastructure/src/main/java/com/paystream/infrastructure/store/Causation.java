package com.paystream.infrastructure.store;

import java.util.Objects;
import java.util.UUID;

/**
 * Why events are appended: the correlation id ({@code $correlationId}), the id of what caused them
 * ({@code $causationId}: the triggering event's id, or the command's id), and the seed their deterministic ids are
 * derived from. The same cause appended again yields the same event ids, so EventStoreDB's idempotent append writes
 * nothing twice.
 */
public record Causation(String correlationId, String causationId, String idSeed) {
    public Causation {
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(causationId, "causationId");
        Objects.requireNonNull(idSeed, "idSeed");
    }

    /** Caused by an event: e.g. a reaction's trigger ({@code EventContext#causation()} does this for you). */
    public static Causation event(String eventId, String correlationId) {
        return new Causation(correlationId, eventId, "event:" + eventId);
    }

    /**
     * Caused by a command with a stable id (an idempotency key, the scheme's transaction id, ...): sending the same
     * command again appends nothing new.
     */
    public static Causation command(String commandId, String correlationId) {
        return new Causation(correlationId, commandId, "command:" + commandId);
    }

    /**
     * The same cause, with event ids of its own: for a write guarded by its expected revision, so that a repeat of
     * it meets the first one as a conflict (and can answer from what was written) instead of passing for it.
     */
    public Causation unique() {
        return new Causation(correlationId, causationId, idSeed + ":" + UUID.randomUUID());
    }
}
