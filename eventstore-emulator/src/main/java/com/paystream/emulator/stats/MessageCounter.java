package com.paystream.emulator.stats;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts, since start (or the last {@link #reset()}), the messages that cost the store work, so a test run or a
 * benchmark can tell what the suite asks of it: appends (v1 requests and their events, v2 sessions with their streams
 * and events), stream metadata writes, bounded reads of a stream or {@code $all}, events a catch-up subscription
 * delivered, and per persistent subscription group the events delivered and the acks and nacks received.
 * Counting is lock-free ({@link LongAdder}), cheap enough for every message.
 */
public final class MessageCounter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Clock clock;
    private final LongAdder appendRequests = new LongAdder();
    private final LongAdder eventsAppended = new LongAdder();
    private final LongAdder sessions = new LongAdder();
    private final LongAdder sessionStreams = new LongAdder();
    private final LongAdder sessionEvents = new LongAdder();
    private final LongAdder metadataWrites = new LongAdder();
    private final LongAdder streamReads = new LongAdder();
    private final LongAdder allReads = new LongAdder();
    private final LongAdder catchUpEvents = new LongAdder();
    private final Map<String, Group> groups = new ConcurrentHashMap<>();
    private volatile Instant since;

    public MessageCounter(Clock clock) {
        this.clock = clock;
        this.since = clock.instant();
    }

    public MessageCounter() {
        this(Clock.systemUTC());
    }

    /** A v1 append call to a stream; its events once written ({@link #eventsAppended}). */
    public void appendRequest() {
        appendRequests.increment();
    }

    public void eventsAppended(int count) {
        eventsAppended.add(count);
    }

    /** A v1 append to a metastream ({@code $$stream}): setting a stream's metadata. */
    public void metadataWrite() {
        metadataWrites.increment();
    }

    /** A v2 AppendSession call that was completed by its client. */
    public void session() {
        sessions.increment();
    }

    /** One stream's request within a v2 session. */
    public void sessionStream() {
        sessionStreams.increment();
    }

    /** Events a v2 session committed. */
    public void sessionEvents(int count) {
        sessionEvents.add(count);
    }

    /** A bounded read (not a subscription) of a stream ({@code all == false}) or of {@code $all}. */
    public void read(boolean all) {
        (all ? allReads : streamReads).increment();
    }

    public void catchUpEventDelivered() {
        catchUpEvents.increment();
    }

    public void persistentEventDelivered(String group) {
        group(group).delivered.increment();
    }

    public void acks(String group, int count) {
        group(group).acks.add(count);
    }

    public void nacks(String group, int count) {
        group(group).nacks.add(count);
    }

    private Group group(String name) {
        return groups.computeIfAbsent(name, n -> new Group());
    }

    /** Starts counting again from zero, now. */
    public void reset() {
        for (LongAdder adder : new LongAdder[] {appendRequests, eventsAppended, sessions, sessionStreams, sessionEvents,
                metadataWrites, streamReads, allReads, catchUpEvents}) {
            adder.reset();
        }
        groups.clear();
        since = clock.instant();
    }

    /** The counts as a JSON object; persistent subscription groups are named {@code stream::group}. */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("since", since.toString());
        root.putObject("append").put("requests", appendRequests.sum()).put("events", eventsAppended.sum());
        root.putObject("appendSession").put("sessions", sessions.sum()).put("streams", sessionStreams.sum())
                .put("events", sessionEvents.sum());
        root.put("metadataWrites", metadataWrites.sum());
        root.putObject("reads").put("stream", streamReads.sum()).put("all", allReads.sum());
        root.putObject("catchUp").put("eventsDelivered", catchUpEvents.sum());
        ObjectNode persistent = root.putObject("persistent");
        new TreeMap<>(groups).forEach((name, group) -> persistent.putObject(name)
                .put("eventsDelivered", group.delivered.sum()).put("acks", group.acks.sum())
                .put("nacks", group.nacks.sum()));
        return root.toString();
    }

    private static final class Group {
        final LongAdder delivered = new LongAdder();
        final LongAdder acks = new LongAdder();
        final LongAdder nacks = new LongAdder();
    }
}
