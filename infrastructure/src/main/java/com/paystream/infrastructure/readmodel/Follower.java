package com.paystream.infrastructure.readmodel;

import com.eventstore.dbclient.EventData;
import com.eventstore.dbclient.EventDataBuilder;
import com.eventstore.dbclient.ExpectedRevision;
import com.eventstore.dbclient.Position;
import com.eventstore.dbclient.ReadResult;
import com.eventstore.dbclient.ReadStreamOptions;
import com.eventstore.dbclient.RecordedEvent;
import com.eventstore.dbclient.ResolvedEvent;
import com.eventstore.dbclient.StreamMetadata;
import com.eventstore.dbclient.StreamNotFoundException;
import com.eventstore.dbclient.SubscribeToAllOptions;
import com.eventstore.dbclient.SubscribeToStreamOptions;
import com.eventstore.dbclient.Subscription;
import com.eventstore.dbclient.SubscriptionFilter;
import com.eventstore.dbclient.SubscriptionListener;
import com.paystream.events.EventJson;
import com.paystream.events.EventTypes;
import com.paystream.events.PaymentEvent;
import com.paystream.infrastructure.client.EventStoreClients;
import com.paystream.infrastructure.subscription.EventContext;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Feeds one read model from its catch-up subscription and keeps its checkpoint. */
final class Follower {
    private static final Logger LOG = Logger.getLogger(Follower.class);
    static final String CHECKPOINT_EVENT_TYPE = "ReadModelCheckpointed";
    private static final long MIN_DELAY_MILLIS = 500;
    private static final long MAX_DELAY_MILLIS = 10_000;

    private final ReadModel model;
    private final EventStoreClients clients;
    private final ScheduledExecutorService scheduler;
    private final String checkpointStream;

    // guarded by this
    private Checkpoint checkpoint = Checkpoint.START;
    private boolean dirty;
    private boolean metadataSet;
    private long applied;
    private Listener listener;
    private Subscription subscription;
    private long nextDelayMillis = MIN_DELAY_MILLIS;

    private volatile boolean caughtUp;
    private volatile String failure;
    private volatile boolean running;

    Follower(ReadModel model, EventStoreClients clients, ScheduledExecutorService scheduler) {
        if (!model.name().matches("[A-Za-z0-9]+")) {
            throw new IllegalArgumentException("A read model name is letters and digits only: " + model.name());
        }
        this.model = model;
        this.clients = clients;
        this.scheduler = scheduler;
        this.checkpointStream = checkpointStream(model.name());
    }

    static String checkpointStream(String readModelName) {
        return "readmodelcheckpoint-" + readModelName;
    }

    String name() {
        return model.name();
    }

    synchronized ReadModelStatus status() {
        return new ReadModelStatus(model.name(), caughtUp, failure, checkpoint, applied);
    }

    /** Starts: from the stored checkpoint if the model keeps its state, else from scratch. */
    synchronized void start() {
        running = true;
        failure = null;
        caughtUp = false;
        schedule(this::begin, 0);
    }

    /** Forgets everything and follows again from the start; the stored checkpoint is reset too. */
    synchronized void rebuild() {
        dropSubscription();
        running = true;
        failure = null;
        caughtUp = false;
        model.reset();
        applied = 0;
        checkpoint = Checkpoint.START;
        dirty = true;
        flush();
        schedule(this::subscribe, 0);
    }

    /** Stops following; the checkpoint reached is written. */
    synchronized void stop() {
        running = false;
        dropSubscription();
        flush();
    }

    private void begin() {
        synchronized (this) {
            if (!running) {
                return;
            }
            try {
                if (model.keepsStateAcrossRestarts()) {
                    checkpoint = loadCheckpoint();
                    LOG.infof("Read model %s resumes after %s", model.name(), checkpoint);
                } else {
                    model.reset();
                    checkpoint = Checkpoint.START;
                }
                applied = 0;
            } catch (RuntimeException e) {
                retryLater("load the checkpoint", e, this::begin);
                return;
            }
        }
        subscribe();
    }

    private void subscribe() {
        synchronized (this) {
            if (!running || subscription != null) {
                return;
            }
            Listener next = new Listener();
            listener = next;
            try {
                if (model.source().isAll()) {
                    SubscribeToAllOptions options = SubscribeToAllOptions.get()
                            .filter(SubscriptionFilter.newBuilder()
                                    .withEventTypeRegularExpression(model.source().eventTypeRegex()).build());
                    options = checkpoint.isStart() ? options.fromStart()
                            : options.fromPosition(new Position(checkpoint.commit(), checkpoint.prepare()));
                    SubscribeToAllOptions chosen = options;
                    subscription = clients.call(client -> client.subscribeToAll(next, chosen));
                } else {
                    SubscribeToStreamOptions options = SubscribeToStreamOptions.get().resolveLinkTos();
                    options = checkpoint.isStart() ? options.fromStart() : options.fromRevision(checkpoint.revision());
                    SubscribeToStreamOptions chosen = options;
                    subscription = clients.call(client -> client.subscribeToStream(model.source().stream(), next,
                            chosen));
                }
                nextDelayMillis = MIN_DELAY_MILLIS;
                LOG.infof("Read model %s follows %s after %s", model.name(), model.source(), checkpoint);
            } catch (RuntimeException e) {
                next.dead = true;
                retryLater("subscribe", e, this::subscribe);
            }
        }
    }

    private void retryLater(String what, RuntimeException e, Runnable action) {
        long delay = nextDelayMillis;
        nextDelayMillis = Math.min(nextDelayMillis * 2, MAX_DELAY_MILLIS);
        LOG.warnf("Read model %s cannot %s (%s); trying again in %d ms", model.name(), what, e.getMessage(), delay);
        schedule(action, delay);
    }

    private void schedule(Runnable action, long delayMillis) {
        try {
            scheduler.schedule(action, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("Shutting down: not scheduling " + model.name());
        }
    }

    private void dropSubscription() {
        if (listener != null) {
            listener.dead = true;
        }
        if (subscription != null) {
            try {
                subscription.stop();
            } catch (RuntimeException e) {
                LOG.debug("Stopping the subscription of " + model.name(), e);
            }
        }
        subscription = null;
        listener = null;
    }

    private final class Listener extends SubscriptionListener {
        volatile boolean dead;

        @Override
        public void onEvent(Subscription ignored, ResolvedEvent event) {
            synchronized (Follower.this) {
                if (!dead && running) {
                    process(event);
                }
            }
        }

        @Override
        public void onCaughtUp(Subscription ignored) {
            if (!dead) {
                caughtUp = true;
                LOG.infof("Read model %s caught up", model.name());
                schedule(Follower.this::flushQuietly, 0);
            }
        }

        @Override
        public void onCancelled(Subscription ignored, Throwable exception) {
            synchronized (Follower.this) {
                if (dead || !running) {
                    return;
                }
                dead = true;
                subscription = null;
                listener = null;
                retryLater("keep its subscription", new RuntimeException(
                        exception == null ? "closed by the server" : exception.toString()), Follower.this::subscribe);
            }
        }
    }

    /** Called under the lock. */
    private void process(ResolvedEvent resolved) {
        Checkpoint reached = model.source().isAll()
                ? position(resolved)
                : Checkpoint.revision(resolved.getOriginalEvent().getRevision());
        RecordedEvent recorded = resolved.getEvent();
        if (recorded != null) {
            if (EventTypes.classOf(recorded.getEventType()).isEmpty()) {
                LOG.debugf("Read model %s passes over %s (not a published event type)", model.name(),
                        recorded.getEventType());
            } else {
                EventContext context = EventContext.of(recorded, 0);
                if (context.correlationId() != null) {
                    MDC.put("correlationId", context.correlationId());
                }
                try {
                    PaymentEvent event = EventJson.deserialize(recorded.getEventType(), recorded.getEventData());
                    model.apply(event, context);
                    applied++;
                } catch (RuntimeException e) {
                    fail("Cannot apply " + recorded.getRevision() + "@" + recorded.getStreamId() + ": "
                            + e.getMessage(), e);
                    return;
                } finally {
                    MDC.remove("correlationId");
                }
            }
        }
        checkpoint = reached;
        dirty = true;
    }

    private static Checkpoint position(ResolvedEvent resolved) {
        Position position = resolved.getPosition()
                .orElseGet(() -> resolved.getOriginalEvent().getPosition());
        return Checkpoint.position(position.getCommitUnsigned(), position.getPrepareUnsigned());
    }

    private void fail(String reason, RuntimeException e) {
        LOG.errorf(e, "Read model %s stopped: %s", model.name(), reason);
        failure = reason;
        dropSubscription();
        flush();
    }

    void flushQuietly() {
        synchronized (this) {
            flush();
        }
    }

    /** Writes the checkpoint if it moved; called under the lock. A failure leaves it for the next flush. */
    private void flush() {
        if (!dirty) {
            return;
        }
        try {
            byte[] json = EventJson.mapper().writeValueAsBytes(checkpoint);
            EventData data = EventDataBuilder.json(UUID.randomUUID(), CHECKPOINT_EVENT_TYPE, json).build();
            clients.call(client -> client.appendToStream(checkpointStream, data));
            dirty = false;
            if (!metadataSet) {
                StreamMetadata metadata = new StreamMetadata();
                metadata.setMaxCount(10L);
                clients.call(client -> client.setStreamMetadata(checkpointStream, metadata));
                metadataSet = true;
            }
        } catch (IOException | RuntimeException e) {
            LOG.debugf("Read model %s could not write its checkpoint yet: %s", model.name(), e.toString());
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
