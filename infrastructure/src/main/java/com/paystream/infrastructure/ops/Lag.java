package com.paystream.infrastructure.ops;

/**
 * How many events of its stream a consumer group has not finished: those after the last one the store has read for
 * it (or, before it reads any, after its checkpoint; every group starts at the start of its stream), and those read
 * and not finished: waiting for a consumer, being retried (or replayed), or in flight. The store's checkpoint alone
 * would also count the events finished since it was last written (it writes one only after enough of them), which is
 * why a caught-up group seemed to lag.
 */
final class Lag {
    private Lag() {
    }

    static long of(Long lastRevision, Long readTo, long waiting, long retrying, long inFlight) {
        long unread = lastRevision == null ? 0 : Math.max(0, lastRevision - (readTo == null ? -1 : readTo));
        return unread + waiting + retrying + inFlight;
    }
}
