package com.paystream.topology;

/**
 * How the store shares a consumer group's events among the instances in it, by the store's own names.
 */
public enum ConsumerStrategy {
    /** Each event to the next instance with room: the even spread competing consumers are for. */
    ROUND_ROBIN("RoundRobin"),
    /** The events of one correlation id (its {@code $correlationId}) to the same instance while it is there. */
    PINNED_BY_CORRELATION("PinnedByCorrelation");

    private final String storeName;

    ConsumerStrategy(String storeName) {
        this.storeName = storeName;
    }

    /** The name the store knows it by, e.g. {@code RoundRobin}. */
    public String storeName() {
        return storeName;
    }
}
