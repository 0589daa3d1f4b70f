package com.paystream.infrastructure.readmodel;

import com.paystream.events.EventJson;
import com.paystream.events.EventRegistry;
import com.paystream.infrastructure.client.EventStoreClients;
import com.paystream.infrastructure.store.PrivateStreams;
import com.paystream.infrastructure.subscription.EventContext;
import io.kurrent.dbclient.EventData;
import io.kurrent.dbclient.EventDataBuilder;
import io.kurrent.dbclient.Position;
import io.kurrent.dbclient.ReadResult;
import io.kurrent.dbclient.ReadStreamOptions;
import io.kurrent.dbclient.RecordedEvent;
import io.kurrent.dbclient.ResolvedEvent;
import io.kurrent.dbclient.StreamMetadata;
import io.kurrent.dbclient.StreamNotFoundException;
import io.kurrent.dbclient.SubscribeToStreamOptions;
import io.kurrent.dbclient.Subscription;
import io.kurrent.dbclient.SubscriptionListener;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Feeds one read model, or several of one service that follow the same stream, from one catch-up subscription and
 * keeps its checkpoint: an event delivered once serves every model of it. Everything it does runs on its own
 * thread, in order (events, caught-up, drops, checkpoint writes, start / stop / rebuild): the gRPC threads only hand
 * over, so nothing blocks them and no lock is held across a call to the store.
 */
final class Follower {
    private static final Logger LOG = Logger.getLogger(Follower.class);
    static final String CHECKPOINT_EVENT_TYPE = "ReadModelCheckpointed";
    private static final long MIN_DELAY_MILLIS = 500;
    private static final long MAX_DELAY_MILLIS = 5_000;
    private static final long COMMAND_TIMEOUT_SECONDS = 30;
    /** The unreadable events a model remembers for the operators (the count goes on). */
    private static final int MAX_SKIPPED_KEPT = 100;
    /** The checkpoint events kept in a checkpoint stream ({@code $maxCount}). */
    private static final long CHECKPOINTS_KEPT = 10;

    /** The models it feeds, all following the same stream; the first names the subscription. */
    private final List<ReadModel<?>> models;
    private final ReadModel<?> model;
    private final String name;
    private final EventStoreClients clients;
    private final PrivateStreams privateStreams;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService actor;
    private final String checkpointStream;

    // touched on the actor thread only
    private boolean dirty;
    private boolean metadataSet;
    private Listener listener;
    private Subscription subscription;
    private long subscriptionGeneration;
    private Checkpoint checkpointAtLastCheck;
    private long nextDelayMillis = MIN_DELAY_MILLIS;
    private boolean running;

    // read by status()
    private volatile Checkpoint checkpoint = Checkpoint.START;
    private volatile long applied;
    private volatile boolean caughtUp;
    private volatile String failure;
    private volatile long skippedCount;
    private final List<SkippedEvent> skipped = new CopyOnWriteArrayList<>();

    Follower(List<ReadModel<?>> models, EventStoreClients clients, PrivateStreams privateStreams,
             ScheduledExecutorService scheduler) {
        this.privateStreams = privateStreams;
        for (ReadModel<?> each : models) {
            if (!each.name().matches("[A-Za-z0-9]+")) {
                throw new IllegalArgumentException("A read model name is letters and digits only: " + each.name());
            }
        }
        this.models = List.copyOf(models);
        this.model = models.get(0);
        this.name = String.join("+", models.stream().map(ReadModel::name).toList());
        this.clients = clients;
        this.scheduler = scheduler;
        this.checkpointStream = checkpointStream(model.name());
        this.actor = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "read-model-" + name);
            thread.setDaemon(true);
            return thread;
        });
    }

    static String checkpointStream(String readModelName) {
        return "readmodelcheckpoint-" + readModelName;
    }

    String name() {
        return name;
    }

    List<ReadModel<?>> models() {
        return models;
    }

    /** Where {@code modelName}, one of its models, is: where the shared subscription is. */
    ReadModelStatus status(String modelName) {
        return new ReadModelStatus(modelName, caughtUp, failure, checkpoint, applied, skippedCount,
                List.copyOf(skipped));
    }

    /** Starts: from the stored checkpoint if the model keeps its state, else from scratch. */
    void start() {
        run(() -> {
            running = true;
            failure = null;
            caughtUp = false;
            begin();
        });
    }

    /** Forgets everything and follows again from the start; the stored checkpoint is reset too. Waits for it. */
    void rebuild() {
        runAndWait(() -> {
            dropSubscription();
            running = true;
            failure = null;
            caughtUp = false;
            skipped.clear();
            skippedCount = 0;
            models.forEach(ReadModel::reset);
            applied = 0;
            checkpoint = Checkpoint.START;
            dirty = true;
            flush();
            subscribe();
        });
    }

    /** Stops following and writes the checkpoint reached. Waits for it. */
    void stop() {
        runAndWait(() -> {
            running = false;
            dropSubscription();
            flush();
        });
    }

    /** Stops for good (application shutdown). */
    void close() {
        try {
            stop();
        } finally {
            actor.shutdownNow();
        }
    }

    /**
     * The client was recreated: a catch-up subscription of the old one may have died without a word (the client
     * does not report a CANCELLED catch-up subscription), so follow again from the checkpoint on the new one.
     */
    void clientRecreated(long generation) {
        run(() -> {
            if (running && subscription != null && subscriptionGeneration < generation) {
                LOG.infof("Read model %s moves to the recreated client #%d", name, generation);
                dropSubscription();
                caughtUp = false;
                subscribe();
            }
        });
    }

    /**
     * Stall check: the source moved past the checkpoint and nothing arrived since the last check, so the
     * subscription died without a word; follow again from the checkpoint.
     */
    void checkStalled() {
        run(() -> {
            if (!running || subscription == null || !caughtUp) {
                checkpointAtLastCheck = null;
                return;
            }
            Checkpoint seen = checkpoint;
            boolean noProgress = seen.equals(checkpointAtLastCheck);
            checkpointAtLastCheck = seen;
            if (!noProgress) {
                return;
            }
            try {
                List<ResolvedEvent> head = clients.call(client -> client.readStream(model.source().stream(),
                        ReadStreamOptions.get().backwards().fromEnd().maxCount(1).notResolveLinkTos())).getEvents();
                long headRevision = head.isEmpty() ? -1 : head.get(0).getOriginalEvent().getRevision();
                long at = seen.revision() == null ? -1 : seen.revision();
                if (headRevision > at) {
                    LOG.warnf("Read model %s stalled at %d while %s is at %d: following again", name, at,
                            model.source(), headRevision);
                    dropSubscription();
                    subscribe();
                }
            } catch (StreamNotFoundException e) {
                // nothing to follow yet
            } catch (RuntimeException e) {
                LOG.debugf("Read model %s stall check failed: %s", name, e.toString());
            }
        });
    }

    void flushQuietly() {
        run(this::flush);
    }

    private void run(Runnable task) {
        try {
            actor.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.debug("Read model " + name + " is closed");
        }
    }

    private void runAndWait(Runnable task) {
        try {
            actor.submit(task).get(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
            throw new IllegalStateException("Read model " + name + ": " + e, e);
        }
    }

    private void later(Runnable task, long delayMillis) {
        try {
            scheduler.schedule(() -> run(task), delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("Shutting down: not scheduling " + name);
        }
    }

    private void begin() {
        if (!running) {
            return;
        }
        try {
            if (model.keepsStateAcrossRestarts()) {
                checkpoint = loadCheckpoint();
                LOG.infof("Read model %s resumes after %s", name, checkpoint);
            } else {
                models.forEach(ReadModel::reset);
                checkpoint = Checkpoint.START;
            }
            applied = 0;
        } catch (RuntimeException e) {
            retryLater("load its checkpoint", e, this::begin);
            return;
        }
        subscribe();
    }

    private void subscribe() {
        if (!running || subscription != null) {
            return;
        }
        Listener next = new Listener();
        try {
            Checkpoint from = checkpoint;
            SubscribeToStreamOptions options = SubscribeToStreamOptions.get().resolveLinkTos();
            SubscribeToStreamOptions chosen = from.isStart() ? options.fromStart()
                    : options.fromRevision(from.revision());
            EventStoreClients.Connection connection = clients.connection();
            subscription = clients.await(connection.client().subscribeToStream(model.source().stream(), next,
                    chosen));
            subscriptionGeneration = connection.generation();
            listener = next;
            nextDelayMillis = MIN_DELAY_MILLIS;
            LOG.infof("Read model %s follows %s after %s", name, model.source(), from);
        } catch (RuntimeException e) {
            next.dead = true;
            retryLater("subscribe", e, this::subscribe);
        }
    }

    private void retryLater(String what, RuntimeException e, Runnable action) {
        long delay = nextDelayMillis;
        nextDelayMillis = Math.min(nextDelayMillis * 2, MAX_DELAY_MILLIS);
        LOG.warnf("Read model %s cannot %s (%s); trying again in %d ms", name, what, e.getMessage(), delay);
        later(action, delay);
    }

    private void dropSubscription() {
        if (listener != null) {
            listener.dead = true;
        }
        if (subscription != null) {
            try {
                subscription.stop();
            } catch (RuntimeException e) {
                LOG.debug("Stopping the subscription of " + name, e);
            }
        }
        subscription = null;
        listener = null;
    }

    /** Called on gRPC threads: hands everything over to the actor thread. */
    private final class Listener extends SubscriptionListener {
        volatile boolean dead;

        @Override
        public void onEvent(Subscription ignored, ResolvedEvent event) {
            run(() -> {
                if (!dead && running) {
                    process(event);
                }
            });
        }

        @Override
        public void onCaughtUp(Subscription ignored, Instant timestamp, Long streamRevision, Position position) {
            run(() -> {
                if (!dead && running && failure == null) {
                    caughtUp = true;
                    LOG.infof("Read model %s caught up", name);
                    flush();
                }
            });
        }

        @Override
        public void onCancelled(Subscription ignored, Throwable exception) {
            run(() -> {
                if (dead || !running) {
                    return;
                }
                dead = true;
                subscription = null;
                listener = null;
                retryLater("keep its subscription", new RuntimeException(
                        exception == null ? "closed by the server" : exception.toString()), Follower.this::subscribe);
            });
        }
    }

    private void process(ResolvedEvent resolved) {
        Checkpoint reached = Checkpoint.revision(resolved.getOriginalEvent().getRevision());
        RecordedEvent recorded = resolved.getEvent();
        if (recorded != null) {
            EventContext context = EventContext.of(recorded, 0);
            if (context.correlationId() != null) {
                MDC.put("correlationId", context.correlationId());
            }
            try {
                Decoded decoded = new Decoded(recorded);
                boolean appliedToAny = false;
                for (ReadModel<?> each : models) {
                    Boolean fed = feed(each, recorded, context, decoded);
                    if (fed == null) {
                        return; // stopped
                    }
                    appliedToAny |= fed;
                }
                if (appliedToAny) {
                    applied++;
                }
            } finally {
                MDC.remove("correlationId");
            }
        }
        checkpoint = reached;
        dirty = true;
    }

    /** Whether {@code each} applied the event; null when it stopped the subscription. */
    private Boolean feed(ReadModel<?> each, RecordedEvent recorded, EventContext context, Decoded decoded) {
        boolean known = each.events().classOf(recorded.getEventType()).isPresent();
        if (!known && each.stopsAtAnUnreadableEvent()) {
            fail("Cannot apply " + recorded.getRevision() + "@" + recorded.getStreamId() + ": unknown event type "
                    + recorded.getEventType(), new IllegalStateException(recorded.getEventType()));
            return null;
        } else if (!known) {
            LOG.debugf("Read model %s passes over %s (not one of its event types)", each.name(),
                    recorded.getEventType());
            return false;
        }
        try {
            Object event = decoded.as(each);
            if (event == null) {
                return false;
            }
            apply(each, event, context);
            return true;
        } catch (RuntimeException e) {
            fail("Cannot apply " + recorded.getRevision() + "@" + recorded.getStreamId() + " to " + each.name()
                    + ": " + e.getMessage(), e);
            return null;
        }
    }

    /**
     * One delivered event as the models read it, deserialised once per family of events (models over the same
     * stream usually share one). Null for a model when no code can read it: that stops nothing, unless the model
     * {@linkplain ReadModel#stopsAtAnUnreadableEvent() stops there} (then it throws, and {@code feed} stops it). It
     * stays in the store (a rebuild after a fix reads it again), and is noted for the operators, as a consumer group
     * parks one.
     */
    private final class Decoded {
        private final RecordedEvent recorded;
        private EventRegistry<?> family;
        private Object event;

        Decoded(RecordedEvent recorded) {
            this.recorded = recorded;
        }

        Object as(ReadModel<?> reader) {
            if (family != reader.events()) {
                family = reader.events();
                try {
                    event = family.deserialize(recorded.getEventType(), recorded.getEventData());
                } catch (RuntimeException unreadable) {
                    if (reader.stopsAtAnUnreadableEvent()) {
                        throw unreadable;
                    }
                    event = null;
                    skip(recorded, unreadable);
                }
            }
            return event;
        }
    }

    @SuppressWarnings("unchecked")
    private static <E> void apply(ReadModel<E> model, Object event, EventContext context) {
        model.apply((E) event, context);
    }

    private void skip(RecordedEvent recorded, RuntimeException unreadable) {
        String reason = unreadable.getMessage();
        LOG.errorf("Read model %s skips %s@%s (%s), which it cannot read: %s", name, recorded.getRevision(),
                recorded.getStreamId(), recorded.getEventType(), reason);
        skipped.add(new SkippedEvent(recorded.getStreamId(), recorded.getRevision(), recorded.getEventType(),
                recorded.getEventId().toString(), reason, Instant.now()));
        while (skipped.size() > MAX_SKIPPED_KEPT) {
            skipped.remove(0);
        }
        skippedCount++;
    }

    private void fail(String reason, RuntimeException e) {
        LOG.errorf(e, "Read model %s stopped: %s", name, reason);
        failure = reason;
        running = false;
        dropSubscription();
        flush();
    }

    /** Writes the checkpoint if it moved. A failure leaves it for the next flush. */
    private void flush() {
        if (!dirty) {
            return;
        }
        try {
            byte[] json = EventJson.mapper().writeValueAsBytes(checkpoint);
            EventData data = EventDataBuilder.json(UUID.randomUUID(), CHECKPOINT_EVENT_TYPE, json).build();
            if (!metadataSet) {
                // the last few checkpoints are kept, readable and writable by this service only
                if (privateStreams.enabled()) {
                    privateStreams.protect(checkpointStream, CHECKPOINTS_KEPT);
                } else {
                    StreamMetadata metadata = new StreamMetadata();
                    metadata.setMaxCount(CHECKPOINTS_KEPT);
                    clients.call(client -> client.setStreamMetadata(checkpointStream, metadata));
                }
                metadataSet = true;
            }
            clients.call(client -> client.appendToStream(checkpointStream, data));
            dirty = false;
        } catch (IOException | RuntimeException e) {
            LOG.debugf("Read model %s could not write its checkpoint yet: %s", name, e.toString());
        }
    }

    private Checkpoint loadCheckpoint() {
        try {
            ReadResult result = clients.call(client -> client.readStream(checkpointStream,
                    ReadStreamOptions.get().backwards().fromEnd().maxCount(1)));
            List<ResolvedEvent> events = result.getEvents();
            if (events.isEmpty()) {
                return Checkpoint.START;
            }
            return EventJson.mapper().readValue(events.get(0).getEvent().getEventData(), Checkpoint.class);
        } catch (StreamNotFoundException e) {
            return Checkpoint.START;
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable checkpoint in " + checkpointStream, e);
        }
    }
}
