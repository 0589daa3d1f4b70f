package com.paystream.emulator.store;

import java.util.List;

/** Result of reading one stream. */
public sealed interface StreamRead {

    record NotFound() implements StreamRead {
    }

    record Deleted() implements StreamRead {
    }

    /** Events in the order read; {@code lastRevision} is the stream's last revision at the time of the read. */
    record Events(List<ResolvedEvent> events, long lastRevision) implements StreamRead {
    }
}
