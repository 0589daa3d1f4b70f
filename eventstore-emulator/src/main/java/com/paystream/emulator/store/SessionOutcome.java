package com.paystream.emulator.store;

import java.util.List;

/**
 * Outcome of a multi-stream append: every stream written in one commit, or nothing written and the first stream whose
 * check failed named.
 */
public sealed interface SessionOutcome {

    /** All written; one result per stream in the order they were given, {@code position} that of the last event. */
    record Committed(List<AppendOutcome.Success> results, long position) implements SessionOutcome {
    }

    /** {@code stream} was not at the expected revision; {@code actual} is -1 when the stream does not exist. */
    record RevisionConflict(String stream, long expected, long actual) implements SessionOutcome {
    }

    /** {@code stream} was tombstoned: it can never be written again. */
    record Tombstoned(String stream) implements SessionOutcome {
    }

    /** The request is invalid (e.g. a stream named twice, an empty stream name). */
    record Rejected(String reason) implements SessionOutcome {
    }
}
