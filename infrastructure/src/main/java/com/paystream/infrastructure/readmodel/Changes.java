package com.paystream.infrastructure.readmodel;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/**
 * What changes in a read model, as it applies events, for whoever listens now (e.g. a server-sent-events endpoint
 * the operators' console follows instead of asking again and again). Nothing is kept: a listener gets the changes
 * from the moment it listens, and one that cannot keep up loses the changes it could not take (it reads the model
 * again when it needs the whole of it).
 */
public final class Changes<T> {
    private final BroadcastProcessor<T> changes = BroadcastProcessor.create();

    /** Tells every listener (none: nothing happens). */
    public void publish(T change) {
        changes.onNext(change);
    }

    /** The changes from now on. */
    public Multi<T> stream() {
        return changes.onOverflow().drop();
    }
}
