package com.paystream.benchmarks;

import com.paystream.benchmarks.BenchmarkOptions.Client;
import com.paystream.benchmarks.RawGrpcClient.AllPosition;
import com.paystream.benchmarks.RawGrpcClient.Page;
import com.paystream.benchmarks.Results.Latency;
import com.paystream.benchmarks.Results.Row;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.kurrent.dbclient.AppendToStreamOptions;
import io.kurrent.dbclient.CreatePersistentSubscriptionToStreamOptions;
import io.kurrent.dbclient.EventData;
import io.kurrent.dbclient.EventDataBuilder;
import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.KurrentDBPersistentSubscriptionsClient;
import io.kurrent.dbclient.NamedConsumerStrategy;
import io.kurrent.dbclient.PersistentSubscription;
import io.kurrent.dbclient.PersistentSubscriptionListener;
import io.kurrent.dbclient.Position;
import io.kurrent.dbclient.ReadAllOptions;
import io.kurrent.dbclient.ResolvedEvent;
import io.kurrent.dbclient.StreamState;
import io.kurrent.dbclient.SubscribePersistentSubscriptionOptions;
import io.kurrent.dbclient.UnsupportedFeatureException;
import io.kurrent.dbclient.WrongExpectedVersionException;
import org.HdrHistogram.Histogram;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The measurements against one server. Appends and $all reads go through the official client or the raw gRPC one
 * (same loads, same code path here); persistent subscriptions through the official client. Every timed run is preceded
 * by an untimed run of the same load, and every wait is bounded: a server that stops answering fails the measurement,
 * never hangs it.
 */
final class Measurements {
    static final String EVENT_TYPE = "BenchmarkPaymentRecorded";
    static final byte[] DATA = json("{\"paymentId\":\"6f1c2d9e-3b4a-4f5e-8a7b-1c2d3e4f5a6b\",\"accountNumber\":"
            + "\"41234567\",\"sortCode\":\"401276\",\"amount\":{\"minor\":125000,\"currency\":\"GBP\"},"
            + "\"ref\":\"INV 2024-0042\",\"at\":\"2024-05-01T09:30:00Z\",\"n\":\"", 200);
    static final byte[] METADATA = ("{\"$correlationId\":\"6f1c2d9e-3b4a-4f5e-8a7b-1c2d3e4f5a6b\","
            + "\"$causationId\":\"0b8e7c6d-5a4f-4e3d-9c2b-1a0f9e8d7c6b\"}").getBytes(StandardCharsets.US_ASCII);

    /** Each writer moves to a new stream after this many appends: short streams, like {@code payment-{id}}. */
    private static final int APPENDS_PER_STREAM = 10;
    private static final int READ_PAGE = 4096;
    private static final int PREWRITE_BATCH = 100;
    static final long CALL_TIMEOUT_SECONDS = 30;

    private final KurrentDBClient client;
    private final RawGrpcClient raw;
    private final KurrentDBPersistentSubscriptionsClient subscriptions;
    private final String runId;
    private final Duration measurement;
    private final Duration warmUp;
    private final AtomicInteger loads = new AtomicInteger();

    /** {@code raw} may be null when no row uses it. */
    Measurements(KurrentDBClient client, RawGrpcClient raw, String runId, Duration measurement, Duration warmUp) {
        this.client = client;
        this.raw = raw;
        this.subscriptions = KurrentDBPersistentSubscriptionsClient.from(client);
        this.runId = runId;
        this.measurement = measurement;
        this.warmUp = warmUp;
    }

    /** Opens the connections (discovery, server features, channels), so no measurement pays for it. */
    void connect() {
        await(client.readAll(ReadAllOptions.get().fromStart().maxCount(1)));
        if (raw != null) {
            await(raw.readAll(null, 1));
        }
    }

    // ---- appends ----

    /** One append of {@code batchSize} events; completes with the stream's revision after it (-1: no stream). */
    private interface Appender {
        CompletableFuture<Long> append(String stream, long expectedRevision, int batchSize);
    }

    private Appender appender(Client which) {
        if (which == Client.RAW) {
            return raw::append;
        }
        return (stream, expected, batchSize) -> client.appendToStream(stream,
                        AppendToStreamOptions.get().streamState(StreamState.fromRawLong(expected)),
                        events(batchSize).iterator())
                .thenApply(result -> result.getNextExpectedRevision().toRawLong());
    }

    /**
     * Appends/s of {@code writers} writers through {@code which}, each to its own streams with {@code inFlight}
     * appends in flight (1: a closed loop), with the latency of every append. Appends the server refuses with a
     * wrong expected version are counted apart, and reported as the row's problem.
     */
    Row appends(String id, String label, Client which, int writers, int inFlight, int batchSize) {
        Appender appender = appender(which);
        appendLoad(appender, writers, inFlight, batchSize, warmUp);
        AppendLoad load = appendLoad(appender, writers, inFlight, batchSize, measurement);
        double seconds = load.nanos / 1e9;
        long appends = load.latency.getTotalCount();
        long events = appends * batchSize;
        String problem = load.refused == 0 ? null : load.refused + " appends refused: wrong expected version";
        return new Row(id, which.id, label, "appends", appends / seconds, batchSize > 1 ? events / seconds : null,
                appends, events, seconds, Latency.of(load.latency), problem);
    }

    /** The latency of the accepted appends, and how many were refused with a wrong expected version. */
    private record AppendLoad(long nanos, Histogram latency, long refused) {
    }

    private record Written(Histogram latency, long refused) {
    }

    private AppendLoad appendLoad(Appender appender, int writers, int inFlight, int batchSize, Duration length) {
        if (length.isZero()) {
            return new AppendLoad(1, new Histogram(3), 0);
        }
        String prefix = "benchmark-" + runId + "_" + loads.incrementAndGet() + "_";
        ExecutorService threads = Executors.newFixedThreadPool(writers);
        try {
            CountDownLatch ready = new CountDownLatch(writers);
            CountDownLatch go = new CountDownLatch(1);
            AtomicLong deadline = new AtomicLong();
            List<Future<Written>> results = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                String streams = prefix + "w" + w + "_";
                results.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return write(appender, streams, inFlight, batchSize, deadline.get());
                }));
            }
            ready.await();
            long start = System.nanoTime();
            deadline.set(start + length.toNanos());
            go.countDown();
            Histogram latency = new Histogram(3);
            long refused = 0;
            for (Future<Written> result : results) {
                latency.add(result.get().latency());
                refused += result.get().refused();
            }
            return new AppendLoad(System.nanoTime() - start, latency, refused);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(describe(e.getCause()), e.getCause());
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * One writer: appends until the deadline, keeping {@code inFlight} appends in flight, each in its own lane of
     * streams. The latency of an append is recorded where it completes.
     */
    private static Written write(Appender appender, String streams, int inFlight, int batchSize, long deadline)
            throws InterruptedException {
        Histogram latency = new Histogram(3);
        AtomicLong refused = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        BlockingQueue<Lane> idle = new ArrayBlockingQueue<>(inFlight);
        for (int i = 0; i < inFlight; i++) {
            idle.add(new Lane(inFlight == 1 ? streams : streams + "l" + i + "_"));
        }
        while (System.nanoTime() < deadline && failure.get() == null) {
            Lane lane = takeIdle(idle);
            String stream = lane.nextStream();
            long start = System.nanoTime();
            CompletableFuture<Long> append;
            try {
                append = appender.append(stream, lane.expected, batchSize);
            } catch (RuntimeException e) {
                append = CompletableFuture.failedFuture(e);
            }
            append.whenComplete((revision, error) -> {
                long nanos = System.nanoTime() - start;
                if (error == null) {
                    lane.expected = revision;
                    synchronized (latency) {
                        latency.recordValue(nanos);
                    }
                } else if (wrongExpectedVersion(error)) {
                    refused.incrementAndGet();
                    lane.skipStream();
                } else {
                    failure.compareAndSet(null, error);
                }
                idle.add(lane);
            });
        }
        for (int i = 0; i < inFlight; i++) {
            takeIdle(idle);
        }
        if (failure.get() != null) {
            throw new IllegalStateException(describe(failure.get()), failure.get());
        }
        synchronized (latency) {
            return new Written(latency, refused.get());
        }
    }

    private static Lane takeIdle(BlockingQueue<Lane> idle) throws InterruptedException {
        Lane lane = idle.poll(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (lane == null) {
            throw new IllegalStateException("no answer within " + CALL_TIMEOUT_SECONDS + " s");
        }
        return lane;
    }

    /**
     * One sequence of appends: to a new stream every few appends, like {@code payment-{id}}, each with the expected
     * revision the previous one returned. Used by one append at a time (handed over through the idle queue).
     */
    private static final class Lane {
        private final String streams;
        private long appends;
        private long expected;

        Lane(String streams) {
            this.streams = streams;
        }

        String nextStream() {
            if (appends % APPENDS_PER_STREAM == 0) {
                expected = RawGrpcClient.NO_STREAM;
            }
            return streams + appends++ / APPENDS_PER_STREAM;
        }

        /** After a refused append: the rest of this stream's appends would be refused too. */
        void skipStream() {
            appends = (appends + APPENDS_PER_STREAM - 1) / APPENDS_PER_STREAM * APPENDS_PER_STREAM;
        }
    }

    private static boolean wrongExpectedVersion(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof WrongExpectedVersionException || cause instanceof RawGrpcClient.WrongExpectedVersion) {
                return true;
            }
        }
        return false;
    }

    private static List<EventData> events(int count) {
        List<EventData> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(EventDataBuilder.json(EVENT_TYPE, DATA).eventId(randomUuid()).metadataAsBytes(METADATA).build());
        }
        return events;
    }

    /** A version-4 UUID without {@link UUID#randomUUID()}'s shared SecureRandom, which writers would contend on. */
    static UUID randomUuid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID((random.nextLong() & ~0xF000L) | 0x4000L,
                (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
    }

    // ---- reading $all ----

    /**
     * Events/s reading {@code $all} forwards through {@code which} in pages, from the start to the end (everything
     * written so far), within the long limit. The warm-up reads for the warm-up time.
     */
    Row readAll(String id, String label, Client which) {
        Function<AllPosition, Page> reader = reader(which);
        pageThroughAll(reader, warmUp);
        long start = System.nanoTime();
        long[] read = pageThroughAll(reader, longLimit());
        double seconds = (System.nanoTime() - start) / 1e9;
        String problem = read[1] == 1 ? null : "stopped after " + longLimit().toSeconds() + " s, before the end of $all";
        return new Row(id, which.id, label, "events", read[0] / seconds, null, read[0], read[0], seconds, null,
                problem);
    }

    /** Reads a page of {@code $all} forwards from a position (inclusive; null: the start). */
    private Function<AllPosition, Page> reader(Client which) {
        if (which == Client.RAW) {
            return from -> await(raw.readAll(from, READ_PAGE));
        }
        return from -> {
            ReadAllOptions options = ReadAllOptions.get().forwards().maxCount(READ_PAGE);
            List<ResolvedEvent> page = await(client.readAll(from == null ? options.fromStart()
                    : options.fromPosition(new Position(from.commit(), from.prepare())))).getEvents();
            return page.isEmpty() ? new Page(0, null, null)
                    : new Page(page.size(), position(page.get(0)), position(page.get(page.size() - 1)));
        };
    }

    /** Bound of the measurements that run to completion rather than for the measurement time. */
    private Duration longLimit() {
        return Duration.ofSeconds(Math.max(60, 3 * measurement.toSeconds()));
    }

    /** Returns {events read, 1 if the end was reached}. */
    private static long[] pageThroughAll(Function<AllPosition, Page> reader, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        AllPosition from = null;
        long events = 0;
        while (System.nanoTime() < deadline) {
            Page page = reader.apply(from);
            boolean repeatsLast = from != null && page.events() > 0 && from.equals(page.first());
            events += page.events() - (repeatsLast ? 1 : 0);
            if (page.events() < READ_PAGE) {
                return new long[] {events, 1};
            }
            from = page.last();
        }
        return new long[] {events, 0};
    }

    private static AllPosition position(ResolvedEvent event) {
        Position position = event.getOriginalEvent().getPosition();
        return new AllPosition(position.getCommitUnsigned(), position.getPrepareUnsigned());
    }

    // ---- persistent subscriptions ----

    /**
     * Deliveries/s, each acked, to each count of competing consumers (RoundRobin) of a fresh group created from the
     * start of a stream of {@code events} events, from the first subscribe until every event was acked once. A group
     * consumed for the warm-up time comes first; a server without persistent subscriptions gets "not supported" rows.
     */
    List<Row> persistentSubscriptions(int events, int... consumerCounts) {
        String stream = "benchmarksubscription-" + runId;
        String warmUpGroup = "benchmark-warmup";
        try {
            createGroup(stream, warmUpGroup);
            for (int written = 0; written < events; written += PREWRITE_BATCH) {
                await(client.appendToStream(stream, events(Math.min(PREWRITE_BATCH, events - written)).iterator()));
            }
            consumeQuietly(stream, warmUpGroup, 1, events, warmUp);
        } catch (RuntimeException e) {
            List<Row> rows = new ArrayList<>();
            for (int consumers : consumerCounts) {
                rows.add(Row.failed(subscriptionId(consumers), Client.OFFICIAL.id, subscriptionLabel(consumers), "deliveries",
                        problem(e)));
            }
            return rows;
        }
        List<Row> rows = new ArrayList<>();
        for (int consumers : consumerCounts) {
            rows.add(consume(stream, "benchmark-" + consumers + "-consumers", consumers, events, longLimit()));
        }
        return rows;
    }

    private static String problem(RuntimeException e) {
        return unsupported(e) ? "not supported by this server (" + describe(e) + ")" : describe(e);
    }

    static String subscriptionId(int consumers) {
        return "persistent_subscription_" + consumers + (consumers == 1 ? "_consumer" : "_consumers");
    }

    private static String subscriptionLabel(int consumers) {
        return "persistent sub, " + consumers + (consumers == 1 ? " consumer" : " consumers");
    }

    private void createGroup(String stream, String group) {
        await(subscriptions.createToStream(stream, group, CreatePersistentSubscriptionToStreamOptions.get()
                .fromStart().namedConsumerStrategy(NamedConsumerStrategy.ROUND_ROBIN)));
    }

    private void consumeQuietly(String stream, String group, int consumers, int events, Duration limit) {
        if (!limit.isZero()) {
            try {
                new Consumption(consumers, events).run(stream, group, limit);
            } catch (RuntimeException warmUpOnly) {
                // the timed run reports it
            }
        }
        deleteGroup(stream, group);
    }

    private Row consume(String stream, String group, int consumers, int events, Duration limit) {
        String id = subscriptionId(consumers);
        String label = subscriptionLabel(consumers);
        try {
            createGroup(stream, group);
            Consumption consumption = new Consumption(consumers, events);
            double seconds = consumption.run(stream, group, limit) / 1e9;
            long acked = consumption.acked.get();
            String problem = acked < events ? "only " + acked + " of " + events + " events acked within "
                    + limit.toSeconds() + " s" : null;
            long deliveries = consumption.deliveries.get();
            if (problem == null && deliveries > events) {
                problem = (deliveries - events) + " redeliveries";
            }
            return new Row(id, Client.OFFICIAL.id, label, "deliveries", deliveries / seconds, null, deliveries, acked,
                    seconds, null, problem);
        } catch (RuntimeException e) {
            return Row.failed(id, Client.OFFICIAL.id, label, "deliveries", problem(e));
        } finally {
            deleteGroup(stream, group);
        }
    }

    private void deleteGroup(String stream, String group) {
        try {
            await(subscriptions.deleteToStream(stream, group));
        } catch (RuntimeException absentOrUnsupported) {
            // best effort: every run uses its own stream, so a leftover group disturbs nothing
        }
    }

    /** One group's consumers, acking every event, until each of the stream's events was acked once. */
    private final class Consumption {
        private final int consumers;
        private final int events;
        private final Set<Long> seen = ConcurrentHashMap.newKeySet();
        private final AtomicLong acked = new AtomicLong();
        private final AtomicLong deliveries = new AtomicLong();
        private final CountDownLatch finished = new CountDownLatch(1);
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        Consumption(int consumers, int events) {
            this.consumers = consumers;
            this.events = events;
        }

        /** Returns the nanoseconds from the first subscribe to the last ack (or the limit). */
        long run(String stream, String group, Duration limit) {
            PersistentSubscriptionListener listener = new PersistentSubscriptionListener() {
                @Override
                public void onEvent(PersistentSubscription subscription, int retryCount, ResolvedEvent event) {
                    subscription.ack(event);
                    deliveries.incrementAndGet();
                    if (seen.add(event.getOriginalEvent().getRevision()) && acked.incrementAndGet() == events) {
                        finished.countDown();
                    }
                }

                @Override
                public void onCancelled(PersistentSubscription subscription, Throwable exception) {
                    if (exception != null) {
                        failure.compareAndSet(null, exception);
                        finished.countDown();
                    }
                }
            };
            List<PersistentSubscription> subscribed = new ArrayList<>();
            long start = System.nanoTime();
            try {
                for (int i = 0; i < consumers; i++) {
                    subscribed.add(await(subscriptions.subscribeToStream(stream, group,
                            SubscribePersistentSubscriptionOptions.get(), listener)));
                }
                finished.await(limit.toNanos() - (System.nanoTime() - start), TimeUnit.NANOSECONDS);
                long nanos = System.nanoTime() - start;
                if (failure.get() != null) {
                    throw new IllegalStateException(describe(failure.get()), failure.get());
                }
                return nanos;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } finally {
                subscribed.forEach(PersistentSubscription::stop);
            }
        }
    }

    // ---- helpers ----

    private static <T> T await(CompletableFuture<T> call) {
        try {
            return call.get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(describe(e.getCause()), e.getCause());
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new IllegalStateException("no answer within " + CALL_TIMEOUT_SECONDS + " s", e);
        }
    }

    /** True when the server lacks the call: gRPC UNIMPLEMENTED, or the client refusing for a missing feature. */
    static boolean unsupported(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnsupportedFeatureException) {
                return true;
            }
            if (cause instanceof StatusRuntimeException status
                    && status.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
                return true;
            }
        }
        return false;
    }

    static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }

    /** {@code prefix} padded to exactly {@code size} bytes and closed as a JSON string field. */
    private static byte[] json(String prefix, int size) {
        String closing = "\"}";
        int padding = size - prefix.length() - closing.length();
        if (padding < 0) {
            throw new IllegalArgumentException("prefix longer than " + size + " bytes");
        }
        return (prefix + "x".repeat(padding) + closing).getBytes(StandardCharsets.US_ASCII);
    }
}
