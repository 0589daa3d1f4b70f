package com.paystream.emulator.store;

/**
 * Expected stream revision in EventStoreDB's raw encoding: a revision {@code >= 0}, or one of the negative markers.
 * The same numbers travel in the {@code expected-version} / {@code actual-version} error trailers.
 */
public final class ExpectedRevision {
    public static final long NO_STREAM = -1;
    public static final long ANY = -2;
    public static final long STREAM_EXISTS = -4;

    private ExpectedRevision() {
    }

    /** Whether a stream whose last revision is {@code current} (-1 when it has none) satisfies {@code expected}. */
    static boolean isSatisfied(long expected, long current, boolean exists) {
        if (expected == ANY) {
            return true;
        }
        if (expected == NO_STREAM) {
            return !exists;
        }
        if (expected == STREAM_EXISTS) {
            return exists;
        }
        return exists && current == expected;
    }
}
