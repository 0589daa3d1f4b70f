package com.paystream.infrastructure.store;

/**
 * Where an append expects the stream to be, else it is refused with a {@link RevisionConflictException}: not there
 * yet ({@link #noStream()}), anywhere ({@link #any()}), there with any revision ({@link #streamExists()}), or exactly
 * at a revision ({@link #at(long)}). Infrastructure's own type, so that no service needs the store client to write.
 */
public sealed interface Expected permits Expected.NoStream, Expected.Any, Expected.StreamExists, Expected.At {

    /** The stream must not exist: the first write of it. */
    static Expected noStream() {
        return new NoStream();
    }

    /** No expectation: the events are appended wherever the stream is (or it is created). */
    static Expected any() {
        return new Any();
    }

    /** The stream must exist, at any revision. */
    static Expected streamExists() {
        return new StreamExists();
    }

    /** The stream must be exactly at {@code revision} (its last event's): nobody wrote since. */
    static Expected at(long revision) {
        return new At(revision);
    }

    /**
     * The stream as it was read: at {@code lastRevision}, or not there when that is {@link LoadedStream#NO_STREAM}.
     */
    static Expected asRead(long lastRevision) {
        return lastRevision == LoadedStream.NO_STREAM ? noStream() : at(lastRevision);
    }

    record NoStream() implements Expected {
    }

    record Any() implements Expected {
    }

    record StreamExists() implements Expected {
    }

    record At(long revision) implements Expected {
        public At {
            if (revision < 0) {
                throw new IllegalArgumentException("A stream's revision is 0 or more, not " + revision);
            }
        }
    }
}
