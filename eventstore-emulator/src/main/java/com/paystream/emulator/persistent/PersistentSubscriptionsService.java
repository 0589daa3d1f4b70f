package com.paystream.emulator.persistent;

import com.google.protobuf.InvalidProtocolBufferException;
import com.paystream.emulator.auth.AccessControl;
import com.paystream.emulator.auth.Authentication;
import com.paystream.emulator.auth.Principal;
import com.paystream.emulator.cluster.Cluster;
import com.paystream.emulator.grpc.Wire;
import com.paystream.emulator.persistent.GroupDefinition.GroupKey;
import com.paystream.emulator.persistent.GroupDefinition.Settings;
import com.paystream.emulator.persistent.GroupDefinition.Start;
import com.paystream.emulator.stats.MessageCounter;
import com.paystream.emulator.store.StreamAcl.Action;
import com.paystream.emulator.store.StreamDatabase;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.kurrent.dbclient.proto.persistentsubscriptions.Persistent.CreateReq;
import io.kurrent.dbclient.proto.persistentsubscriptions.Persistent.CreateResp;
import io.kurrent.dbclient.proto.persistentsubscriptions.Persistent.DeleteReq;
import io.kurrent.dbclient.proto.persistentsubscriptions.Persistent.DeleteResp;
import io.kurrent.dbclient.proto.persistentsubscriptions.Persistent.GetInfoReq;
import io.kurrent.dbclient.proto.persistentsubscriptions.Persistent.GetInfoResp;
import io.kurrent.dbclient.proto.persistentsubscriptions.Persistent.ListReq;
import io.kurrent.dbclient.proto.persistentsubscriptions.Persistent.ListResp;
import io.kurrent.dbclient.proto.persistentsubscriptions.Persistent.ReadReq;
import io.kurrent.dbclient.proto.persistentsubscriptions.Persistent.ReadResp;
import io.kurrent.dbclient.proto.persistentsubscriptions.Persistent.ReplayParkedReq;
import io.kurrent.dbclient.proto.persistentsubscriptions.Persistent.ReplayParkedResp;
import io.kurrent.dbclient.proto.persistentsubscriptions.Persistent.UpdateReq;
import io.kurrent.dbclient.proto.persistentsubscriptions.Persistent.UpdateResp;
import io.kurrent.dbclient.proto.persistentsubscriptions.PersistentSubscriptionsGrpc;
import io.kurrent.dbclient.proto.shared.Shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * {@code event_store.client.persistent_subscriptions.PersistentSubscriptions}: consumer groups on a stream or on
 * {@code $all}, with acks, nacks (park, retry, skip), consumer strategies, checkpoints, parked-message replay, info
 * and list. Group definitions and checkpoints are events in the store, so a durable emulator keeps them. Only the
 * leader of the {@link Cluster} serves them: when the leader changes, every consumer is dropped and each group starts
 * again from its last checkpoint, as the real server's persistent subscriptions stop on the old leader and start on
 * the new one.
 */
public final class PersistentSubscriptionsService extends PersistentSubscriptionsGrpc.PersistentSubscriptionsImplBase {
    private static final Metadata.Key<String> EXCEPTION =
            Metadata.Key.of("exception", Metadata.ASCII_STRING_MARSHALLER);
    private static final Set<String> STRATEGIES = Set.of("RoundRobin", "DispatchToSingle", "Pinned",
            "PinnedByCorrelation");
    private static final int DEFAULT_BUFFER_SIZE = 10;

    private final PersistentSubscriptions subscriptions;
    private final AccessControl access;
    private final MessageCounter counter;
    private final AtomicLong connectionNumbers = new AtomicLong();
    private final Cluster cluster;

    public PersistentSubscriptionsService(StreamDatabase store, Executor executor) {
        this(store, executor, AccessControl.insecure(store), new MessageCounter(), Cluster.singleNode());
    }

    public PersistentSubscriptionsService(StreamDatabase store, Executor executor, AccessControl access,
                                          MessageCounter counter, Cluster cluster) {
        this.subscriptions = new PersistentSubscriptions(store, executor);
        this.access = access;
        this.counter = counter;
        this.cluster = cluster;
        cluster.onLeaderChange(subscriptions::leaderChanged);
    }

    /** Managing groups is for {@code $ops} and {@code $admins}; looking at them for any signed-in caller. */
    private boolean refused(boolean manage, StreamObserver<?> responses) {
        Principal caller = Authentication.current();
        if (manage ? access.mayManageSubscriptions(caller) : access.signedIn(caller)) {
            return false;
        }
        responses.onError(Wire.accessDenied());
        return true;
    }

    // ------------------------------------------------------------------------------------------ create / update

    @Override
    @SuppressWarnings("deprecation")
    public void create(CreateReq request, StreamObserver<CreateResp> responses) {
        if (refused(true, responses)) {
            return;
        }
        unaryAsync(responses, CreateResp.getDefaultInstance(), () -> {
            CreateReq.Options options = request.getOptions();
            String group = groupName(options.getGroupName());
            Declaration declared = declaration(options, "Create");
            if (declared.filter() != null) {
                declared.filter().toFilter(); // rejects a bad regex now, not at the first read
            }
            GroupDefinition definition = new GroupDefinition(declared.stream(), group, declared.start(),
                    subscriptions.resolveStart(declared.stream(), declared.start()), declared.filter(),
                    declared.settings());
            CompletableFuture<Void> created = subscriptions.create(definition);
            if (created == null) {
                throw alreadyExists(declared.stream(), group);
            }
            return created;
        });
    }

    @Override
    public void update(UpdateReq request, StreamObserver<UpdateResp> responses) {
        if (refused(true, responses)) {
            return;
        }
        unaryAsync(responses, UpdateResp.getDefaultInstance(), () -> {
            CreateReq.Options options = asCreateOptions(request.getOptions());
            String group = groupName(options.getGroupName());
            Declaration declared = declaration(options, "Update");
            CompletableFuture<Void> updated = subscriptions.update(new GroupKey(declared.stream(), group),
                    declared.start(), declared.settings());
            if (updated == null) {
                throw notFound(declared.stream(), group);
            }
            return updated;
        });
    }

    /**
     * {@code UpdateReq.Options} is {@code CreateReq.Options} without the {@code $all} filter and the string consumer
     * strategy, under the same field numbers: read through the create message, one parser serves both.
     */
    private static CreateReq.Options asCreateOptions(UpdateReq.Options options) {
        try {
            return CreateReq.Options.parseFrom(options.toByteString());
        } catch (InvalidProtocolBufferException e) {
            throw Wire.invalidArgument("Malformed update options: " + e.getMessage());
        }
    }

    /** What a create or update declares: the source, where to start, the filter and the settings. */
    private record Declaration(String stream, Start start, GroupDefinition.FilterSpec filter, Settings settings) {
    }

    private static Declaration declaration(CreateReq.Options options, String verb) {
        String stream;
        Start start;
        GroupDefinition.FilterSpec filter = null;
        switch (options.getStreamOptionCase()) {
            case STREAM -> {
                CreateReq.StreamOptions streamOptions = options.getStream();
                stream = streamName(streamOptions.getStreamIdentifier());
                start = switch (streamOptions.getRevisionOptionCase()) {
                    case REVISION -> at(streamOptions.getRevision(), 0);
                    case START -> Start.start();
                    default -> Start.end();
                };
            }
            case ALL -> {
                CreateReq.AllOptions all = options.getAll();
                stream = GroupDefinition.ALL;
                start = switch (all.getAllOptionCase()) {
                    case POSITION -> new Start(Start.Kind.AT, all.getPosition().getCommitPosition(),
                            all.getPosition().getPreparePosition());
                    case START -> Start.start();
                    default -> Start.end();
                };
                if (all.hasFilter()) {
                    filter = filter(all.getFilter());
                }
            }
            default -> {
                if (!options.hasStreamIdentifier()) {
                    throw Wire.invalidArgument(verb + " needs a stream or $all");
                }
                stream = streamName(options.getStreamIdentifier());
                start = at(options.getSettings().getRevision(), 0);
            }
        }
        CreateReq.Settings s = options.getSettings();
        String strategy = s.getConsumerStrategy().isEmpty() ? enumStrategy(s.getNamedConsumerStrategyValue())
                : s.getConsumerStrategy();
        Settings settings = settings(s.getResolveLinks(), s.getExtraStatistics(),
                switch (s.getMessageTimeoutCase()) {
                    case MESSAGE_TIMEOUT_MS -> s.getMessageTimeoutMs();
                    case MESSAGE_TIMEOUT_TICKS -> (int) (s.getMessageTimeoutTicks() / 10_000);
                    default -> 30_000;
                }, s.getMaxRetryCount(),
                switch (s.getCheckpointAfterCase()) {
                    case CHECKPOINT_AFTER_MS -> s.getCheckpointAfterMs();
                    case CHECKPOINT_AFTER_TICKS -> (int) (s.getCheckpointAfterTicks() / 10_000);
                    default -> 2_000;
                }, s.getMinCheckpointCount(), s.getMaxCheckpointCount(), s.getMaxSubscriberCount(),
                s.getLiveBufferSize(), s.getReadBatchSize(), s.getHistoryBufferSize(), strategy);
        return new Declaration(stream, start, filter, settings);
    }

    private static Start at(long value, long prepare) {
        return value == 0 ? Start.start() : new Start(Start.Kind.AT, value, prepare);
    }

    private static String enumStrategy(int value) {
        return switch (value) {
            case 0 -> "DispatchToSingle";
            case 1 -> "RoundRobin";
            case 2 -> "Pinned";
            default -> throw Wire.invalidArgument("Unknown consumer strategy " + value);
        };
    }

    private static Settings settings(boolean resolveLinks, boolean extraStatistics, int messageTimeoutMs,
                                     int maxRetryCount, int checkpointAfterMs, int minCheckpointCount,
                                     int maxCheckpointCount, int maxSubscriberCount, int liveBufferSize,
                                     int readBatchSize, int historyBufferSize, String strategy) {
        if (!STRATEGIES.contains(strategy)) {
            throw Wire.invalidArgument("Unknown consumer strategy '" + strategy + "'");
        }
        requireNonNegative("messageTimeout", messageTimeoutMs);
        requireNonNegative("maxRetryCount", maxRetryCount);
        requireNonNegative("checkpointAfter", checkpointAfterMs);
        requireNonNegative("minCheckpointCount", minCheckpointCount);
        requireNonNegative("maxCheckpointCount", maxCheckpointCount);
        requireNonNegative("maxSubscriberCount", maxSubscriberCount);
        requireNonNegative("liveBufferSize", liveBufferSize);
        requireNonNegative("readBatchSize", readBatchSize);
        requireNonNegative("historyBufferSize", historyBufferSize);
        if (maxCheckpointCount > 0 && minCheckpointCount > maxCheckpointCount) {
            throw Wire.invalidArgument("minCheckpointCount (" + minCheckpointCount
                    + ") must not be greater than maxCheckpointCount (" + maxCheckpointCount + ")");
        }
        return new Settings(resolveLinks, extraStatistics, messageTimeoutMs, maxRetryCount, checkpointAfterMs,
                minCheckpointCount, maxCheckpointCount, maxSubscriberCount, liveBufferSize, readBatchSize,
                historyBufferSize, strategy);
    }

    private static void requireNonNegative(String name, int value) {
        if (value < 0) {
            throw Wire.invalidArgument(name + " must not be negative, was " + value);
        }
    }

    private static GroupDefinition.FilterSpec filter(CreateReq.AllOptions.FilterOptions filter) {
        boolean onStream = filter.hasStreamIdentifier();
        if (!onStream && !filter.hasEventType()) {
            throw Wire.invalidArgument("A filter needs a stream-name or an event-type expression");
        }
        CreateReq.AllOptions.FilterOptions.Expression expression = onStream ? filter.getStreamIdentifier()
                : filter.getEventType();
        return new GroupDefinition.FilterSpec(onStream, expression.getRegex(), List.copyOf(expression.getPrefixList()),
                filter.hasMax() ? filter.getMax() : null, filter.getCheckpointIntervalMultiplier());
    }

    // --------------------------------------------------------------------------------------- delete, info, list

    @Override
    public void delete(DeleteReq request, StreamObserver<DeleteResp> responses) {
        if (refused(true, responses)) {
            return;
        }
        unaryAsync(responses, DeleteResp.getDefaultInstance(), () -> {
            DeleteReq.Options options = request.getOptions();
            GroupKey key = key(options.hasAll(), options.getStreamIdentifier(), options.getGroupName());
            CompletableFuture<Void> deleted = subscriptions.delete(key);
            if (deleted == null) {
                throw notFound(key.stream(), key.group());
            }
            return deleted;
        });
    }

    @Override
    public void getInfo(GetInfoReq request, StreamObserver<GetInfoResp> responses) {
        if (refused(false, responses)) {
            return;
        }
        unary(responses, () -> {
            GetInfoReq.Options options = request.getOptions();
            GroupKey key = key(options.hasAll(), options.getStreamIdentifier(), options.getGroupName());
            return GetInfoResp.newBuilder().setSubscriptionInfo(existing(key).info()).build();
        });
    }

    @Override
    public void list(ListReq request, StreamObserver<ListResp> responses) {
        if (refused(false, responses)) {
            return;
        }
        unary(responses, () -> {
            ListReq.Options options = request.getOptions();
            String stream = null;
            if (options.hasListForStream()) {
                ListReq.StreamOption option = options.getListForStream();
                stream = option.hasAll() ? GroupDefinition.ALL : streamName(option.getStream());
            }
            ListResp.Builder list = ListResp.newBuilder();
            for (SubscriptionGroup group : subscriptions.all()) {
                if (stream == null || stream.equals(group.definition().stream())) {
                    list.addSubscriptions(group.info());
                }
            }
            if (stream != null && list.getSubscriptionsCount() == 0) {
                // the server answers a stream without groups with "not found", not with an empty list
                throw Status.NOT_FOUND.withDescription("No persistent subscriptions on stream '" + stream + "'")
                        .asRuntimeException(trailers("persistent-subscription-does-not-exist"));
            }
            return list.build();
        });
    }

    @Override
    public void replayParked(ReplayParkedReq request, StreamObserver<ReplayParkedResp> responses) {
        if (refused(true, responses)) {
            return;
        }
        unary(responses, () -> {
            ReplayParkedReq.Options options = request.getOptions();
            GroupKey key = key(options.hasAll(), options.getStreamIdentifier(), options.getGroupName());
            SubscriptionGroup group = existing(key);
            if (options.hasStopAt() && options.getStopAt() < 0) {
                throw Wire.invalidArgument("stop_at must not be negative, was " + options.getStopAt());
            }
            group.replayParked(options.hasStopAt() ? options.getStopAt() : null);
            return ReplayParkedResp.getDefaultInstance();
        });
    }

    @Override
    public void restartSubsystem(Shared.Empty request, StreamObserver<Shared.Empty> responses) {
        if (refused(true, responses)) {
            return;
        }
        unary(responses, () -> {
            subscriptions.restartSubsystem();
            return Shared.Empty.getDefaultInstance();
        });
    }

    // ---------------------------------------------------------------------------------------------------- read

    @Override
    public StreamObserver<ReadReq> read(StreamObserver<ReadResp> responses) {
        ServerCallStreamObserver<ReadResp> out = (ServerCallStreamObserver<ReadResp>) responses;
        ReadCall call = new ReadCall(out, Authentication.current(), Cluster.currentNode());
        out.setOnCancelHandler(call::leave);
        out.setOnReadyHandler(call::ready);
        return call;
    }

    /** One consumer's bidirectional call: options first, then acks and nacks. */
    private final class ReadCall implements StreamObserver<ReadReq> {
        private final ServerCallStreamObserver<ReadResp> out;
        private volatile String counted;
        private volatile SubscriptionGroup group;
        private volatile Connection connection;
        private volatile boolean gone;
        private final Principal caller;
        /** The node the consumer came in on: it joins the group only while that node leads. */
        private final Cluster.Node node;

        ReadCall(ServerCallStreamObserver<ReadResp> out, Principal caller, Cluster.Node node) {
            this.out = out;
            this.caller = caller;
            this.node = node;
        }

        @Override
        public void onNext(ReadReq request) {
            if (request.hasOptions()) {
                open(request.getOptions());
                return;
            }
            SubscriptionGroup current = group;
            Connection own = connection;
            if (current == null || own == null) {
                return; // acks before a confirmed subscription name nothing
            }
            if (request.hasAck()) {
                counter.acks(counted, request.getAck().getIdsCount());
                current.ack(own, ids(request.getAck().getIdsList()));
            } else if (request.hasNack()) {
                ReadReq.Nack nack = request.getNack();
                counter.nacks(counted, nack.getIdsCount());
                SubscriptionGroup.NackAction action = switch (nack.getAction()) {
                    case Park -> SubscriptionGroup.NackAction.PARK;
                    case Skip -> SubscriptionGroup.NackAction.SKIP;
                    case Stop -> SubscriptionGroup.NackAction.STOP;
                    default -> SubscriptionGroup.NackAction.RETRY;
                };
                current.nack(own, ids(nack.getIdsList()), action, nack.getReason());
            }
        }

        private void open(ReadReq.Options options) {
            if (connection != null) {
                fail(Wire.invalidArgument("The subscription options were already sent on this call"));
                return;
            }
            GroupKey key;
            try {
                key = key(options.hasAll(), options.getStreamIdentifier(), options.getGroupName());
            } catch (StatusRuntimeException e) {
                fail(e);
                return;
            }
            // consuming needs a caller who may read the group's stream (never an anonymous one)
            if (!access.allowed(caller, key.stream(), Action.READ)) {
                fail(Wire.accessDenied());
                return;
            }
            SubscriptionGroup found = subscriptions.find(key).orElse(null);
            if (found == null) {
                fail(notFound(key.stream(), key.group()));
                return;
            }
            int bufferSize = options.getBufferSize() > 0 ? options.getBufferSize() : DEFAULT_BUFFER_SIZE;
            boolean structured = !options.getUuidOption().hasString();
            String name = "connection-" + connectionNumbers.incrementAndGet();
            String countedAs = key.stream() + "::" + key.group();
            counted = countedAs;
            Connection created = new Connection(out, bufferSize, structured, name, name,
                    access.readableBy(caller), () -> counter.persistentEventDelivered(countedAs));
            group = found;
            connection = created;
            // no election between the check and the joining: an election drops every consumer of the old leader
            Optional<Boolean> joined = cluster.whileLeading(node,
                    () -> found.connect(created, key.stream() + "::" + key.group()));
            if (joined.isEmpty()) {
                fail(cluster.notLeader());
            } else if (joined.get() && gone) {
                found.disconnect(created);
            }
        }

        private void fail(StatusRuntimeException error) {
            synchronized (this) {
                try {
                    out.onError(error);
                } catch (RuntimeException ignored) {
                    // cancelled meanwhile
                }
            }
        }

        void ready() {
            SubscriptionGroup current = group;
            if (current != null) {
                current.schedule();
            }
        }

        void leave() {
            gone = true;
            SubscriptionGroup current = group;
            Connection own = connection;
            if (current != null && own != null) {
                current.disconnect(own);
            }
        }

        @Override
        public void onError(Throwable t) {
            leave();
        }

        @Override
        public void onCompleted() {
            leave();
            SubscriptionGroup current = group;
            if (current != null) {
                synchronized (current) {
                    try {
                        out.onCompleted();
                    } catch (RuntimeException ignored) {
                        // cancelled meanwhile
                    }
                }
            }
        }
    }

    private static List<UUID> ids(List<Shared.UUID> wire) {
        List<UUID> ids = new ArrayList<>(wire.size());
        for (Shared.UUID id : wire) {
            ids.add(Wire.uuid(id));
        }
        return ids;
    }

    // --------------------------------------------------------------------------------------------------- helpers

    /** The group, or {@code NOT_FOUND} as the server answers for a group that does not exist. */
    private SubscriptionGroup existing(GroupKey key) {
        return subscriptions.find(key).orElseThrow(() -> notFound(key.stream(), key.group()));
    }

    private static GroupKey key(boolean all, Shared.StreamIdentifier stream, String group) {
        return new GroupKey(all ? GroupDefinition.ALL : streamName(stream), groupName(group));
    }

    private static String streamName(Shared.StreamIdentifier identifier) {
        String name = Wire.streamName(identifier);
        if (name.isEmpty()) {
            throw Wire.invalidArgument("The stream name must not be empty");
        }
        if (GroupDefinition.ALL.equals(name)) {
            throw Wire.invalidArgument("Use the 'all' option for a persistent subscription to $all");
        }
        return name;
    }

    private static String groupName(String group) {
        if (group.isEmpty()) {
            throw Wire.invalidArgument("The group name must not be empty");
        }
        return group;
    }

    static StatusRuntimeException notFound(String stream, String group) {
        return Status.NOT_FOUND.withDescription("Subscription group '" + group + "' on stream '" + stream
                + "' does not exist.").asRuntimeException(trailers("persistent-subscription-does-not-exist"));
    }

    static StatusRuntimeException alreadyExists(String stream, String group) {
        return Status.ALREADY_EXISTS.withDescription("Subscription group '" + group + "' on stream '" + stream
                + "' exists.").asRuntimeException(trailers("persistent-subscription-exists"));
    }

    static StatusRuntimeException maximumSubscribersReached(GroupDefinition definition) {
        return Status.FAILED_PRECONDITION.withDescription("Maximum subscriptions reached for subscription group '"
                + definition.group() + "' on stream '" + definition.stream() + "'.")
                .asRuntimeException(trailers("maximum-subscribers-reached"));
    }

    /** Runs a handler; a failure answers the call as an error (status as thrown, or INTERNAL) and gives null. */
    private static <X> X attempt(StreamObserver<?> responses, Supplier<X> handler) {
        try {
            return handler.get();
        } catch (StatusRuntimeException e) {
            responses.onError(e);
        } catch (RuntimeException e) {
            responses.onError(Status.INTERNAL.withDescription(e.getMessage()).withCause(e).asRuntimeException());
        }
        return null;
    }

    private static Metadata trailers(String exception) {
        Metadata trailers = new Metadata();
        trailers.put(EXCEPTION, exception);
        return trailers;
    }

    private static <T> void unary(StreamObserver<T> responses, Supplier<T> handler) {
        T response = attempt(responses, handler);
        if (response != null) {
            responses.onNext(response);
            responses.onCompleted();
        }
    }

    /** Answers once the change is durable in the store. */
    private static <T> void unaryAsync(StreamObserver<T> responses, T response,
                                       Supplier<CompletableFuture<Void>> handler) {
        CompletableFuture<Void> done = attempt(responses, handler);
        if (done == null) {
            return;
        }
        done.whenComplete((ignored, error) -> {
            if (error != null) {
                responses.onError(Status.UNAVAILABLE.withDescription("Could not store the change: "
                        + error.getMessage()).asRuntimeException());
            } else {
                responses.onNext(response);
                responses.onCompleted();
            }
        });
    }
}
