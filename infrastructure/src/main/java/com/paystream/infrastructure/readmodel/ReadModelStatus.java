package com.paystream.infrastructure.readmodel;

/** Where a read model is: caught up or not, failed (with the reason) or not, its checkpoint and events applied. */
public record ReadModelStatus(String name, boolean caughtUp, String failure, Checkpoint checkpoint, long applied) {
    public boolean healthy() {
        return caughtUp && failure == null;
    }
}
