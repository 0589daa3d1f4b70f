package com.paystream.emulator.store;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** What the store knows of one stream. Mutated only by the writer thread, read by anyone. */
final class StreamRecord {
    final String name;
    /** Events in revision order; revisions are contiguous from 0, so the index is the revision. */
    final AppendOnlyList<CommittedEvent> events = new AppendOnlyList<>();
    /** Writer-only: event id to revision, for idempotent appends. */
    final Map<UUID, Long> revisionsById = new HashMap<>();
    volatile boolean tombstoned;
    volatile CommittedEvent tombstone;
    volatile StreamMetadata metadata = StreamMetadata.NONE;

    StreamRecord(String name) {
        this.name = name;
    }

    long lastRevision() {
        return events.size() - 1L;
    }
}
