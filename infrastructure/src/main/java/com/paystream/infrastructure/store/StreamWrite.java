package com.paystream.infrastructure.store;

import com.paystream.events.PaymentEvent;
import io.kurrent.dbclient.EventData;
import io.kurrent.dbclient.EventDataBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One stream's part of a write: its events, encoded, and where the stream is expected to be. Event ids derive from
 * the cause ({@link EventIds}), metadata as {@link EventMetadata}. Several go to the store in one atomic
 * {@link EventStore#appendAtomically} (all or none), one in {@link EventStore#append}.
 */
public final class StreamWrite {
    private final String stream;
    private final Expected expected;
    private final List<EventData> events;

    private StreamWrite(String stream, Expected expected, List<EventData> events) {
        this.stream = Objects.requireNonNull(stream, "stream");
        this.expected = Objects.requireNonNull(expected, "expected");
        if (events.isEmpty()) {
            throw new IllegalArgumentException("Nothing to append to " + stream);
        }
        this.events = List.copyOf(events);
    }

    /** Published events for {@code stream} at {@code expected}. */
    public static StreamWrite of(String stream, Expected expected, Causation cause,
                                 List<? extends PaymentEvent> events) {
        return of(stream, expected, cause, events, PaymentEventCodec.INSTANCE);
    }

    /** Events of any family for {@code stream} at {@code expected}, stored by {@code codec}. */
    public static <E> StreamWrite of(String stream, Expected expected, Causation cause, List<? extends E> events,
                                     EventCodec<E> codec) {
        List<EventData> data = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            E event = events.get(i);
            String type = codec.typeName(event);
            EventMetadata metadata = new EventMetadata(cause.correlationId(), cause.causationId(),
                    codec.schemaVersion(event));
            data.add(EventDataBuilder.json(EventIds.of(cause, stream, i, type), type, codec.serialize(event))
                    .metadataAsBytes(metadata.toJson())
                    .build());
        }
        return new StreamWrite(stream, expected, data);
    }

    /** Ready-made events (tests; events no codec would write). */
    static StreamWrite raw(String stream, Expected expected, List<EventData> events) {
        return new StreamWrite(stream, expected, events);
    }

    public String stream() {
        return stream;
    }

    public Expected expected() {
        return expected;
    }

    List<EventData> events() {
        return events;
    }

    @Override
    public String toString() {
        return events.size() + " event(s) to " + stream + " at " + expected;
    }
}
