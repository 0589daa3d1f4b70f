package com.paystream.infrastructure.ops;

import com.fasterxml.jackson.annotation.JsonValue;

/** What an operator needs to know of a consumer group first. */
public enum GroupState {
    /** Every event of the stream is finished and nothing is parked. */
    CAUGHT_UP("caught-up"),
    /** Some events are not finished yet (the lag), nothing is parked. */
    BEHIND("behind"),
    /** Messages are parked: they wait for an operator's replay. */
    PARKED("parked"),
    /** The store has no such group yet. */
    MISSING("missing");

    private final String wire;

    GroupState(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    static GroupState of(long lag, long parked) {
        if (parked > 0) {
            return PARKED;
        }
        return lag > 0 ? BEHIND : CAUGHT_UP;
    }
}
