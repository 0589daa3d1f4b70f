package com.paystream.benchmarks;

/**
 * Where the benchmark is in {@code $ce-payment}: the revision of the last event it counted. A subscription that was
 * thought dropped may still deliver beside the one that replaced it; each delivers in order, so an event at or below
 * the last one counted was counted before.
 */
final class TimelinePosition {
    private Long last;

    /** From after {@code last} (null: from the start). */
    TimelinePosition(Long last) {
        this.last = last;
    }

    /** Whether the event at {@code revision} is new; if so, it is the last one counted from now on. */
    synchronized boolean advance(long revision) {
        if (last != null && revision <= last) {
            return false;
        }
        last = revision;
        return true;
    }

    /** The revision of the last event counted (null: none yet). */
    synchronized Long last() {
        return last;
    }
}
