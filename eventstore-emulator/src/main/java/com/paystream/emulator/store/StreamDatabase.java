package com.paystream.emulator.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The event store: streams, {@code $all}, stream metadata and the system projections {@code $by_category} and
 * {@code $by_event_type}.
 *
 * <p>All writes go through one writer thread, which takes whatever requests are waiting, checks each against the
 * state including the earlier requests of the same batch, writes the batch to the log, forces it to disk once (group
 * commit), and only then makes the events visible and answers the writers. Readers never lock: they see the
 * events of every batch that is on disk.
 */
public final class StreamDatabase implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(StreamDatabase.class.getName());
    private static final int MAX_BATCH = 512;

    private final EventLog log;
    private final Clock clock;
    private final ConcurrentHashMap<String, StreamRecord> streams = new ConcurrentHashMap<>();
    private final AppendOnlyList<CommittedEvent> all = new AppendOnlyList<>();
    private final BlockingQueue<WriteOp<?>> queue = new LinkedBlockingQueue<>();
    private final List<Runnable> commitListeners = new CopyOnWriteArrayList<>();
    private final Thread writer;
    private volatile boolean closed;

    private StreamDatabase(EventLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
        this.writer = new Thread(this::writeLoop, "eventstore-writer");
        this.writer.setDaemon(true);
    }

    /** A store that keeps nothing once closed. */
    public static StreamDatabase inMemory() {
        StreamDatabase store = new StreamDatabase(EventLog.inMemory(), Clock.systemUTC());
        store.writer.start();
        return store;
    }

    /** A durable store in {@code directory}: what was acknowledged before a crash is there after a restart. */
    public static StreamDatabase open(Path directory) throws IOException {
        List<CommittedEvent> recovered = new ArrayList<>();
        EventLog log = EventLog.open(directory, recovered::add);
        StreamDatabase store = new StreamDatabase(log, Clock.systemUTC());
        for (CommittedEvent event : recovered) {
            store.apply(event);
        }
        store.writer.start();
        return store;
    }

    // ------------------------------------------------------------------------------------------------ writes

    /** Appends events to a stream if its revision matches {@code expected} (see {@link ExpectedRevision}). */
    public CompletableFuture<AppendOutcome> append(String stream, long expected, List<ProposedEvent> events) {
        return submit(new AppendOp(stream, expected, List.copyOf(events), new CompletableFuture<>()));
    }

    /**
     * Appends to several streams at once, each at its expected revision: all of them in one commit (one group-commit
     * unit in the log, so a crash leaves all or none), or none when any stream's check fails. A stream may appear once.
     */
    public CompletableFuture<SessionOutcome> appendSession(List<StreamAppend> appends) {
        SessionOp op = new SessionOp(List.copyOf(appends), new CompletableFuture<>());
        if (closed) {
            op.result().completeExceptionally(new IllegalStateException("The store is shut down"));
            return op.result();
        }
        queue.add(op);
        return op.result();
    }

    /** Sets a stream's metadata: appends {@code json} as a {@code $metadata} event to {@code $$stream}. */
    public CompletableFuture<AppendOutcome> appendMetadata(String stream, String json) {
        return append("$$" + stream, ExpectedRevision.ANY, List.of(new ProposedEvent(newEventId(),
                CommittedEvent.METADATA_TYPE, true, json.getBytes(StandardCharsets.UTF_8), new byte[0])));
    }

    /** Soft-deletes ({@code tombstone == false}) or tombstones a stream if its revision matches {@code expected}. */
    public CompletableFuture<AppendOutcome> delete(String stream, long expected, boolean tombstone) {
        return submit(new DeleteOp(stream, expected, tombstone, new CompletableFuture<>()));
    }

    private <T> CompletableFuture<T> submit(WriteOp<T> op) {
        if (closed) {
            op.result().completeExceptionally(new IllegalStateException("The store is shut down"));
            return op.result();
        }
        queue.add(op);
        return op.result();
    }

    /** Runs {@code listener} (on the writer thread: keep it short) after every batch made visible. */
    public void onCommit(Runnable listener) {
        commitListeners.add(listener);
    }

    public void removeCommitListener(Runnable listener) {
        commitListeners.remove(listener);
    }

    private sealed interface WriteOp<T> {
        CompletableFuture<T> result();
    }

    private record AppendOp(String stream, long expected, List<ProposedEvent> events,
                            CompletableFuture<AppendOutcome> result) implements WriteOp<AppendOutcome> {
    }

    private record DeleteOp(String stream, long expected, boolean tombstone,
                            CompletableFuture<AppendOutcome> result) implements WriteOp<AppendOutcome> {
    }

    private record SessionOp(List<StreamAppend> appends, CompletableFuture<SessionOutcome> result)
            implements WriteOp<SessionOutcome> {
    }

    private void writeLoop() {
        List<WriteOp<?>> ops = new ArrayList<>(MAX_BATCH);
        while (!closed || !queue.isEmpty()) {
            try {
                WriteOp<?> first = queue.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                ops.add(first);
                queue.drainTo(ops, MAX_BATCH - 1);
                commitBatch(ops);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Writer failed a batch", e);
                for (WriteOp<?> op : ops) {
                    op.result().completeExceptionally(e);
                }
            } finally {
                ops.clear();
            }
        }
        for (WriteOp<?> op; (op = queue.poll()) != null; ) {
            op.result().completeExceptionally(new IllegalStateException("The store is shut down"));
        }
    }

    private void commitBatch(List<WriteOp<?>> ops) {
        Batch batch = new Batch(log.end(), ticks(clock.instant()));
        List<Object> results = new ArrayList<>(ops.size());
        for (WriteOp<?> op : ops) {
            if (op instanceof AppendOp a) {
                results.add(batch.append(a.stream(), a.expected(), a.events()));
            } else if (op instanceof DeleteOp d) {
                results.add(batch.delete(d));
            } else {
                results.add(batch.session(((SessionOp) op).appends()));
            }
        }
        if (!batch.records.isEmpty()) {
            try {
                log.write(batch.records);
            } catch (IOException e) {
                LOG.log(Level.SEVERE, "Could not write to the log", e);
                for (WriteOp<?> op : ops) {
                    op.result().completeExceptionally(new IllegalStateException("Write to the log failed", e));
                }
                return;
            }
            for (CommittedEvent event : batch.records) {
                apply(event);
            }
        }
        for (int i = 0; i < ops.size(); i++) {
            complete(ops.get(i), results.get(i));
        }
        if (!batch.records.isEmpty()) {
            for (Runnable listener : commitListeners) {
                try {
                    listener.run();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Commit listener failed", e);
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void complete(WriteOp<T> op, Object result) {
        op.result().complete((T) result);
    }

    /** Makes a durable event visible. Writer thread (or recovery) only. */
    private void apply(CommittedEvent event) {
        all.add(event);
        StreamRecord record = streams.computeIfAbsent(event.stream(), StreamRecord::new);
        if (isTombstone(event)) {
            record.tombstone = event;
            record.tombstoned = true;
        } else {
            record.events.add(event);
            if (!isProjectionStream(event.stream())) {
                record.revisionsById.put(event.id(), event.revision());
            }
        }
        if (isMetastream(event.stream()) && !isTombstone(event)) {
            streams.computeIfAbsent(event.stream().substring(2), StreamRecord::new).metadata =
                    StreamMetadata.parse(event.data());
        }
    }

    private static boolean isTombstone(CommittedEvent event) {
        return event.revision() == Long.MAX_VALUE && CommittedEvent.TOMBSTONE_TYPE.equals(event.type());
    }

    /**
     * Link streams written by the system projections: nobody appends to them with ids of their own, so they keep no
     * id index (they grow with every event in the store).
     */
    private static boolean isProjectionStream(String stream) {
        return stream.startsWith("$ce-") || stream.startsWith("$et-");
    }

    static boolean isMetastream(String stream) {
        return stream.startsWith("$$");
    }

    /** The writes of one batch, checked against committed state plus the batch's own earlier writes. */
    private final class Batch {
        final List<CommittedEvent> records = new ArrayList<>();
        final Map<String, Pending> pending = new HashMap<>();
        final long created;
        long nextPosition;

        Batch(long nextPosition, long created) {
            this.nextPosition = nextPosition;
            this.created = created;
        }

        Pending stream(String name) {
            return pending.computeIfAbsent(name, n -> new Pending(streams.get(n)));
        }

        AppendOutcome append(String name, long expected, List<ProposedEvent> events) {
            if (name.isEmpty()) {
                return new AppendOutcome.Rejected("Stream name must not be empty");
            }
            Pending stream = stream(name);
            if (stream.tombstoned) {
                return new AppendOutcome.StreamDeleted();
            }
            boolean exists = stream.lastRevision >= 0 && !stream.metadata().softDeleted();
            if (!events.isEmpty()) {
                AppendOutcome repeat = idempotentRepeat(stream, expected, events);
                if (repeat != null) {
                    return repeat;
                }
            }
            if (!ExpectedRevision.isSatisfied(expected, stream.lastRevision, exists)
                    && !(stream.metadata().softDeleted() && expected == stream.lastRevision)) {
                return new AppendOutcome.WrongExpectedVersion(exists ? stream.lastRevision : -1, expected);
            }
            if (events.isEmpty()) {
                return new AppendOutcome.Success(stream.lastRevision, -1);
            }
            boolean wasSoftDeleted = stream.metadata().softDeleted();
            long firstRevision = stream.lastRevision + 1;
            CommittedEvent last = null;
            for (ProposedEvent proposed : events) {
                last = write(stream, name, proposed.id(), proposed.type(), proposed.json(), proposed.data(),
                        proposed.metadata());
            }
            if (wasSoftDeleted) {
                // Writing to a soft-deleted stream brings it back with only the new events.
                write(stream("$$" + name), "$$" + name, newEventId(), CommittedEvent.METADATA_TYPE, true,
                        stream.metadata().withTruncateBefore(firstRevision), new byte[0]);
            }
            return new AppendOutcome.Success(stream.lastRevision, last.position());
        }

        /**
         * Every stream's append, checked and written as a v1 append is, in order; the first that fails takes back
         * what the earlier ones wrote to this batch, so the session is all or nothing.
         */
        SessionOutcome session(List<StreamAppend> appends) {
            java.util.Set<String> named = new java.util.HashSet<>();
            for (StreamAppend append : appends) {
                if (!named.add(append.stream())) {
                    return new SessionOutcome.Rejected("Stream '" + append.stream() + "' appears twice in the session");
                }
            }
            Savepoint savepoint = new Savepoint();
            List<AppendOutcome.Success> results = new ArrayList<>(appends.size());
            long position = -1;
            for (StreamAppend append : appends) {
                AppendOutcome outcome = append(append.stream(), append.expected(), append.events());
                if (!(outcome instanceof AppendOutcome.Success success)) {
                    savepoint.rollback();
                    if (outcome instanceof AppendOutcome.WrongExpectedVersion wrong) {
                        return new SessionOutcome.RevisionConflict(append.stream(), wrong.expected(),
                                wrong.currentRevision());
                    }
                    if (outcome instanceof AppendOutcome.StreamDeleted) {
                        return new SessionOutcome.Tombstoned(append.stream());
                    }
                    return new SessionOutcome.Rejected(((AppendOutcome.Rejected) outcome).reason());
                }
                results.add(success);
                position = Math.max(position, success.position());
            }
            return new SessionOutcome.Committed(results, position);
        }

        /** The batch as it stands, to go back to when a session fails part way. */
        private final class Savepoint {
            private final int recordCount = records.size();
            private final long position = nextPosition;
            private final Map<String, Pending.State> states = new HashMap<>();

            Savepoint() {
                pending.forEach((name, stream) -> states.put(name, stream.state()));
            }

            void rollback() {
                records.subList(recordCount, records.size()).clear();
                nextPosition = position;
                pending.keySet().retainAll(states.keySet());
                states.forEach((name, state) -> pending.get(name).restore(state));
            }
        }

        /** The same events (by id) already written right after {@code expected}: success, nothing written. */
        private AppendOutcome idempotentRepeat(Pending stream, long expected, List<ProposedEvent> events) {
            Long first = stream.revisionOf(events.get(0).id());
            if (first == null) {
                return null;
            }
            for (int i = 1; i < events.size(); i++) {
                Long revision = stream.revisionOf(events.get(i).id());
                if (revision == null || revision != first + i) {
                    return null;
                }
            }
            boolean sameSpot = expected == ExpectedRevision.ANY || expected == first - 1
                    || (expected == ExpectedRevision.NO_STREAM && first == 0);
            if (!sameSpot) {
                return null;
            }
            long lastRevision = first + events.size() - 1;
            return new AppendOutcome.Success(lastRevision, stream.positionOf(lastRevision));
        }

        AppendOutcome delete(DeleteOp op) {
            Pending stream = stream(op.stream());
            if (stream.tombstoned) {
                return new AppendOutcome.StreamDeleted();
            }
            boolean exists = stream.lastRevision >= 0 && !stream.metadata().softDeleted();
            if (!ExpectedRevision.isSatisfied(op.expected(), stream.lastRevision, exists)) {
                return new AppendOutcome.WrongExpectedVersion(exists ? stream.lastRevision : -1, op.expected());
            }
            CommittedEvent written;
            if (op.tombstone()) {
                written = write(stream, op.stream(), newEventId(), CommittedEvent.TOMBSTONE_TYPE, true,
                        new byte[0], new byte[0]);
            } else {
                String meta = "$$" + op.stream();
                written = write(stream(meta), meta, newEventId(), CommittedEvent.METADATA_TYPE, true,
                        stream.metadata().withTruncateBefore(StreamMetadata.DELETED), new byte[0]);
            }
            return new AppendOutcome.Success(stream.lastRevision, written.position());
        }

        private CommittedEvent write(Pending stream, String name, UUID id, String type, boolean json, byte[] data,
                                  byte[] metadata) {
            boolean tombstone = CommittedEvent.TOMBSTONE_TYPE.equals(type);
            long revision = tombstone ? Long.MAX_VALUE : stream.lastRevision + 1;
            CommittedEvent event = new CommittedEvent(nextPosition, name, revision, id, type, json, created, data,
                    metadata);
            nextPosition += EventLog.recordSize(name, type, data, metadata);
            records.add(event);
            stream.add(event);
            if (isMetastream(name)) {
                stream(name.substring(2)).metadataOverride = StreamMetadata.parse(data);
            }
            if (!tombstone) {
                project(event);
            }
            return event;
        }

        /** System projections: {@code $ce-{category}} and {@code $et-{type}} link streams. */
        private void project(CommittedEvent event) {
            if (event.stream().startsWith("$") || event.type().startsWith("$")) {
                return;
            }
            byte[] target = (event.revision() + "@" + event.stream()).getBytes(StandardCharsets.UTF_8);
            byte[] linkMetadata = ("{\"$causedBy\":\"" + event.id() + "\",\"$o\":\""
                    + jsonEscape(event.stream()) + "\"}").getBytes(StandardCharsets.UTF_8);
            int dash = event.stream().indexOf('-');
            if (dash > 0) {
                String category = "$ce-" + event.stream().substring(0, dash);
                write(stream(category), category, newEventId(), CommittedEvent.LINK_TYPE, false, target,
                        linkMetadata);
            }
            String byType = "$et-" + event.type();
            write(stream(byType), byType, newEventId(), CommittedEvent.LINK_TYPE, false, target, linkMetadata);
        }
    }

    private static String jsonEscape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** A stream's state as seen from inside a batch. */
    private static final class Pending {
        final StreamRecord committed;
        long lastRevision;
        boolean tombstoned;
        StreamMetadata metadataOverride;
        List<CommittedEvent> added;

        record State(long lastRevision, boolean tombstoned, StreamMetadata metadataOverride, int added) {
        }

        State state() {
            return new State(lastRevision, tombstoned, metadataOverride, added == null ? 0 : added.size());
        }

        void restore(State state) {
            lastRevision = state.lastRevision();
            tombstoned = state.tombstoned();
            metadataOverride = state.metadataOverride();
            if (added != null) {
                added.subList(state.added(), added.size()).clear();
            }
        }

        Pending(StreamRecord committed) {
            this.committed = committed;
            this.lastRevision = committed == null ? -1 : committed.lastRevision();
            this.tombstoned = committed != null && committed.tombstoned;
        }

        StreamMetadata metadata() {
            if (metadataOverride != null) {
                return metadataOverride;
            }
            return committed == null ? StreamMetadata.NONE : committed.metadata;
        }

        void add(CommittedEvent event) {
            if (added == null) {
                added = new ArrayList<>();
            }
            added.add(event);
            if (event.revision() == Long.MAX_VALUE) {
                tombstoned = true;
            } else {
                lastRevision = event.revision();
            }
        }

        Long revisionOf(UUID id) {
            if (added != null) {
                for (CommittedEvent event : added) {
                    if (event.id().equals(id)) {
                        return event.revision();
                    }
                }
            }
            return committed == null ? null : committed.revisionsById.get(id);
        }

        long positionOf(long revision) {
            if (committed != null && revision < committed.events.size()) {
                return committed.events.get((int) revision).position();
            }
            for (CommittedEvent event : added == null ? List.<CommittedEvent>of() : added) {
                if (event.revision() == revision) {
                    return event.position();
                }
            }
            return -1;
        }
    }

    // ------------------------------------------------------------------------------------------------- reads

    /**
     * Reads a stream. {@code from} is a revision, or {@code -1} for the end; reads are inclusive of {@code from}.
     * Stream metadata (maxCount, maxAge, truncateBefore, soft delete) decides what is visible.
     */
    public StreamRead readStream(String name, long from, boolean forwards, long max, boolean resolveLinks) {
        StreamRecord record = streams.get(name);
        if (record == null) {
            return new StreamRead.NotFound();
        }
        if (record.tombstoned) {
            return new StreamRead.Deleted();
        }
        int size = record.events.size();
        StreamMetadata metadata = record.metadata;
        if (size == 0 || metadata.softDeleted()) {
            return new StreamRead.NotFound();
        }
        long last = size - 1L;
        long firstVisible = firstVisibleRevision(record, metadata, last);
        long oldestTicks = metadata.maxAgeSeconds() == null ? Long.MIN_VALUE
                : ticks(clock.instant()) - metadata.maxAgeSeconds() * 10_000_000L;
        List<ResolvedEvent> events = new ArrayList<>((int) Math.min(max, 256));
        if (forwards) {
            long start = from < 0 ? last + 1 : Math.max(from, firstVisible);
            for (long r = start; r <= last && events.size() < max; r++) {
                CommittedEvent event = record.events.get((int) r);
                if (event.createdTicks() >= oldestTicks) {
                    events.add(resolveLinks ? resolve(event) : new ResolvedEvent(event, null));
                }
            }
        } else {
            long start = from < 0 ? last : Math.min(from, last);
            for (long r = start; r >= firstVisible && events.size() < max; r--) {
                CommittedEvent event = record.events.get((int) r);
                if (event.createdTicks() >= oldestTicks) {
                    events.add(resolveLinks ? resolve(event) : new ResolvedEvent(event, null));
                }
            }
        }
        return new StreamRead.Events(events, last);
    }

    private static long firstVisibleRevision(StreamRecord record, StreamMetadata metadata, long last) {
        long first = 0;
        if (metadata.truncateBefore() != null) {
            first = Math.max(first, metadata.truncateBefore());
        }
        Long maxCount = isMetastream(record.name) ? Long.valueOf(1) : metadata.maxCount();
        if (maxCount != null) {
            first = Math.max(first, last - maxCount + 1);
        }
        return first;
    }

    /** Resolves a link event to the event it points at; other events, and links that dangle, stay as they are. */
    public ResolvedEvent resolve(CommittedEvent event) {
        CommittedEvent.LinkTarget target = event.linkTarget();
        if (target == null) {
            return new ResolvedEvent(event, null);
        }
        StreamRecord record = streams.get(target.stream());
        if (record == null || record.tombstoned || target.revision() < 0
                || target.revision() >= record.events.size()) {
            return new ResolvedEvent(event, null);
        }
        StreamMetadata metadata = record.metadata;
        if (metadata.softDeleted() || target.revision() < firstVisibleRevision(record, metadata,
                record.events.size() - 1L)) {
            return new ResolvedEvent(event, null);
        }
        return new ResolvedEvent(record.events.get((int) target.revision()), event);
    }

    /** A stream's metadata as last written ({@link StreamMetadata#NONE} for a stream without any). */
    public StreamMetadata metadataOf(String name) {
        StreamRecord record = streams.get(name);
        return record == null ? StreamMetadata.NONE : record.metadata;
    }

    /** The data of a stream's last event, or null when it has none (e.g. {@code $settings} before it is written). */
    public byte[] lastEventData(String name) {
        StreamRecord record = streams.get(name);
        if (record == null || record.tombstoned || record.events.size() == 0) {
            return null;
        }
        return record.events.get(record.events.size() - 1).data();
    }

    /** Last revision of a stream, or -1 when it has no events (tombstoned streams included). */
    public long lastRevision(String name) {
        StreamRecord record = streams.get(name);
        return record == null ? -1 : record.lastRevision();
    }

    /** Whether the stream has been tombstoned. */
    public boolean isTombstoned(String name) {
        StreamRecord record = streams.get(name);
        return record != null && record.tombstoned;
    }

    /** Number of events in {@code $all}; indexes below it can be read with {@link #allAt(int)}. */
    public int allSize() {
        return all.size();
    }

    public CommittedEvent allAt(int index) {
        return all.get(index);
    }

    /** Index of the first event in {@code $all} whose position is at or after {@code position}. */
    public int allIndexAtOrAfter(long position) {
        int low = 0;
        int high = all.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (all.get(mid).position() < position) {
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }

    /** Position of the last event in {@code $all}, or -1 when empty. */
    public long lastPosition() {
        int size = all.size();
        return size == 0 ? -1 : all.get(size - 1).position();
    }

    /** Position a read "from the end" starts at: past the last event. */
    public long endPosition() {
        int size = all.size();
        return size == 0 ? EventLog.HEADER_SIZE : all.get(size - 1).position() + 1;
    }

    /**
     * A random (version 4) id for an event the server writes itself: links, metadata, tombstones, checkpoints.
     * {@link UUID#randomUUID()} draws on {@code SecureRandom}, too slow for the writer's hot path and not needed here.
     */
    public static UUID newEventId() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & ~(0xC000000000000000L)) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    public static long ticks(Instant instant) {
        return instant.getEpochSecond() * 10_000_000L + instant.getNano() / 100;
    }

    @Override
    public void close() {
        closed = true;
        try {
            writer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            log.close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Closing the log failed", e);
        }
    }
}
