package com.paystream.emulator.persistent;

import com.paystream.emulator.store.ResolvedEvent;

import java.util.UUID;

/**
 * A message as a group tracks it; acks and nacks name it by {@link #ackId()}. Its mutable fields are guarded by the
 * group's lock.
 */
final class Message {
    /** Its sequence number in the group's source, or its revision in the parked stream when {@link #replayed}. */
    final long seq;
    final ResolvedEvent event;
    final boolean replayed;
    int retryCount;
    Connection owner;
    long deadline;

    Message(long seq, ResolvedEvent event, boolean replayed) {
        this.seq = seq;
        this.event = event;
        this.replayed = replayed;
    }

    /** The link's id when the event came through a link (a parked-stream link for replays), else the event's. */
    UUID ackId() {
        return event.original().id();
    }
}
