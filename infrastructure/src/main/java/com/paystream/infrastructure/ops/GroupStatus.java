package com.paystream.infrastructure.ops;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A consumer group run by this service, as the store reports it, with what an operator needs to read at a glance:
 * {@code state} and {@code lag}, the events of the source the group has not finished yet (not read yet, read and
 * waiting, retried, or handed to a consumer and not acknowledged). A group that has finished every event has lag 0,
 * whether or not the store has written its checkpoint yet. {@code exists} is false when the store has no such group
 * yet (the service creates it when it subscribes).
 */
@Schema(description = "A consumer group of this service: its state, lag and parked messages, as the store reports "
        + "them")
public record GroupStatus(
        @Schema(description = "The consumer group", example = "accounts.credit-on-inbound-sanctions-cleared")
        String group,
        @Schema(description = "The stream it consumes", example = "$et-InboundPaymentSanctionsCleared")
        String stream,
        @Schema(description = "The event type the group reacts to", example = "InboundPaymentSanctionsCleared")
        String eventType,
        @Schema(description = "caught-up: every event of the stream is finished and nothing is parked; behind: "
                + "`lag` events are not finished yet; parked: `parked` messages wait for a replay (whatever the "
                + "lag); missing: the store has no such group yet")
        GroupState state,
        @Schema(description = "Whether the store has the group")
        boolean exists,
        @Schema(description = "Whether this instance of the service is subscribed to it")
        boolean subscribedHere,
        @Schema(description = "The store's status of the group (null when it does not exist)", example = "Live",
                nullable = true)
        String status,
        @Schema(description = "Consumers connected, from every instance of the service")
        int consumers,
        @Schema(description = "The stream's last revision (null when it is empty)", nullable = true, example = "41")
        Long lastRevision,
        @Schema(description = "The last revision the store has read for the group (null before the first one)",
                nullable = true, example = "41")
        Long lastKnownRevision,
        @Schema(description = "The group's last checkpoint: where it resumes after a restart of the store. The store "
                + "writes one after enough finished events and time (null before the first), so it may trail a "
                + "caught-up group", nullable = true, example = "39")
        Long lastCheckpointedRevision,
        @Schema(description = "Events of the stream not finished yet: not read yet, waiting, being retried or in "
                + "flight (null when the group does not exist)", nullable = true, example = "0")
        Long lag,
        @Schema(description = "Messages handed to a consumer and not acknowledged yet")
        long inFlight,
        @Schema(description = "Messages parked: they wait for a replay (GET …/parked lists them)")
        long parked,
        @Schema(description = "Messages read from the stream, waiting for a consumer")
        long readBuffer,
        @Schema(description = "Messages waiting to be retried (or replayed)")
        long retryBuffer,
        @Schema(description = "Messages the store has handed to consumers since it started")
        long delivered) {
}
