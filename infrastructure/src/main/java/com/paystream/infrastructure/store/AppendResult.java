package com.paystream.infrastructure.store;

/**
 * What an append did. {@code nextExpectedRevision} is the stream's revision after it (the ETag to hand back); when
 * the same cause was appended before, EventStoreDB wrote nothing and answers as for the first write.
 */
public record AppendResult(String stream, long nextExpectedRevision, long commitPosition) {
    /** Where to append next, after this append. */
    public Expected expected() {
        return Expected.at(nextExpectedRevision);
    }
}
