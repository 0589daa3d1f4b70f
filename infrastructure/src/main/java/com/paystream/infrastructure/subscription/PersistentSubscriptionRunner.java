package com.paystream.infrastructure.subscription;

import com.paystream.infrastructure.client.EventStoreClients;
import com.paystream.infrastructure.client.EventStoreConfig;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs every {@link Reaction} bean on its persistent subscription, from startup to shutdown: creates the group on
 * {@code $et-{Type}} (resolveLinkTos, from the start of the stream) when missing, subscribes, and re-subscribes
 * with backoff after a drop or when the client is recreated. See {@link Reaction} for ack / retry / park.
 */
@ApplicationScoped
public class PersistentSubscriptionRunner {
    private static final Logger LOG = Logger.getLogger(PersistentSubscriptionRunner.class);

    private final EventStoreClients clients;
    private final EventStoreConfig config;
    private final Instance<Reaction<?>> reactions;
    private final Map<String, GroupConsumer<?>> consumers = new LinkedHashMap<>();
    private ScheduledExecutorService scheduler;
    private boolean stopped;

    @Inject
    public PersistentSubscriptionRunner(EventStoreClients clients, EventStoreConfig config,
                                        @Any Instance<Reaction<?>> reactions) {
        this.clients = clients;
        this.config = config;
        this.reactions = reactions;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.subscriptions().enabled()) {
            LOG.info("Persistent subscriptions are disabled (eventstore.subscriptions.enabled=false)");
            return;
        }
        start();
    }

    synchronized void start() {
        if (scheduler != null) {
            return;
        }
        AtomicInteger threads = new AtomicInteger();
        scheduler = Executors.newScheduledThreadPool(1, r -> {
            Thread thread = new Thread(r, "reactions-connect-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        for (Reaction<?> reaction : reactions) {
            GroupConsumer<?> consumer = new GroupConsumer<>(reaction, clients, config.subscriptions(), scheduler);
            GroupConsumer<?> clash = consumers.putIfAbsent(reaction.group(), consumer);
            if (clash != null) {
                throw new IllegalStateException("Two reactions use the consumer group " + reaction.group());
            }
        }
        clients.onRecreated(generation -> consumers.values().forEach(c -> c.clientRecreated(generation)));
        consumers.values().forEach(GroupConsumer::start);
        LOG.infof("Started %d reaction(s): %s", consumers.size(), consumers.keySet());
    }

    /** Told to stop, with a delay before the HTTP side stops (readiness is down): the events in hand are finished. */
    void onShutdownDelay(@Observes ShutdownDelayInitiatedEvent event) {
        stop();
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /**
     * Stops gracefully: every group takes no new event, the events being handled are finished and acked (for at most
     * {@code eventstore.subscriptions.drain-timeout}), then the subscriptions close and whatever was delivered here and
     * not handled goes back to its group at once.
     */
    synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        if (!consumers.isEmpty()) {
            long started = System.nanoTime();
            consumers.values().forEach(GroupConsumer::beginDrain);
            long deadline = started + config.subscriptions().drainTimeout().toNanos();
            List<String> busy = new ArrayList<>();
            for (GroupConsumer<?> consumer : consumers.values()) {
                if (consumer.awaitDrained(deadline) > 0) {
                    busy.add(consumer.group());
                }
            }
            if (busy.isEmpty()) {
                LOG.infof("Stopping: the events in hand were handled (%d ms); the rest go back to their groups",
                        (System.nanoTime() - started) / 1_000_000);
            } else {
                LOG.warnf("Stopping: events of %s were still being handled after %s; they will be redelivered", busy,
                        config.subscriptions().drainTimeout());
            }
        }
        consumers.values().forEach(GroupConsumer::stop);
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    /** Whether the group has a live subscription now. */
    public boolean isSubscribed(String group) {
        return Optional.ofNullable(consumers.get(group)).map(GroupConsumer::isSubscribed).orElse(false);
    }

    /** The groups run here. */
    public Map<String, Boolean> groups() {
        Map<String, Boolean> groups = new LinkedHashMap<>();
        consumers.forEach((group, consumer) -> groups.put(group, consumer.isSubscribed()));
        return Collections.unmodifiableMap(groups);
    }
}
