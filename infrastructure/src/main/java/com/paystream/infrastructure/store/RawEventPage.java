package com.paystream.infrastructure.store;

import java.util.List;

/**
 * A page of a stream's events in order; {@code nextRevision} is where the next page starts, null after the last.
 */
public record RawEventPage(String stream, List<RawEvent> events, Long nextRevision) {
    public RawEventPage {
        events = List.copyOf(events);
    }
}
