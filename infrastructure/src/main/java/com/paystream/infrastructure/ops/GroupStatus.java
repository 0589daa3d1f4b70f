package com.paystream.infrastructure.ops;

/**
 * A consumer group run by this service, as the store reports it. {@code lag} counts the events of the source after
 * the group's last checkpoint (an upper bound: acks since the checkpoint are not counted off until the next one).
 * {@code exists} is false when the store has no such group yet (the service creates it when it subscribes).
 */
public record GroupStatus(String group, String stream, String eventType, boolean exists, boolean subscribedHere,
                          String status, int consumers, Long lastKnownRevision, Long lastCheckpointedRevision,
                          Long lag, long inFlight, long parked, long readBuffer, long retryBuffer, long delivered) {
}
