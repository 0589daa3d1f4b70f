package com.paystream.infrastructure.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.paystream.events.EventJson;
import com.paystream.events.PaymentEvent;
import com.paystream.infrastructure.client.EventStoreClients;
import com.paystream.infrastructure.client.StoreFailures;
import io.kurrent.dbclient.AppendResponse;
import io.kurrent.dbclient.AppendStreamRequest;
import io.kurrent.dbclient.AppendToStreamOptions;
import io.kurrent.dbclient.EventData;
import io.kurrent.dbclient.MultiStreamAppendResponse;
import io.kurrent.dbclient.ReadResult;
import io.kurrent.dbclient.ReadStreamOptions;
import io.kurrent.dbclient.RecordedEvent;
import io.kurrent.dbclient.ResolvedEvent;
import io.kurrent.dbclient.StreamNotFoundException;
import io.kurrent.dbclient.StreamState;
import io.kurrent.dbclient.WriteResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Loads and appends streams. Loads read a whole stream forwards and deserialise every event (an unreadable one
 * throws {@code UnreadableEventException}: it is never skipped); appends carry an expected revision, deterministic
 * ids and the metadata {@code $correlationId}, {@code $causationId}, {@code schemaVersion}.
 *
 * <p>Failures: {@link RevisionConflictException} when the stream moved, {@link StoreUnavailableException} when the
 * store cannot be reached, {@link StoreAccessDeniedException} when it refuses this service.
 */
@ApplicationScoped
public class EventStore {
    private static final int PAGE = 1000;

    private final EventStoreClients clients;
    private final PrivateStreams privateStreams;

    @Inject
    public EventStore(EventStoreClients clients, PrivateStreams privateStreams) {
        this.clients = clients;
        this.privateStreams = privateStreams;
    }

    /** A {@code payment-{id}} stream (or any stream of published events). Missing: empty, at no-stream. */
    public LoadedStream<PaymentEvent> load(String stream) {
        return load(stream, PaymentEventCodec.INSTANCE);
    }

    public <E> LoadedStream<E> load(String stream, EventCodec<E> codec) {
        List<StoredEvent<E>> events = read(stream, codec, ReadStreamOptions.get().forwards().fromStart()
                .notResolveLinkTos());
        long revision = events.isEmpty() ? LoadedStream.NO_STREAM : events.get(events.size() - 1).revision();
        return new LoadedStream<>(stream, events, revision);
    }

    /**
     * Up to {@code maxCount} events of a stream, deserialised, forwards from {@code fromRevision}; empty past the end
     * or when the stream does not exist.
     */
    public <E> List<StoredEvent<E>> readForwards(String stream, EventCodec<E> codec, long fromRevision, int maxCount) {
        return read(stream, codec, ReadStreamOptions.get().forwards().fromRevision(fromRevision).maxCount(maxCount)
                .notResolveLinkTos());
    }

    /** Up to {@code maxCount} events of a stream, deserialised, backwards from its end (the newest first). */
    public <E> List<StoredEvent<E>> readBackwardsFromEnd(String stream, EventCodec<E> codec, int maxCount) {
        return read(stream, codec, ReadStreamOptions.get().backwards().fromEnd().maxCount(maxCount)
                .notResolveLinkTos());
    }

    /** Up to {@code maxCount} events of a stream, deserialised, backwards from {@code fromRevision} (included). */
    public <E> List<StoredEvent<E>> readBackwards(String stream, EventCodec<E> codec, long fromRevision,
                                                  int maxCount) {
        return read(stream, codec, ReadStreamOptions.get().backwards().fromRevision(fromRevision).maxCount(maxCount)
                .notResolveLinkTos());
    }

    /**
     * Shows {@code visitor} a stream's events forwards from {@code fromRevision}, read a page at a time, until it
     * answers false or the stream ends (nothing when the stream does not exist).
     */
    public <E> void forEachForwards(String stream, EventCodec<E> codec, long fromRevision,
                                    Predicate<StoredEvent<E>> visitor) {
        long next = fromRevision;
        while (true) {
            List<StoredEvent<E>> page = readForwards(stream, codec, next, PAGE);
            for (StoredEvent<E> stored : page) {
                if (!visitor.test(stored)) {
                    return;
                }
            }
            if (page.size() < PAGE) {
                return;
            }
            next = page.get(page.size() - 1).revision() + 1;
        }
    }

    private <E> List<StoredEvent<E>> read(String stream, EventCodec<E> codec, ReadStreamOptions options) {
        List<RecordedEvent> recorded = records(stream, options);
        List<StoredEvent<E>> events = new ArrayList<>(recorded.size());
        for (RecordedEvent event : recorded) {
            events.add(toStored(event, codec.deserialize(event.getEventType(), event.getEventData())));
        }
        return events;
    }

    /** The events a read returns, links not resolved; none when the stream does not exist. */
    private List<RecordedEvent> records(String stream, ReadStreamOptions options) {
        ReadResult result;
        try {
            result = clients.call(client -> client.readStream(stream, options));
        } catch (StreamNotFoundException e) {
            return List.of();
        }
        List<RecordedEvent> events = new ArrayList<>(result.getEvents().size());
        for (ResolvedEvent resolved : result.getEvents()) {
            events.add(resolved.getEvent());
        }
        return events;
    }

    /**
     * Up to {@code limit} events of a stream from {@code fromRevision}, raw (links not resolved): a history page that
     * shows every event, even one no code can read any more. A missing stream gives an empty page.
     */
    public RawEventPage readPage(String stream, long fromRevision, int limit) {
        if (fromRevision < 0 || limit < 1) {
            throw new IllegalArgumentException("A page starts at revision 0 or more and holds 1 event or more");
        }
        List<RawEvent> events = new ArrayList<>(limit);
        Long next = null;
        for (RecordedEvent recorded : records(stream, ReadStreamOptions.get().forwards().fromRevision(fromRevision)
                .maxCount(limit + 1L).notResolveLinkTos())) {
            if (events.size() == limit) {
                next = recorded.getRevision();
                break;
            }
            events.add(raw(recorded));
        }
        return new RawEventPage(stream, events, next);
    }

    /** One recorded event as it is stored, its data as JSON when it is JSON. */
    public static RawEvent raw(RecordedEvent recorded) {
        EventMetadata metadata = EventMetadata.parse(recorded.getUserMetadata());
        JsonNode data = null;
        String rawData = null;
        try {
            data = EventJson.mapper().readTree(recorded.getEventData());
        } catch (IOException e) {
            rawData = new String(recorded.getEventData(), StandardCharsets.UTF_8);
        }
        return new RawEvent(recorded.getStreamId(), recorded.getRevision(), recorded.getEventId(),
                recorded.getEventType(), recorded.getCreated(), metadata.correlationId(), metadata.causationId(),
                data, rawData);
    }

    /** Appends published events; see {@link #append(String, Expected, Causation, List, EventCodec)}. */
    public AppendResult append(String stream, Expected expected, Causation cause,
                               List<? extends PaymentEvent> events) {
        return append(stream, expected, cause, events, PaymentEventCodec.INSTANCE);
    }

    /**
     * Appends {@code events} if the stream is at {@code expected}. Their ids derive from {@code cause}: appending
     * the same events for the same cause at the same revision again is a success that writes nothing.
     *
     * @throws RevisionConflictException  when the stream is elsewhere
     * @throws StoreUnavailableException when the store cannot be reached
     */
    public <E> AppendResult append(String stream, Expected expected, Causation cause, List<? extends E> events,
                                   EventCodec<E> codec) {
        return append(StreamWrite.of(stream, expected, cause, events, codec));
    }

    /**
     * Low level: appends ready-made {@link EventData} (used by tests, for events no codec would write), translating
     * failures.
     */
    public AppendResult appendRaw(String stream, Expected expected, List<EventData> events) {
        return append(StreamWrite.raw(stream, expected, events));
    }

    /**
     * Appends one stream's events. A stream outside the shared payment streams is made private to this service
     * ({@link PrivateStreams}): a new one gets its access control list in the same atomic write as its first events,
     * so no stream ever exists without it.
     */
    public AppendResult append(StreamWrite write) {
        if (write.expected() instanceof Expected.NoStream && privateStreams.unprotected(write.stream())) {
            try {
                return appendAtomically(write).get(0);
            } catch (RevisionConflictException existsAlready) {
                // the stream or its metadata is there (a repeat of this write, a stream of an earlier release):
                // answered below as any existing stream is, so a repeat with the same ids is still a success
            }
        }
        WriteResult result;
        try {
            privateStreams.protect(write.stream());
            result = clients.call(client -> client.appendToStream(write.stream(),
                    AppendToStreamOptions.get().streamState(toClient(write.expected())), write.events().iterator()));
        } catch (RuntimeException e) {
            throw StoreFailures.translate(e);
        }
        return new AppendResult(write.stream(), result.getNextExpectedRevision().toRawLong(),
                result.getLogPosition().getCommitUnsigned());
    }

    /**
     * Appends to several streams in one atomic write (KurrentDB's multi-stream append): all of them or none, each
     * checked against its expected revision. A new private stream gets its access control list in the same write. A
     * repeat meets the first write as a {@link RevisionConflictException} naming the stream that moved; nothing of it
     * is written.
     *
     * @return what was appended to each stream, in the order given
     * @throws RevisionConflictException  when a stream is not where its write expects it (nothing is written)
     * @throws StoreUnavailableException when the store cannot be reached
     */
    public List<AppendResult> appendAtomically(StreamWrite... writes) {
        if (writes.length == 0) {
            throw new IllegalArgumentException("Nothing to append");
        }
        Set<String> gettingAcl = new LinkedHashSet<>();
        for (StreamWrite write : writes) {
            if (write.expected() instanceof Expected.NoStream && privateStreams.unprotected(write.stream())) {
                gettingAcl.add(write.stream());
            } else {
                privateStreams.protect(write.stream());
            }
        }
        MultiStreamAppendResponse response;
        try {
            // the requests made anew for each attempt (a call refused by a former leader is made again): the
            // client reads a request's events from an iterator, which the first attempt used up
            response = clients.call(client -> client.multiStreamAppend(requests(writes, gettingAcl).iterator()));
        } catch (RuntimeException e) {
            RuntimeException failure = StoreFailures.translate(e);
            if (failure instanceof RevisionConflictException conflict && conflict.stream() != null
                    && conflict.stream().startsWith("$$") && gettingAcl.contains(conflict.stream().substring(2))) {
                // metadata written before (an earlier release, an operator): keep it, add the ACL, write again
                privateStreams.protect(conflict.stream().substring(2));
                return appendAtomically(writes);
            }
            throw failure;
        }
        gettingAcl.forEach(privateStreams::protectedNow);
        List<AppendResult> results = new ArrayList<>(writes.length);
        for (StreamWrite write : writes) {
            long revision = response.getResults().stream().filter(r -> r.getStream().equals(write.stream()))
                    .mapToLong(AppendResponse::getStreamRevision).findFirst()
                    .orElseThrow(() -> new IllegalStateException("The store did not answer for " + write.stream()));
            results.add(new AppendResult(write.stream(), revision, response.getPosition()));
        }
        return results;
    }

    /** The session's requests: each stream's events, after its access list when it is a new private stream. */
    private List<AppendStreamRequest> requests(StreamWrite[] writes, Set<String> gettingAcl) {
        List<AppendStreamRequest> requests = new ArrayList<>(writes.length * 2);
        for (StreamWrite write : writes) {
            if (gettingAcl.contains(write.stream())) {
                requests.add(privateStreams.aclForNewStream(write.stream()));
            }
            requests.add(new AppendStreamRequest(write.stream(), write.events().iterator(),
                    toClient(write.expected())));
        }
        return requests;
    }

    /** The one place an {@link Expected} becomes the client's expected revision. */
    private static StreamState toClient(Expected expected) {
        if (expected instanceof Expected.At at) {
            return StreamState.streamRevision(at.revision());
        }
        if (expected instanceof Expected.NoStream) {
            return StreamState.noStream();
        }
        if (expected instanceof Expected.StreamExists) {
            return StreamState.streamExists();
        }
        if (expected instanceof Expected.Any) {
            return StreamState.any();
        }
        throw new IllegalArgumentException("No expected revision: " + expected);
    }

    static <E> StoredEvent<E> toStored(RecordedEvent recorded, E event) {
        return new StoredEvent<>(recorded.getEventId(), recorded.getStreamId(), recorded.getRevision(),
                recorded.getEventType(), event, EventMetadata.parse(recorded.getUserMetadata()),
                recorded.getCreated());
    }
}
