package com.paystream.emulator.grpc;

import com.google.protobuf.InvalidProtocolBufferException;
import com.paystream.emulator.auth.AccessControl;
import com.paystream.emulator.auth.Authentication;
import com.paystream.emulator.auth.Principal;
import com.paystream.emulator.stats.MessageCounter;
import com.paystream.emulator.store.AppendOutcome;
import com.paystream.emulator.store.CommittedEvent;
import com.paystream.emulator.store.ExpectedRevision;
import com.paystream.emulator.store.ProposedEvent;
import com.paystream.emulator.store.ResolvedEvent;
import com.paystream.emulator.store.StreamAcl.Action;
import com.paystream.emulator.store.StreamDatabase;
import com.paystream.emulator.store.StreamRead;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.kurrent.dbclient.proto.shared.Shared;
import io.kurrent.dbclient.proto.streams.StreamsGrpc;
import io.kurrent.dbclient.proto.streams.StreamsOuterClass.AppendReq;
import io.kurrent.dbclient.proto.streams.StreamsOuterClass.AppendResp;
import io.kurrent.dbclient.proto.streams.StreamsOuterClass.DeleteReq;
import io.kurrent.dbclient.proto.streams.StreamsOuterClass.DeleteResp;
import io.kurrent.dbclient.proto.streams.StreamsOuterClass.ReadReq;
import io.kurrent.dbclient.proto.streams.StreamsOuterClass.ReadResp;
import io.kurrent.dbclient.proto.streams.StreamsOuterClass.TombstoneReq;
import io.kurrent.dbclient.proto.streams.StreamsOuterClass.TombstoneResp;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.LongFunction;
import java.util.function.Predicate;

/** {@code event_store.client.streams.Streams}: append, read (and catch-up subscriptions), delete, tombstone. */
public final class StreamsService extends StreamsGrpc.StreamsImplBase {
    private static final int MAX_SCAN = 4096;

    private final StreamDatabase store;
    private final Executor executor;
    private final AccessControl access;
    private final MessageCounter counter;

    public StreamsService(StreamDatabase store, Executor executor) {
        this(store, executor, AccessControl.insecure(store), new MessageCounter());
    }

    public StreamsService(StreamDatabase store, Executor executor, AccessControl access, MessageCounter counter) {
        this.store = store;
        this.executor = executor;
        this.access = access;
        this.counter = counter;
    }

    // --------------------------------------------------------------------------------------------------- append

    @Override
    public StreamObserver<AppendReq> append(StreamObserver<AppendResp> responses) {
        Principal caller = Authentication.current();
        return new StreamObserver<>() {
            private String stream;
            private long expected = ExpectedRevision.ANY;
            private final List<ProposedEvent> events = new ArrayList<>();
            private StatusRuntimeException invalid;

            @Override
            public void onNext(AppendReq request) {
                if (invalid != null) {
                    return;
                }
                if (request.hasOptions()) {
                    AppendReq.Options options = request.getOptions();
                    stream = Wire.streamName(options.getStreamIdentifier());
                    expected = switch (options.getExpectedStreamRevisionCase()) {
                        case REVISION -> options.getRevision();
                        case NO_STREAM -> ExpectedRevision.NO_STREAM;
                        case STREAM_EXISTS -> ExpectedRevision.STREAM_EXISTS;
                        default -> ExpectedRevision.ANY;
                    };
                    if (!access.allowed(caller, stream, Action.WRITE)) {
                        invalid = Wire.accessDenied();
                    }
                } else if (request.hasProposedMessage()) {
                    AppendReq.ProposedMessage message = request.getProposedMessage();
                    String type = message.getMetadataMap().get("type");
                    if (type == null || type.isEmpty()) {
                        invalid = Wire.invalidArgument("Every proposed event needs a 'type' in its metadata");
                        return;
                    }
                    if (!message.hasId()) {
                        invalid = Wire.invalidArgument("Every proposed event needs an id");
                        return;
                    }
                    boolean json = "application/json".equals(message.getMetadataMap().get("content-type"));
                    events.add(new ProposedEvent(Wire.uuid(message.getId()), type, json,
                            message.getData().toByteArray(), message.getCustomMetadata().toByteArray()));
                }
            }

            @Override
            public void onError(Throwable t) {
                // the client gave up: nothing was written
            }

            @Override
            public void onCompleted() {
                if (invalid != null) {
                    responses.onError(invalid);
                    return;
                }
                if (stream == null) {
                    responses.onError(Wire.invalidArgument("An append starts with its options"));
                    return;
                }
                String name = stream;
                long expectedRevision = expected;
                boolean metadata = name.startsWith("$$");
                if (metadata) {
                    counter.metadataWrite();
                } else {
                    counter.appendRequest();
                }
                respond(store.append(name, expectedRevision, events), responses, (result, out) -> {
                    AppendResp.Builder resp = AppendResp.newBuilder();
                    if (result instanceof AppendOutcome.Success success) {
                        if (!metadata) {
                            counter.eventsAppended(events.size());
                        }
                        AppendResp.Success.Builder ok = AppendResp.Success.newBuilder();
                        if (success.currentRevision() < 0) {
                            ok.setNoStream(Shared.Empty.getDefaultInstance());
                        } else {
                            ok.setCurrentRevision(success.currentRevision());
                        }
                        if (success.position() < 0) {
                            ok.setNoPosition(Shared.Empty.getDefaultInstance());
                        } else {
                            ok.setPosition(AppendResp.Position.newBuilder().setCommitPosition(success.position())
                                    .setPreparePosition(success.position()));
                        }
                        out.onNext(resp.setSuccess(ok).build());
                        out.onCompleted();
                    } else if (result instanceof AppendOutcome.WrongExpectedVersion wrong) {
                        out.onNext(resp.setWrongExpectedVersion(wrongExpectedVersion(wrong)).build());
                        out.onCompleted();
                    } else {
                        out.onError(failure(result, name));
                    }
                });
            }
        };
    }

    private static AppendResp.WrongExpectedVersion wrongExpectedVersion(AppendOutcome.WrongExpectedVersion wrong) {
        AppendResp.WrongExpectedVersion.Builder builder = AppendResp.WrongExpectedVersion.newBuilder();
        Shared.Empty empty = Shared.Empty.getDefaultInstance();
        if (wrong.currentRevision() < 0) {
            builder.setCurrentNoStream(empty).setNoStream2060(empty);
        } else {
            builder.setCurrentRevision(wrong.currentRevision()).setCurrentRevision2060(wrong.currentRevision());
        }
        long expected = wrong.expected();
        if (expected == ExpectedRevision.ANY) {
            builder.setExpectedAny(empty).setAny2060(empty);
        } else if (expected == ExpectedRevision.STREAM_EXISTS) {
            builder.setExpectedStreamExists(empty).setStreamExists2060(empty);
        } else if (expected == ExpectedRevision.NO_STREAM) {
            builder.setExpectedNoStream(empty);
        } else {
            builder.setExpectedRevision(expected).setExpectedRevision2060(expected);
        }
        return builder.build();
    }

    private static StatusRuntimeException failure(AppendOutcome result, String stream) {
        if (result instanceof AppendOutcome.StreamDeleted) {
            return Wire.streamDeleted(stream);
        }
        if (result instanceof AppendOutcome.Rejected rejected) {
            return Wire.invalidArgument(rejected.reason());
        }
        return Status.INTERNAL.withDescription("Unexpected result " + result).asRuntimeException();
    }

    private static <T> void respond(CompletableFuture<AppendOutcome> future, StreamObserver<T> out,
                                    BiConsumer<AppendOutcome, StreamObserver<T>> onResult) {
        future.whenComplete((result, error) -> {
            if (error != null) {
                out.onError(Status.UNAVAILABLE.withDescription("The store could not write: " + error.getMessage())
                        .asRuntimeException());
            } else {
                onResult.accept(result, out);
            }
        });
    }

    // --------------------------------------------------------------------------------------------- delete

    @Override
    public void delete(DeleteReq request, StreamObserver<DeleteResp> responses) {
        deleteStream(request.getOptions(), false, responses, position -> DeleteResp.newBuilder()
                .setPosition(DeleteResp.Position.newBuilder().setCommitPosition(position)
                        .setPreparePosition(position)).build());
    }

    @Override
    public void tombstone(TombstoneReq request, StreamObserver<TombstoneResp> responses) {
        DeleteReq.Options options;
        try {
            // TombstoneReq.Options carries the same fields under the same numbers as DeleteReq.Options
            options = DeleteReq.Options.parseFrom(request.getOptions().toByteString());
        } catch (InvalidProtocolBufferException e) {
            responses.onError(Wire.invalidArgument("Malformed tombstone options: " + e.getMessage()));
            return;
        }
        deleteStream(options, true, responses, position -> TombstoneResp.newBuilder()
                .setPosition(TombstoneResp.Position.newBuilder().setCommitPosition(position)
                        .setPreparePosition(position)).build());
    }

    private <T> void deleteStream(DeleteReq.Options options, boolean tombstone, StreamObserver<T> responses,
                                  LongFunction<T> success) {
        long expected = switch (options.getExpectedStreamRevisionCase()) {
            case REVISION -> options.getRevision();
            case NO_STREAM -> ExpectedRevision.NO_STREAM;
            case STREAM_EXISTS -> ExpectedRevision.STREAM_EXISTS;
            default -> ExpectedRevision.ANY;
        };
        String stream = Wire.streamName(options.getStreamIdentifier());
        if (!access.allowed(Authentication.current(), stream, Action.DELETE)) {
            responses.onError(Wire.accessDenied());
            return;
        }
        respond(store.delete(stream, expected, tombstone), responses, (result, out) -> {
            if (result instanceof AppendOutcome.Success ok) {
                out.onNext(success.apply(ok.position()));
                out.onCompleted();
            } else {
                out.onError(deleteFailure(result, stream));
            }
        });
    }

    private static StatusRuntimeException deleteFailure(AppendOutcome result, String stream) {
        if (result instanceof AppendOutcome.WrongExpectedVersion wrong) {
            return Wire.wrongExpectedVersion(stream, wrong.expected(), wrong.currentRevision());
        }
        return failure(result, stream);
    }

    // ----------------------------------------------------------------------------------------------- read

    @Override
    public void read(ReadReq request, StreamObserver<ReadResp> responses) {
        ReadReq.Options options = request.getOptions();
        ServerCallStreamObserver<ReadResp> out = (ServerCallStreamObserver<ReadResp>) responses;
        boolean structured = !options.getUuidOption().hasString();
        boolean forwards = options.getReadDirection() == ReadReq.Options.ReadDirection.Forwards;
        boolean subscription = options.hasSubscription();
        if (subscription && !forwards) {
            out.onError(Wire.invalidArgument("Subscriptions read forwards only"));
            return;
        }
        long count = subscription ? Long.MAX_VALUE : options.getCount();
        Principal caller = Authentication.current();
        String target = options.hasStream() ? Wire.streamName(options.getStream().getStreamIdentifier()) : "$all";
        if (!access.allowed(caller, target, Action.READ)) {
            out.onError(Wire.accessDenied());
            return;
        }
        ReadSession.Cursor cursor;
        Shared.StreamIdentifier identifier = null;
        try {
            if (options.hasStream()) {
                ReadReq.Options.StreamOptions streamOptions = options.getStream();
                identifier = streamOptions.getStreamIdentifier();
                cursor = streamCursor(Wire.streamName(identifier), streamOptions, forwards, subscription,
                        options.getResolveLinks(), structured, access.readableBy(caller));
            } else {
                cursor = allCursor(options.getAll(), forwards, subscription, options.getResolveLinks(), structured,
                        EventFilter.of(options), access.readableBy(caller));
            }
        } catch (StatusRuntimeException e) {
            out.onError(e);
            return;
        }
        if (!subscription) {
            counter.read(!options.hasStream());
        }
        new ReadSession(out, store, cursor, subscription, count, identifier, executor,
                subscription ? counter::catchUpEventDelivered : () -> { }).start();
    }

    private ReadSession.Cursor streamCursor(String stream, ReadReq.Options.StreamOptions options, boolean forwards,
                                            boolean subscription, boolean resolveLinks, boolean structured,
                                            Predicate<String> mayRead) {
        long[] next = new long[1]; // -1 reading backwards means "from the end"
        boolean[] exhausted = new boolean[1];
        switch (options.getRevisionOptionCase()) {
            case REVISION -> next[0] = subscription ? options.getRevision() + 1 : options.getRevision();
            case END -> {
                next[0] = subscription ? store.lastRevision(stream) + 1 : -1;
                exhausted[0] = forwards && !subscription;
            }
            default -> exhausted[0] = !forwards;
        }
        return new ReadSession.Cursor() {
            @Override
            public ReadSession.Chunk next(int max) {
                if (exhausted[0]) {
                    StreamRead probe = store.readStream(stream, 0, true, 0, false);
                    return probe instanceof StreamRead.Events ? new ReadSession.Chunk(List.of(), false)
                            : notFoundOrDeleted(probe, stream);
                }
                StreamRead read = store.readStream(stream, next[0], forwards, max, resolveLinks);
                if (!(read instanceof StreamRead.Events events)) {
                    return notFoundOrDeleted(read, stream);
                }
                List<ReadResp> messages = new ArrayList<>(events.events().size());
                for (ResolvedEvent event : events.events()) {
                    messages.add(event(event.visibleTo(mayRead), structured));
                    long revision = event.original().revision();
                    next[0] = forwards ? revision + 1 : revision - 1;
                    exhausted[0] = !forwards && revision == 0;
                }
                return new ReadSession.Chunk(messages, false);
            }

            @Override
            public void checkpoint(ReadResp.CaughtUp.Builder caughtUp) {
                // subscriptions read forwards: the last revision gone past is the one before the next
                if (next[0] > 0) {
                    caughtUp.setStreamRevision(next[0] - 1);
                }
            }
        };
    }

    private static ReadSession.Chunk notFoundOrDeleted(StreamRead read, String stream) {
        if (read instanceof StreamRead.Deleted) {
            throw Wire.streamDeleted(stream);
        }
        return ReadSession.Chunk.NOT_FOUND;
    }

    private ReadSession.Cursor allCursor(ReadReq.Options.AllOptions options, boolean forwards, boolean subscription,
                                         boolean resolveLinks, boolean structured, EventFilter filter,
                                         Predicate<String> mayRead) {
        int startIndex;
        switch (options.getAllOptionCase()) {
            case POSITION -> {
                long position = options.getPosition().getCommitPosition();
                if (subscription) {
                    startIndex = store.allIndexAtOrAfter(position + 1);
                } else if (forwards) {
                    startIndex = store.allIndexAtOrAfter(position);
                } else {
                    startIndex = store.allIndexAtOrAfter(position) - 1;
                }
            }
            case END -> startIndex = forwards ? store.allSize() : store.allSize() - 1;
            default -> startIndex = forwards ? 0 : -1;
        }
        int[] next = {startIndex};
        int[] sinceCheckpoint = {0};
        return new ReadSession.Cursor() {
            @Override
            public ReadSession.Chunk next(int max) {
                List<ReadResp> messages = new ArrayList<>();
                int events = 0;
                int scanned = 0;
                int size = store.allSize();
                while (events < max && scanned < MAX_SCAN && (forwards ? next[0] < size : next[0] >= 0)) {
                    CommittedEvent event = store.allAt(next[0]);
                    next[0] += forwards ? 1 : -1;
                    scanned++;
                    if (filter.test(event)) {
                        messages.add(event(resolveLinks ? store.resolve(event).visibleTo(mayRead)
                                : new ResolvedEvent(event, null), structured));
                        events++;
                    }
                    if (subscription && filter != EventFilter.NONE && ++sinceCheckpoint[0] >= filter
                            .checkpointInterval()) {
                        sinceCheckpoint[0] = 0;
                        messages.add(ReadResp.newBuilder().setCheckpoint(ReadResp.Checkpoint.newBuilder()
                                .setCommitPosition(event.position()).setPreparePosition(event.position())).build());
                    }
                }
                boolean more = scanned >= MAX_SCAN && (forwards ? next[0] < size : next[0] >= 0);
                return new ReadSession.Chunk(messages, more);
            }

            @Override
            public void checkpoint(ReadResp.CaughtUp.Builder caughtUp) {
                if (next[0] > 0) {
                    long position = store.allAt(next[0] - 1).position();
                    caughtUp.setPosition(ReadResp.Position.newBuilder().setCommitPosition(position)
                            .setPreparePosition(position));
                }
            }
        };
    }

    private static ReadResp event(ResolvedEvent resolved, boolean structured) {
        ReadResp.ReadEvent.Builder event = ReadResp.ReadEvent.newBuilder()
                .setEvent(Wire.recorded(resolved.event(), structured))
                .setCommitPosition(resolved.original().position());
        if (resolved.link() != null) {
            event.setLink(Wire.recorded(resolved.link(), structured));
        }
        return ReadResp.newBuilder().setEvent(event).build();
    }
}
