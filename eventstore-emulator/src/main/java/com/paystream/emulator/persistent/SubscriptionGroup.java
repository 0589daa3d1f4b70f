package com.paystream.emulator.persistent;

import com.eventstore.dbclient.proto.persistentsubscriptions.Persistent.ReadResp;
import com.eventstore.dbclient.proto.persistentsubscriptions.Persistent.SubscriptionInfo;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.paystream.emulator.grpc.Wire;
import com.paystream.emulator.store.AppendResult;
import com.paystream.emulator.store.EventStore;
import com.paystream.emulator.store.ExpectedRevision;
import com.paystream.emulator.store.ProposedEvent;
import com.paystream.emulator.store.ResolvedEvent;
import com.paystream.emulator.store.StoredEvent;
import com.paystream.emulator.store.StreamRead;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One consumer group at run time: a cursor into its source, the messages taken from it and not yet acknowledged,
 * retries, replayed parked messages, the connected consumers, and the checkpoint.
 *
 * <p>Every change happens under the group's lock; the pump (dispatch, message timeouts, time-based checkpoints)
 * runs on the executor, at most one scheduled at a time, woken by commits, acks, ready transports and a ticker.
 */
final class SubscriptionGroup {
    private static final Logger LOG = Logger.getLogger(SubscriptionGroup.class.getName());
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int PIN_BUCKETS = 1024;
    static final String CHECKPOINT_TYPE = "$SubscriptionCheckpoint";

    private final EventStore store;
    private final Executor executor;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final String checkpointStream;
    private final String parkedStream;

    private GroupDefinition definition;
    private Source source;
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
    private final ArrayDeque<Message> replays = new ArrayDeque<>();

    /*
     * Parked replay. A parked message stays in the parked stream until its replay is finished (acked, skipped, or
     * parked again, which writes a new parked link first); the stream is truncated ($tb) only over the contiguous
     * prefix of finished replays. So a restart, of the subsystem or of the emulator, leaves every unfinished replay
     * parked, for a new ReplayParked to redeliver.
     */
    /** Parked revisions below this are finished; the parked stream is (or is about to be) truncated before it. */
    private long parkedFloor;
    /** The last {@code $tb} written to (or found on) the parked stream. */
    private long truncatedTo;
    /** Next parked revision to read for the replay under way, and where that replay stops (exclusive). */
    private long replayCursor;
    private long replayStop;
    /** Parked revisions read for replay and not finished yet: queued, retried or in flight. */
    private final TreeSet<Long> replaying = new TreeSet<>();
    /** Parked revisions at or above {@link #parkedFloor} whose replay is finished (acked out of order). */
    private final TreeSet<Long> replayFinished = new TreeSet<>();
    private final Map<UUID, Message> inFlight = new HashMap<>();
    private final List<Connection> connections = new ArrayList<>();
    private final Connection[] pins = new Connection[PIN_BUCKETS];
    private int roundRobin;

    /** A message as the group tracks it; acks and nacks name it by {@link #ackId()}. */
    static final class Message {
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

    SubscriptionGroup(EventStore store, Executor executor, GroupDefinition definition, Long checkpoint) {
        this.store = store;
        this.executor = executor;
        this.definition = definition;
        this.checkpointStream = streamPrefix(definition) + "-checkpoint";
        this.parkedStream = streamPrefix(definition) + "-parked";
        this.source = Source.of(store, definition);
        this.lastCheckpoint = checkpoint;
        this.readCursor = checkpoint != null ? checkpoint + 1 : definition.resolvedStart();
        this.parkedFloor = firstParked();
        this.truncatedTo = parkedFloor;
        this.replayCursor = parkedFloor;
        this.replayStop = parkedFloor;
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
        return parkedStream;
    }

    // --------------------------------------------------------------------------------------------- lifecycle

    /** New settings: drops the consumers (as the server does) and restarts from the checkpoint or the new start. */
    synchronized void update(GroupDefinition updated) {
        dropConnections(dropped("the group was updated"));
        definition = updated;
        source = Source.of(store, updated);
        restart();
    }

    /** Drops the consumers and reloads from the last checkpoint, as a restart of the subsystem does. */
    synchronized void restartSubsystem() {
        dropConnections(dropped("the persistent subscriptions subsystem restarted"));
        restart();
    }

    synchronized void delete() {
        dropConnections(dropped("the group was deleted"));
        deleted = true;
        outstanding.clear();
        buffered.clear();
        retries.clear();
        replays.clear();
        replaying.clear();
        replayFinished.clear();
    }

    private void restart() {
        outstanding.clear();
        buffered.clear();
        retries.clear();
        inFlight.clear();
        stopReplay();
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
        for (int i = 0; i < pins.length; i++) {
            if (pins[i] == connection) {
                pins[i] = null;
            }
        }
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
            finishReplay(message.seq);
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

    /**
     * Writes a link to the original event, with the reason, to the parked stream; one write per park. A replayed
     * message parked again is finished (its old parked link may go) only once the new link is written.
     */
    private void park(Message message, String reason) {
        StoredEvent target = message.event.event();
        // a replayed link whose original is gone is delivered unresolved: park what it pointed at, not the link
        StoredEvent.LinkTarget dangling = message.replayed && message.event.link() == null ? target.linkTarget()
                : null;
        String pointer = dangling != null ? dangling.revision() + "@" + dangling.stream()
                : target.revision() + "@" + target.stream();
        ObjectNode metadata = MAPPER.createObjectNode();
        metadata.put("$causedBy", target.id().toString());
        metadata.put("reason", reason);
        metadata.put("added", Instant.now().toString());
        metadata.put("subscriptionEventNumber", message.seq);
        metadata.put("retryCount", message.retryCount);
        byte[] data = pointer.getBytes(StandardCharsets.UTF_8);
        byte[] meta = metadata.toString().getBytes(StandardCharsets.UTF_8);
        CompletableFuture<AppendResult> written = store.append(parkedStream, ExpectedRevision.ANY,
                List.of(new ProposedEvent(EventStore.newEventId(), StoredEvent.LINK_TYPE, false, data, meta)));
        if (!message.replayed) {
            written.whenComplete((result, error) -> {
                if (error != null || !(result instanceof AppendResult.Success)) {
                    LOG.log(Level.WARNING, "Could not park a message of " + parkedStream + ": " + result, error);
                }
            });
            done(message);
            return;
        }
        long revision = message.seq;
        written.whenCompleteAsync((result, error) -> parkedAgain(revision, result, error), executor);
    }

    /** The new parked link of a replayed message is written (or not): only then is the old one finished. */
    private synchronized void parkedAgain(long revision, AppendResult result, Throwable error) {
        if (deleted) {
            return;
        }
        if (error != null || !(result instanceof AppendResult.Success)) {
            // keep the old parked link: the message stays parked (and blocks truncation) rather than being lost
            LOG.log(Level.WARNING, "Could not park a replayed message of " + parkedStream + " again: " + result,
                    error);
            return;
        }
        finishReplay(revision);
        truncateParked();
    }

    // ------------------------------------------------------------------------------------------- parked replay

    /**
     * Replays the parked messages from where the last replay got to up to {@code stopAt} (exclusive, a revision of
     * the parked stream; the current end by default): they are read in batches as consumers take them and
     * redelivered as resolved links. They stay in the parked stream until they are finished.
     */
    synchronized void replayParked(Long stopAt) {
        long end = store.lastRevision(parkedStream) + 1;
        long stop = stopAt == null ? end : Math.min(Math.max(stopAt, 0), end);
        if (stop > replayStop) {
            replayStop = stop;
            schedule();
        }
    }

    /** Forgets the replay under way (the subsystem restarted): what it had not finished is simply parked again. */
    private void stopReplay() {
        replays.clear();
        replaying.clear();
        replayCursor = parkedFloor;
        replayStop = parkedFloor;
    }

    /** Reads the next batch of parked messages to replay, skipping those already finished. */
    private void readParked() {
        int batch = Math.max(1, definition.settings().readBatchSize());
        while (replays.isEmpty() && replayCursor < replayStop) {
            long from = Math.max(replayCursor, parkedFloor);
            long next = replayStop; // nothing (more) to read: the replay is over
            if (from < replayStop) {
                StreamRead read = store.readStream(parkedStream, from, true, Math.min(batch, replayStop - from),
                        false);
                if (read instanceof StreamRead.Events events && !events.events().isEmpty()) {
                    for (ResolvedEvent parked : events.events()) {
                        long revision = parked.event().revision();
                        if (revision >= replayStop) {
                            break;
                        }
                        next = revision + 1;
                        if (!replayFinished.contains(revision) && replaying.add(revision)) {
                            replays.addLast(new Message(revision, store.resolve(parked.event()), true));
                        }
                    }
                }
            }
            replayCursor = next;
        }
    }

    /** A replayed message is acked, skipped or parked again: the floor moves over the finished prefix. */
    private void finishReplay(long revision) {
        replaying.remove(revision);
        if (revision < parkedFloor) {
            return;
        }
        replayFinished.add(revision);
        while (replayFinished.remove(parkedFloor)) {
            parkedFloor++;
        }
    }

    /**
     * Truncates the parked stream before the floor, when it moved; coalesced to one write per ack, nack or run. As the
     * real server, the metadata written holds the {@code $tb} and an ACL of {@code $admins} for everything: whatever
     * ACL the stream had before is replaced.
     */
    private void truncateParked() {
        if (parkedFloor <= truncatedTo || deleted) {
            return;
        }
        truncatedTo = parkedFloor;
        byte[] truncate = ("{\"$tb\":" + parkedFloor + ",\"$acl\":{\"$r\":\"$admins\",\"$w\":\"$admins\","
                + "\"$d\":\"$admins\",\"$mr\":\"$admins\",\"$mw\":\"$admins\"}}").getBytes(StandardCharsets.UTF_8);
        store.append("$$" + parkedStream, ExpectedRevision.ANY, List.of(new ProposedEvent(EventStore.newEventId(),
                StoredEvent.METADATA_TYPE, true, truncate, new byte[0])));
    }

    /** The first revision still in the parked stream (after its truncation point), or its end when it is empty. */
    private long firstParked() {
        StreamRead read = store.readStream(parkedStream, 0, true, 1, false);
        if (read instanceof StreamRead.Events events && !events.events().isEmpty()) {
            return events.events().get(0).event().revision();
        }
        return store.lastRevision(parkedStream) + 1;
    }

    /** What the parked stream holds past its truncation point, less the replays finished out of order. */
    private long parkedCount() {
        return Math.max(0, store.lastRevision(parkedStream) + 1 - parkedFloor - replayFinished.size());
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
            Connection target = choose(message);
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
        if (replays.isEmpty()) {
            readParked();
        }
        if (!replays.isEmpty()) {
            return replays;
        }
        if (buffered.isEmpty()) {
            readMore();
        }
        return buffered.isEmpty() ? null : buffered;
    }

    private void readMore() {
        int batch = Math.max(1, definition.settings().readBatchSize());
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

    private Connection choose(Message message) {
        int n = connections.size();
        String strategy = definition.settings().consumerStrategy();
        if ("DispatchToSingle".equals(strategy)) {
            for (Connection connection : connections) {
                if (connection.canTake()) {
                    return connection;
                }
            }
            return null;
        }
        if ("Pinned".equals(strategy)) {
            int bucket = Math.floorMod(pinKey(message).hashCode(), PIN_BUCKETS);
            Connection pinned = pins[bucket];
            if (pinned != null && !pinned.closed) {
                return pinned.canTake() ? pinned : null;
            }
            Connection chosen = nextRoundRobin(n);
            if (chosen != null) {
                pins[bucket] = chosen;
            }
            return chosen;
        }
        return nextRoundRobin(n);
    }

    private Connection nextRoundRobin(int n) {
        for (int i = 0; i < n; i++) {
            int index = (roundRobin + i) % n;
            Connection connection = connections.get(index);
            if (connection.canTake()) {
                roundRobin = (index + 1) % n;
                return connection;
            }
        }
        return null;
    }

    /** The stream a message belongs to for pinning: for a link, the stream of the event it points at. */
    private static String pinKey(Message message) {
        StoredEvent event = message.event.event();
        StoredEvent.LinkTarget target = event.linkTarget();
        return target != null ? target.stream() : event.stream();
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
                .setEvent(recorded(delivered.event(), connection.structuredIds))
                .setCommitPosition(delivered.original().position())
                .setRetryCount(message.retryCount);
        if (delivered.link() != null) {
            event.setLink(recorded(delivered.link(), connection.structuredIds));
        }
        connection.send(ReadResp.newBuilder().setEvent(event).build());
    }

    static ReadResp.ReadEvent.RecordedEvent recorded(StoredEvent event, boolean structuredIds) {
        return ReadResp.ReadEvent.RecordedEvent.newBuilder()
                .setId(Wire.uuid(event.id(), structuredIds))
                .setStreamIdentifier(Wire.streamIdentifier(event.stream()))
                .setStreamRevision(event.revision())
                .setPreparePosition(event.position())
                .setCommitPosition(event.position())
                .putMetadata("type", event.type())
                .putMetadata("content-type", event.contentType())
                .putMetadata("created", Long.toString(event.createdTicks()))
                .setCustomMetadata(ByteString.copyFrom(event.metadata()))
                .setData(ByteString.copyFrom(event.data()))
                .build();
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
            store.append("$$" + checkpointStream, ExpectedRevision.ANY, List.of(new ProposedEvent(
                    EventStore.newEventId(), StoredEvent.METADATA_TYPE, true, "{\"$maxCount\":1}".getBytes(StandardCharsets.UTF_8),
                    new byte[0])));
        }
        String value = definition.isAll() ? "\"" + source.format(checkpoint) + "\"" : Long.toString(checkpoint);
        store.append(checkpointStream, ExpectedRevision.ANY, List.of(new ProposedEvent(EventStore.newEventId(),
                CHECKPOINT_TYPE, true, value.getBytes(StandardCharsets.UTF_8), new byte[0])));
        lastCheckpoint = checkpoint;
        processedSinceCheckpoint = 0;
    }

    /** The checkpoint stored for a group, or {@code null}: a JSON number (stream) or "C:x/P:y" string ($all). */
    static Long readCheckpoint(EventStore store, String checkpointStream) {
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
                .setRetryBufferCount(retries.size() + replays.size())
                .setTotalInFlightMessages(inFlight.size())
                .setOutstandingMessagesCount(inFlight.size())
                .setNamedConsumerStrategy(settings.consumerStrategy())
                .setMaxSubscriberCount(settings.maxSubscriberCount())
                .setParkedMessageCount(parkedCount());
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
