package com.paystream.emulator.store;

import java.util.List;

/** One stream's part of a multi-stream append: its events and the revision it is expected at. */
public record StreamAppend(String stream, long expected, List<ProposedEvent> events) {
    public StreamAppend {
        events = List.copyOf(events);
    }
}
