package com.paystream.infrastructure.readmodel;

import java.util.List;

/**
 * Where a read model is: caught up or not, failed (with the reason) or not, its checkpoint and events applied, and the
 * events it could not read and went past since it started ({@code skipped}; the last ones in {@code lastSkipped}).
 */
public record ReadModelStatus(String name, boolean caughtUp, String failure, Checkpoint checkpoint, long applied,
                              long skipped, List<SkippedEvent> lastSkipped) {
    public ReadModelStatus {
        lastSkipped = List.copyOf(lastSkipped);
    }

    /** An event it went past does not make it unhealthy: it answers with everything else, and ops can see it. */
    public boolean healthy() {
        return caughtUp && failure == null;
    }
}
