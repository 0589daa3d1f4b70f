package com.paystream.infrastructure.subscription;

import com.paystream.events.EventJson;
import com.paystream.events.PaymentEvent;
import com.paystream.infrastructure.client.EventStoreClients;
import com.paystream.infrastructure.client.EventStoreConfig;
import com.paystream.infrastructure.client.StoreFailures;
import com.paystream.infrastructure.store.PaymentEventCodec;
import com.paystream.infrastructure.store.RevisionConflictException;
import com.paystream.infrastructure.store.StoreUnavailableException;
import com.paystream.topology.ConsumerStrategy;
import io.grpc.Status;
import io.kurrent.dbclient.CreatePersistentSubscriptionToStreamOptions;
import io.kurrent.dbclient.KurrentDBPersistentSubscriptionsClient;
import io.kurrent.dbclient.NackAction;
import io.kurrent.dbclient.NamedConsumerStrategy;
import io.kurrent.dbclient.PersistentSubscription;
import io.kurrent.dbclient.PersistentSubscriptionListener;
import io.kurrent.dbclient.RecordedEvent;
import io.kurrent.dbclient.ResolvedEvent;
import io.kurrent.dbclient.SubscribePersistentSubscriptionOptions;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One reaction's consumer: its group, its subscription, and its workers. Each worker is one thread; an event goes to
 * the worker its ordering key hashes to, so events with the same key are handled in order, others concurrently.
 */
final class GroupConsumer<E extends PaymentEvent> {
    private static final Logger LOG = Logger.getLogger(GroupConsumer.class);
    static final String MDC_CORRELATION_ID = "correlationId";
    private static final int MAX_REASON_LENGTH = 500;
    private static final int IMMEDIATE_CONFLICT_RETRIES = 3;

    private final Reaction<E> reaction;
    private final EventStoreClients clients;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService[] workers;
    private final String stream;
    private final ConsumerStrategy strategy;
    private final String group;
    private final int bufferSize;
    private final Duration messageTimeout;
    private final int maxRetryCount;
    private final Duration reconnectDelay;
    private final Duration maxReconnectDelay;
    private final Duration retryPause;
    private final AtomicBoolean reconnectScheduled = new AtomicBoolean();

    private volatile boolean stopped;
    /** Set when the service begins to stop: no event is started any more; those in hand are finished. */
    private volatile boolean draining;
    private volatile PersistentSubscription current;
    private volatile Listener currentListener;
    private volatile long currentGeneration;
    private long nextDelayMillis;

    GroupConsumer(Reaction<E> reaction, EventStoreClients clients, EventStoreConfig.Subscriptions settings,
                  ScheduledExecutorService scheduler) {
        this.reaction = reaction;
        this.clients = clients;
        this.scheduler = scheduler;
        this.group = reaction.group();
        this.stream = reaction.consumerGroup().stream();
        this.strategy = reaction.consumerGroup().strategy();
        EventStoreConfig.Group overrides = settings.group().get(group);
        this.bufferSize = overrides != null && overrides.bufferSize().isPresent()
                ? overrides.bufferSize().getAsInt() : settings.bufferSize();
        this.messageTimeout = overrides != null && overrides.messageTimeout().isPresent()
                ? overrides.messageTimeout().get() : settings.messageTimeout();
        this.maxRetryCount = overrides != null && overrides.maxRetryCount().isPresent()
                ? overrides.maxRetryCount().getAsInt() : settings.maxRetryCount();
        this.reconnectDelay = settings.reconnectDelay();
        this.maxReconnectDelay = settings.maxReconnectDelay();
        this.retryPause = settings.retryPause();
        this.nextDelayMillis = reconnectDelay.toMillis();
        this.workers = new ExecutorService[Math.max(1, settings.concurrency())];
        for (int i = 0; i < workers.length; i++) {
            String name = "reaction-" + group + "-" + i;
            workers[i] = Executors.newSingleThreadExecutor(r -> {
                Thread thread = new Thread(r, name);
                thread.setDaemon(true);
                return thread;
            });
        }
    }

    void start() {
        scheduleConnect(0);
    }

    /**
     * The first step of a graceful stop (SIGTERM): no new event is started; the events being handled go on.
     * {@link #awaitDrained} then waits for them, and {@link #stop} closes the subscription, so every event delivered
     * here and not handled goes back to the group at once (to another instance, or to this one when it starts
     * again), neither lost nor waiting for its message timeout.
     */
    void beginDrain() {
        draining = true;
        for (ExecutorService worker : workers) {
            worker.shutdown();
        }
    }

    /** Waits until the events in hand are handled and acked, or the deadline; the workers still busy then. */
    int awaitDrained(long deadlineNanos) {
        int busy = 0;
        for (ExecutorService worker : workers) {
            try {
                if (!worker.awaitTermination(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    busy++;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                busy++;
            }
        }
        return busy;
    }

    String group() {
        return group;
    }

    void stop() {
        stopped = true;
        draining = true;
        PersistentSubscription subscription = current;
        current = null;
        if (subscription != null) {
            try {
                subscription.stop();
            } catch (RuntimeException e) {
                LOG.debug("Stopping the subscription of " + group, e);
            }
        }
        for (ExecutorService worker : workers) {
            worker.shutdownNow();
        }
    }

    boolean isSubscribed() {
        return current != null;
    }

    void clientRecreated(long generation) {
        PersistentSubscription subscription = current;
        if (subscription != null && currentGeneration < generation) {
            LOG.infof("Group %s moves to the recreated client #%d", group, generation);
            current = null;
            Listener listener = currentListener;
            if (listener != null) {
                listener.dead = true;
            }
            try {
                subscription.stop();
            } catch (RuntimeException e) {
                LOG.debug("Stopping a subscription of the old client", e);
            }
            scheduleConnect(0);
        }
    }

    private void scheduleConnect(long delayMillis) {
        if (stopped || !reconnectScheduled.compareAndSet(false, true)) {
            return;
        }
        try {
            scheduler.schedule(this::connect, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            reconnectScheduled.set(false);
        }
    }

    private void connect() {
        reconnectScheduled.set(false);
        if (stopped || current != null) {
            return;
        }
        try {
            EventStoreClients.Connection connection = clients.connection();
            ensureGroup(connection.persistent());
            Listener listener = new Listener();
            currentListener = listener;
            PersistentSubscription subscription = clients.await(connection.persistent().subscribeToStream(stream,
                    group, SubscribePersistentSubscriptionOptions.get().bufferSize(bufferSize), listener));
            currentGeneration = connection.generation();
            current = subscription;
            nextDelayMillis = reconnectDelay.toMillis();
            LOG.infof("Subscribed to %s as group %s", stream, group);
            if (stopped) {
                subscription.stop();
            }
        } catch (RuntimeException e) {
            long delay = nextDelayMillis;
            nextDelayMillis = Math.min(nextDelayMillis * 2, maxReconnectDelay.toMillis());
            LOG.warnf("Cannot subscribe to %s as group %s (%s); trying again in %d ms", stream, group,
                    e.getMessage(), delay);
            scheduleConnect(delay);
        }
    }

    private void ensureGroup(KurrentDBPersistentSubscriptionsClient persistent) {
        CreatePersistentSubscriptionToStreamOptions options = CreatePersistentSubscriptionToStreamOptions.get()
                .fromStart()
                .resolveLinkTos()
                .maxRetryCount(maxRetryCount)
                .messageTimeout(messageTimeout)
                .namedConsumerStrategy(switch (strategy) {
                    case ROUND_ROBIN -> NamedConsumerStrategy.ROUND_ROBIN;
                    case PINNED_BY_CORRELATION -> NamedConsumerStrategy.PINNED_BY_CORRELATION;
                });
        try {
            clients.await(persistent.createToStream(stream, group, options));
            LOG.infof("Created the consumer group %s on %s", group, stream);
        } catch (RuntimeException e) {
            if (StoreFailures.statusCode(e) != Status.Code.ALREADY_EXISTS) {
                throw e;
            }
        }
    }

    private final class Listener extends PersistentSubscriptionListener {
        /** Set once this subscription dropped: its queued events are left for redelivery. */
        volatile boolean dead;

        @Override
        public void onEvent(PersistentSubscription subscription, int retryCount, ResolvedEvent event) {
            if (draining) {
                return; // stopping: left for redelivery when the subscription closes
            }
            Delivery delivery = read(event);
            try {
                workers[Math.floorMod(delivery.key().hashCode(), workers.length)].execute(() -> {
                    if (!dead && !draining) {
                        handle(subscription, retryCount, event, delivery);
                    }
                });
            } catch (RejectedExecutionException e) {
                LOG.debug("Stopping: an event of " + group + " is left for redelivery");
            }
        }

        @Override
        public void onCancelled(PersistentSubscription subscription, Throwable exception) {
            dead = true;
            if (currentListener != this) {
                return; // an older subscription, already replaced
            }
            current = null;
            if (stopped) {
                return;
            }
            LOG.warnf("The subscription of group %s dropped (%s); re-subscribing", group,
                    exception == null ? "closed" : exception.toString());
            long delay = nextDelayMillis;
            nextDelayMillis = Math.min(nextDelayMillis * 2, maxReconnectDelay.toMillis());
            scheduleConnect(delay);
        }
    }

    /** An event as delivered: deserialised (or why it cannot be), and the key that orders it. */
    private record Delivery(PaymentEvent event, String unreadable, String key) {
    }

    /** Reads the delivered event on the subscription's thread, to know which worker it goes to. */
    private Delivery read(ResolvedEvent resolved) {
        RecordedEvent recorded = resolved.getEvent();
        if (recorded == null) {
            return new Delivery(null, "The linked event no longer exists", "");
        }
        PaymentEvent event;
        try {
            event = PaymentEventCodec.INSTANCE.deserialize(recorded.getEventType(), recorded.getEventData());
        } catch (EventJson.UnreadableEventException e) {
            return new Delivery(null, "Unreadable event: " + e.getMessage(), recorded.getStreamId());
        } catch (RuntimeException e) {
            return new Delivery(null, "Unreadable event: " + e, recorded.getStreamId());
        }
        if (!reaction.eventType().isInstance(event)) {
            return new Delivery(null, "Group " + group + " reacts to " + reaction.eventType().getSimpleName()
                    + ", not to " + recorded.getEventType(), recorded.getStreamId());
        }
        String key;
        try {
            key = reaction.orderingKey(reaction.eventType().cast(event));
        } catch (RuntimeException e) {
            key = null;
        }
        return new Delivery(event, null, key != null ? key : recorded.getStreamId());
    }

    private void handle(PersistentSubscription subscription, int retryCount, ResolvedEvent resolved,
                        Delivery delivery) {
        RecordedEvent recorded = resolved.getEvent();
        if (delivery.event() == null) {
            if (recorded != null) {
                LOG.errorf("Parking %s@%s on group %s: %s", recorded.getRevision(), recorded.getStreamId(), group,
                        delivery.unreadable());
            }
            settle(subscription, resolved, NackAction.Park, delivery.unreadable());
            return;
        }
        EventContext context = EventContext.of(recorded, retryCount);
        String correlationId = context.correlationId() != null ? context.correlationId() : context.eventId().toString();
        MDC.put(MDC_CORRELATION_ID, correlationId);
        try {
            try {
                reactRetryingConflicts(delivery.event(), context);
                settle(subscription, resolved, null, null);
            } catch (Exception e) {
                if (isTransient(e)) {
                    LOG.warnf("Retrying %s@%s on group %s (retry %d): %s", recorded.getRevision(),
                            recorded.getStreamId(), group, retryCount, e.toString());
                    pause(retryCount);
                    settle(subscription, resolved, NackAction.Retry, reason(e));
                } else {
                    LOG.errorf(e, "Parking %s@%s on group %s", recorded.getRevision(), recorded.getStreamId(),
                            group);
                    settle(subscription, resolved, NackAction.Park, reason(e));
                }
            }
        } finally {
            MDC.remove(MDC_CORRELATION_ID);
        }
    }

    /**
     * Reacts; when a concurrent writer moved a stream the reaction read (another instance, or another key's event
     * touching the same stream), reacts again at once on fresh state, a few times, before leaving it to a retry.
     */
    private void reactRetryingConflicts(PaymentEvent event, EventContext context) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                reaction.react(reaction.eventType().cast(event), context);
                return;
            } catch (RevisionConflictException e) {
                if (attempt >= IMMEDIATE_CONFLICT_RETRIES) {
                    throw e;
                }
                LOG.debugf("Conflict on group %s (attempt %d), reacting again: %s", group, attempt, e.getMessage());
            }
        }
    }

    static boolean isTransient(Throwable e) {
        return e instanceof StoreUnavailableException || e instanceof RevisionConflictException
                || e instanceof TransientFailure;
    }

    private static String reason(Throwable e) {
        String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        return message.length() > MAX_REASON_LENGTH ? message.substring(0, MAX_REASON_LENGTH) : message;
    }

    private void pause(int retryCount) {
        long millis = Math.min(retryPause.toMillis() * (retryCount + 1), 2000);
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ack (action null) or nack; the request stream is not thread-safe, hence one at a time. */
    private void settle(PersistentSubscription subscription, ResolvedEvent event, NackAction action, String reason) {
        try {
            synchronized (subscription) {
                if (action == null) {
                    subscription.ack(event);
                } else {
                    subscription.nack(action, reason, event);
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("Could not %s an event of group %s (it will be redelivered): %s",
                    action == null ? "ack" : "nack", group, e.toString());
        }
    }
}
