package com.paystream.emulator.store;

/** Outcome of an append or a delete, as the server reports it. */
public sealed interface AppendOutcome {

    /** Written (or recognised as an idempotent repeat). {@code position} is that of the last event written. */
    record Success(long currentRevision, long position) implements AppendOutcome {
    }

    /** The expected revision did not hold. {@code currentRevision} is -1 when the stream does not exist. */
    record WrongExpectedVersion(long currentRevision, long expected) implements AppendOutcome {
    }

    /** The stream was tombstoned (hard deleted): it can never be written again. */
    record StreamDeleted() implements AppendOutcome {
    }

    /** The request is invalid (e.g. a client tried to write a stream name that is not allowed). */
    record Rejected(String reason) implements AppendOutcome {
    }
}
