package com.paystream.infrastructure.store;

import com.eventstore.dbclient.ExpectedRevision;

/**
 * What an append did. {@code nextExpectedRevision} is the stream's revision after it (the ETag to hand back); when
 * the same cause was appended before, EventStoreDB wrote nothing and answers as for the first write.
 */
public record AppendResult(String stream, long nextExpectedRevision, long commitPosition) {
    public ExpectedRevision expectedRevision() {
        return ExpectedRevision.expectedRevision(nextExpectedRevision);
    }
}
