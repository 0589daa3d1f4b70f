package com.paystream.emulator.persistent;

import com.google.protobuf.Parser;
import com.paystream.emulator.grpc.Wire;
import com.paystream.emulator.store.AppendOutcome;
import com.paystream.emulator.store.ExpectedRevision;
import com.paystream.emulator.store.ProposedEvent;
import com.paystream.emulator.store.ResolvedEvent;
import com.paystream.emulator.store.StreamDatabase;
import com.paystream.emulator.store.StreamRead;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.kurrent.dbclient.proto.persistentsubscriptions.Persistent.ReadResp;
import io.kurrent.dbclient.proto.persistentsubscriptions.Persistent.SubscriptionInfo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One consumer group at run time: its lifecycle (update, restart, delete) and its delivery loop. It keeps a cursor into
 * its source, the messages taken from it and not yet acknowledged, retries, the connected consumers and the
 * checkpoint; the {@link ConsumerStrategy} picks the consumer for each message, and {@link ParkedMessages} parks
 * messages and replays them.
 *
 * <p>Locking: the group's monitor ({@code synchronized} on the group) guards all its state but {@link #scheduled}
 * (atomic) and {@link #hasConnections} (volatile, read without the lock on the store's writer thread): the cursor,
 * the queues and the in-flight map, the {@link Message}s and {@link Connection}s it holds, and its
 * {@link ConsumerStrategy} and {@link ParkedMessages}, neither of which locks on its own. Every message to a consumer
 * is sent under it. The pump (dispatch, message timeouts, time-based checkpoints) runs on the executor, at most one
 * scheduled at a time, woken by commits, acks, ready transports and a ticker; a replayed message's new parked link is
 * taken in on the executor too, under the lock.
 */
final class SubscriptionGroup {
    private static final Logger LOG = Logger.getLogger(SubscriptionGroup.class.getName());
    static final String CHECKPOINT_TYPE = "$SubscriptionCheckpoint";
    /** A recorded event as this service sends it: the Streams service's, carried over by {@link Wire#recorded}. */
    private static final Parser<ReadResp.ReadEvent.RecordedEvent> RECORDED = ReadResp.ReadEvent.RecordedEvent.parser();

    private final StreamDatabase store;
    private final Executor executor;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final String checkpointStream;
    private final ParkedMessages parked;

    private GroupDefinition definition;
    private Source source;
    private ConsumerStrategy strategy;
    private long readCursor;
    private long lastKnown = Long.MIN_VALUE;
    private Long lastCheckpoint;
    private boolean checkpointMetadataWritten;
    private int processedSinceCheckpoint;
    private long lastTimeCheck = System.nanoTime();
    private long totalItems;
    private boolean deleted;
    private volatile boolean hasConnections;

    /** Taken from the source and not yet acked, skipped or parked, by sequence number: the checkpoint's floor. */
    private final TreeMap<Long, Message> outstanding = new TreeMap<>();
    private final ArrayDeque<Message> buffered = new ArrayDeque<>();
    private final ArrayDeque<Message> retries = new ArrayDeque<>();
    private final Map<UUID, Message> inFlight = new HashMap<>();
    private final List<Connection> connections = new ArrayList<>();

    SubscriptionGroup(StreamDatabase store, Executor executor, GroupDefinition definition, Long checkpoint) {
        this.store = store;
        this.executor = executor;
        this.definition = definition;
        this.checkpointStream = streamPrefix(definition) + "-checkpoint";
        this.parked = new ParkedMessages(store, streamPrefix(definition) + "-parked");
        this.source = Source.of(store, definition);
        this.strategy = ConsumerStrategy.named(definition.settings().consumerStrategy());
        this.lastCheckpoint = checkpoint;
        this.readCursor = checkpoint != null ? checkpoint + 1 : definition.resolvedStart();
    }

    static String streamPrefix(GroupDefinition definition) {
        return "$persistentsubscription-" + definition.stream() + "::" + definition.group();
    }

    synchronized GroupDefinition definition() {
        return definition;
    }

    String checkpointStream() {
        return checkpointStream;
    }

    String parkedStream() {
        return parked.stream();
    }

    // --------------------------------------------------------------------------------------------- lifecycle

    /** New settings: drops the consumers (as the server does) and restarts from the checkpoint or the new start. */
    synchronized void update(GroupDefinition updated) {
        dropConnections(dropped("the group was updated"));
        definition = updated;
        source = Source.of(store, updated);
        strategy = ConsumerStrategy.named(updated.settings().consumerStrategy());
        restart();
    }

    /** Drops the consumers and reloads from the last checkpoint, as a restart of the subsystem does. */
    synchronized void restartSubsystem() {
        dropConnections(dropped("the persistent subscriptions subsystem restarted"));
        restart();
    }

    /** Another node leads: drops the consumers with the status the real server uses and reloads from the checkpoint. */
    synchronized void leaderChanged() {
        dropConnections(Wire.persistentSubscriptionDropped(definition.stream(), definition.group()));
        restart();
    }

    synchronized void delete() {
        dropConnections(dropped("the group was deleted"));
        deleted = true;
        outstanding.clear();
        buffered.clear();
        retries.clear();
        parked.clear();
    }

    private void restart() {
        outstanding.clear();
        buffered.clear();
        retries.clear();
        inFlight.clear();
        parked.stopReplay();
        processedSinceCheckpoint = 0;
        readCursor = lastCheckpoint != null ? lastCheckpoint + 1 : definition.resolvedStart();
    }

    private StatusRuntimeException dropped(String why) {
        return Status.CANCELLED.withDescription("Subscription group '" + definition.group() + "' on stream '"
                + definition.stream() + "' was dropped: " + why + ".").asRuntimeException();
    }

    private void dropConnections(StatusRuntimeException error) {
        for (Connection connection : List.copyOf(connections)) {
            connection.fail(error);
            disconnect(connection);
        }
    }

    // ----------------------------------------------------------------------------------------------- consumers

    /** Adds a consumer, or fails it when the group is full; the confirmation is the first thing it receives. */
    synchronized boolean connect(Connection connection, String subscriptionId) {
        if (deleted) {
            connection.fail(Status.NOT_FOUND.withDescription("Subscription group '" + definition.group()
                    + "' on stream '" + definition.stream() + "' does not exist.").asRuntimeException());
            return false;
        }
        int max = definition.settings().maxSubscriberCount();
        if (max > 0 && connections.size() >= max) {
            connection.fail(PersistentSubscriptionsService.maximumSubscribersReached(definition));
            return false;
        }
        connections.add(connection);
        hasConnections = true;
        connection.send(ReadResp.newBuilder().setSubscriptionConfirmation(ReadResp.SubscriptionConfirmation
                .newBuilder().setSubscriptionId(subscriptionId)).build());
        schedule();
        return true;
    }

    /** The consumer went away: what it held unacknowledged goes back to be retried by the others. */
    synchronized void disconnect(Connection connection) {
        if (!connections.remove(connection)) {
            return;
        }
        hasConnections = !connections.isEmpty();
        connection.closed = true;
        strategy.disconnected(connection);
        List<Message> back = new ArrayList<>();
        for (Iterator<Message> it = inFlight.values().iterator(); it.hasNext(); ) {
            Message message = it.next();
            if (message.owner == connection) {
                it.remove();
                message.owner = null;
                message.retryCount++;
                back.add(message);
            }
        }
        back.sort(Comparator.comparingLong(m -> m.seq));
        for (int i = back.size() - 1; i >= 0; i--) {
            retries.addFirst(back.get(i));
        }
        connection.inFlight = 0;
        schedule();
    }

    synchronized void ack(Connection connection, List<UUID> ids) {
        for (UUID id : ids) {
            Message message = takeInFlight(id);
            if (message != null) {
                done(message);
            }
        }
        checkpointIfDue(false);
        truncateParked();
        dispatch(System.nanoTime());
    }

    synchronized void nack(Connection connection, List<UUID> ids, NackAction action, String reason) {
        if (action == NackAction.STOP) {
            return; // what the server does (KurrentDB #3219): the messages stay in flight until they time out
        }
        for (UUID id : ids) {
            Message message = takeInFlight(id);
            if (message == null) {
                continue;
            }
            switch (action) {
                case PARK -> park(message, reason.isEmpty() ? "Parked by the client" : reason);
                case SKIP -> done(message);
                default -> retry(message, reason.isEmpty() ? "Client requested a retry" : reason);
            }
        }
        checkpointIfDue(false);
        truncateParked();
        dispatch(System.nanoTime());
    }

    enum NackAction { PARK, RETRY, SKIP, STOP }

    private Message takeInFlight(UUID id) {
        Message message = inFlight.remove(id);
        if (message != null && message.owner != null) {
            message.owner.inFlight--;
            message.owner = null;
        }
        return message;
    }

    /** Acked, skipped or parked: finished as far as the checkpoint is concerned. */
    private void done(Message message) {
        if (message.replayed) {
            parked.finish(message.seq);
        } else {
            outstanding.remove(message.seq);
            processedSinceCheckpoint++;
        }
    }

    private void retry(Message message, String reason) {
        if (message.retryCount >= definition.settings().maxRetryCount()) {
            park(message, "Max retry count reached: " + reason);
            return;
        }
        message.retryCount++;
        retries.addLast(message);
    }

    // ---------------------------------------------------------------------------------------------- parking

    /** Parks the message; a replayed one parked again is finished only once its new parked link is written. */
    private void park(Message message, String reason) {
        CompletableFuture<AppendOutcome> written = parked.park(message, reason);
        if (!message.replayed) {
            written.whenComplete((result, error) -> {
                if (error != null || !(result instanceof AppendOutcome.Success)) {
                    LOG.log(Level.WARNING, "Could not park a message of " + parked.stream() + ": " + result, error);
                }
            });
            done(message);
            return;
        }
        long revision = message.seq;
        written.whenCompleteAsync((result, error) -> parkedAgain(revision, result, error), executor);
    }

    /** The new parked link of a replayed message is written (or not): only then is the old one finished. */
    private synchronized void parkedAgain(long revision, AppendOutcome result, Throwable error) {
        if (deleted) {
            return;
        }
        if (error != null || !(result instanceof AppendOutcome.Success)) {
            // keep the old parked link: the message stays parked (and blocks truncation) rather than being lost
            LOG.log(Level.WARNING, "Could not park a replayed message of " + parked.stream() + " again: " + result,
                    error);
            return;
        }
        parked.finish(revision);
        truncateParked();
    }

    /**
     * Replays the parked messages from where the last replay got to up to {@code stopAt} (exclusive, a revision of
     * the parked stream; the current end by default): they are read in batches as consumers take them and
     * redelivered as resolved links. They stay in the parked stream until they are finished.
     */
    synchronized void replayParked(Long stopAt) {
        if (parked.replayTo(stopAt)) {
            schedule();
        }
    }

    /** Truncates the parked stream over the finished replays; coalesced to one write per ack, nack or run. */
    private void truncateParked() {
        if (!deleted) {
            parked.truncate();
        }
    }

    // ------------------------------------------------------------------------------------------------- the pump

    /** Asks for a pump run on the executor (coalesced). Cheap enough for the store's commit listener. */
    void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            try {
                executor.execute(this::run);
            } catch (RuntimeException e) {
                scheduled.set(false);
                throw e;
            }
        }
    }

    /** Read without the lock, e.g. on the store's writer thread. */
    boolean hasConnections() {
        return hasConnections;
    }

    /** Whether the ticker should wake this group: consumers to serve, timeouts to watch or a checkpoint due. */
    synchronized boolean needsTicks() {
        return !deleted && (!connections.isEmpty() || !inFlight.isEmpty() || processedSinceCheckpoint > 0);
    }

    private void run() {
        scheduled.set(false);
        synchronized (this) {
            try {
                if (deleted) {
                    return;
                }
                long now = System.nanoTime();
                expire(now);
                long interval = TimeUnit.MILLISECONDS.toNanos(Math.max(1, definition.settings().checkpointAfterMs()));
                if (now - lastTimeCheck >= interval) {
                    lastTimeCheck = now;
                    checkpointIfDue(true);
                }
                truncateParked();
                dispatch(now);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Persistent subscription pump failed for " + definition.key(), e);
            }
        }
    }

    private void expire(long now) {
        if (inFlight.isEmpty()) {
            return;
        }
        List<Message> expired = new ArrayList<>();
        for (Message message : inFlight.values()) {
            if (message.deadline - now <= 0) {
                expired.add(message);
            }
        }
        expired.sort(Comparator.comparingLong(m -> m.seq));
        for (Message message : expired) {
            takeInFlight(message.ackId());
            retry(message, "Message timeout");
        }
    }

    private void dispatch(long now) {
        if (deleted || connections.isEmpty()) {
            return;
        }
        while (true) {
            ArrayDeque<Message> queue = nextQueue();
            if (queue == null) {
                return;
            }
            Message message = queue.peekFirst();
            Connection target = strategy.choose(connections, message);
            if (target == null) {
                return;
            }
            queue.pollFirst();
            if (inFlight.containsKey(message.ackId())) {
                continue; // the same record reached twice (cannot happen for one source); never hand it out twice
            }
            send(target, message, now);
        }
    }

    /** Retries first, then replayed parked messages, then new events (read from the source when needed). */
    private ArrayDeque<Message> nextQueue() {
        if (!retries.isEmpty()) {
            return retries;
        }
        ArrayDeque<Message> replays = parked.queue(batchSize());
        if (!replays.isEmpty()) {
            return replays;
        }
        if (buffered.isEmpty()) {
            readMore();
        }
        return buffered.isEmpty() ? null : buffered;
    }

    private int batchSize() {
        return Math.max(1, definition.settings().readBatchSize());
    }

    private void readMore() {
        int batch = batchSize();
        for (int attempts = 0; attempts < 64; attempts++) {
            Source.Batch read = source.read(readCursor, batch);
            for (Source.Item item : read.items()) {
                Message message = new Message(item.seq(), item.event(), false);
                buffered.addLast(message);
                outstanding.put(item.seq(), message);
                lastKnown = item.seq();
            }
            boolean advanced = read.next() != readCursor;
            readCursor = read.next();
            if (!read.items().isEmpty() || !advanced) {
                return;
            }
        }
        schedule(); // a long stretch of filtered-out events: continue on the next run
    }

    private void send(Connection connection, Message message, long now) {
        int timeout = definition.settings().messageTimeoutMs();
        message.owner = connection;
        message.deadline = now + (timeout > 0 ? TimeUnit.MILLISECONDS.toNanos(timeout) : Long.MAX_VALUE / 2);
        inFlight.put(message.ackId(), message);
        connection.inFlight++;
        connection.totalItems++;
        totalItems++;
        ResolvedEvent delivered = message.event.visibleTo(connection.mayRead);
        ReadResp.ReadEvent.Builder event = ReadResp.ReadEvent.newBuilder()
                .setEvent(Wire.recorded(delivered.event(), connection.structuredIds, RECORDED))
                .setCommitPosition(delivered.original().position())
                .setRetryCount(message.retryCount);
        if (delivered.link() != null) {
            event.setLink(Wire.recorded(delivered.link(), connection.structuredIds, RECORDED));
        }
        connection.send(ReadResp.newBuilder().setEvent(event).build());
    }

    // ---------------------------------------------------------------------------------------------- checkpoint

    /**
     * Writes the checkpoint (the last sequence number below which everything is finished) after
     * {@code maxCheckpointCount} finished messages, or on the timer after at least {@code minCheckpointCount}.
     */
    private void checkpointIfDue(boolean timeCheck) {
        if (processedSinceCheckpoint == 0 || deleted) {
            return;
        }
        GroupDefinition.Settings settings = definition.settings();
        boolean due = processedSinceCheckpoint >= Math.max(1, settings.maxCheckpointCount())
                || (timeCheck && processedSinceCheckpoint >= settings.minCheckpointCount());
        if (!due) {
            return;
        }
        long floor = outstanding.isEmpty() ? readCursor : outstanding.firstKey();
        long checkpoint = floor - 1;
        if (checkpoint < 0 || (lastCheckpoint != null && checkpoint <= lastCheckpoint)) {
            return;
        }
        if (!checkpointMetadataWritten) {
            checkpointMetadataWritten = true;
            store.appendMetadata(checkpointStream, "{\"$maxCount\":1}");
        }
        String value = definition.isAll() ? "\"" + source.format(checkpoint) + "\"" : Long.toString(checkpoint);
        store.append(checkpointStream, ExpectedRevision.ANY, List.of(new ProposedEvent(StreamDatabase.newEventId(),
                CHECKPOINT_TYPE, true, value.getBytes(StandardCharsets.UTF_8), new byte[0])));
        lastCheckpoint = checkpoint;
        processedSinceCheckpoint = 0;
    }

    /** The checkpoint stored for a group, or {@code null}: a JSON number (stream) or "C:x/P:y" string ($all). */
    static Long readCheckpoint(StreamDatabase store, String checkpointStream) {
        StreamRead read = store.readStream(checkpointStream, -1, false, 1, false);
        if (!(read instanceof StreamRead.Events events) || events.events().isEmpty()) {
            return null;
        }
        String text = new String(events.events().get(0).event().data(), StandardCharsets.UTF_8).trim();
        try {
            if (text.startsWith("\"")) {
                text = text.substring(1, text.length() - 1);
            }
            if (text.startsWith("C:")) {
                return Long.parseLong(text.substring(2, text.indexOf("/P:")));
            }
            return Long.parseLong(text);
        } catch (RuntimeException e) {
            LOG.warning("Ignoring an unreadable checkpoint in " + checkpointStream + ": " + text);
            return null;
        }
    }

    // ---------------------------------------------------------------------------------------------------- info

    synchronized SubscriptionInfo info() {
        GroupDefinition.Settings settings = definition.settings();
        SubscriptionInfo.Builder info = SubscriptionInfo.newBuilder()
                .setEventSource(definition.stream())
                .setGroupName(definition.group())
                .setStatus("Live")
                .setTotalItems(totalItems)
                .setLastCheckpointedEventPosition(lastCheckpoint == null ? "" : source.format(lastCheckpoint))
                .setLastKnownEventPosition(lastKnown == Long.MIN_VALUE ? "" : source.format(lastKnown))
                .setResolveLinkTos(settings.resolveLinks())
                .setStartFrom(definition.start().wire(definition.isAll()))
                .setMessageTimeoutMilliseconds(settings.messageTimeoutMs())
                .setExtraStatistics(settings.extraStatistics())
                .setMaxRetryCount(settings.maxRetryCount())
                .setLiveBufferSize(settings.liveBufferSize())
                .setBufferSize(settings.historyBufferSize())
                .setReadBatchSize(settings.readBatchSize())
                .setCheckPointAfterMilliseconds(settings.checkpointAfterMs())
                .setMinCheckPointCount(settings.minCheckpointCount())
                .setMaxCheckPointCount(settings.maxCheckpointCount())
                .setReadBufferCount(buffered.size())
                .setLiveBufferCount(0)
                .setRetryBufferCount(retries.size() + parked.queuedCount())
                .setTotalInFlightMessages(inFlight.size())
                .setOutstandingMessagesCount(inFlight.size())
                .setNamedConsumerStrategy(settings.consumerStrategy())
                .setMaxSubscriberCount(settings.maxSubscriberCount())
                .setParkedMessageCount(parked.count());
        for (Connection connection : connections) {
            info.addConnections(SubscriptionInfo.ConnectionInfo.newBuilder()
                    .setFrom(connection.from)
                    .setUsername("admin")
                    .setTotalItems(connection.totalItems)
                    .setAvailableSlots(Math.max(0, connection.bufferSize - connection.inFlight))
                    .setInFlightMessages(connection.inFlight)
                    .setConnectionName(connection.name));
        }
        return info.build();
    }
}
