package com.paystream.infrastructure.store;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A whole stream as read: its events in order and its last revision ({@link #NO_STREAM} when it does not exist).
 * Append with {@link #expected()} to write only if nobody else wrote since.
 */
public record LoadedStream<E>(String stream, List<StoredEvent<E>> events, long revision) {
    public static final long NO_STREAM = -1;

    public LoadedStream {
        events = List.copyOf(events);
    }

    public boolean exists() {
        return revision != NO_STREAM;
    }

    /** Where to append after what was read: no stream, or exactly the revision read. */
    public Expected expected() {
        return Expected.asRead(revision);
    }

    /** The events alone, to fold into a state. */
    public List<E> payloads() {
        return events.stream().map(StoredEvent::event).collect(Collectors.toList());
    }
}
