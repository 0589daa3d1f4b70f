package com.paystream.infrastructure.readmodel;

import com.paystream.infrastructure.client.EventStoreClients;
import com.paystream.infrastructure.client.EventStoreConfig;
import com.paystream.infrastructure.store.PrivateStreams;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs every {@link ReadModel} bean: catches it up on start, follows live, writes its checkpoint every
 * {@code eventstore.read-models.checkpoint-interval} when it moved, and rebuilds it on request.
 */
@ApplicationScoped
public class ReadModelRunner {
    private static final Logger LOG = Logger.getLogger(ReadModelRunner.class);

    private final EventStoreClients clients;
    private final PrivateStreams privateStreams;
    private final EventStoreConfig config;
    private final Instance<ReadModel<?>> models;
    /** Each read model's follower, by the model's name. */
    private final Map<String, Follower> followers = new LinkedHashMap<>();
    /** Every follower once: one catch-up subscription each. */
    private final List<Follower> subscriptions = new ArrayList<>();
    private ScheduledExecutorService scheduler;

    @Inject
    public ReadModelRunner(EventStoreClients clients, PrivateStreams privateStreams, EventStoreConfig config,
                           @Any Instance<ReadModel<?>> models) {
        this.clients = clients;
        this.privateStreams = privateStreams;
        this.config = config;
        this.models = models;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.readModels().enabled()) {
            LOG.info("Read models are disabled (eventstore.read-models.enabled=false)");
            return;
        }
        start();
    }

    synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newScheduledThreadPool(1, r -> {
            Thread thread = new Thread(r, "read-models");
            thread.setDaemon(true);
            return thread;
        });
        for (List<ReadModel<?>> sharing : sharingASubscription(models)) {
            Follower follower = new Follower(sharing, clients, privateStreams, scheduler);
            subscriptions.add(follower);
            sharing.forEach(model -> followers.put(model.name(), follower));
        }
        clients.onRecreated(generation -> subscriptions.forEach(f -> f.clientRecreated(generation)));
        long interval = config.readModels().checkpointInterval().toMillis();
        scheduler.scheduleWithFixedDelay(() -> subscriptions.forEach(Follower::flushQuietly),
                interval, interval, TimeUnit.MILLISECONDS);
        long stallCheck = config.readModels().stallCheckInterval().toMillis();
        scheduler.scheduleWithFixedDelay(() -> subscriptions.forEach(Follower::checkStalled),
                stallCheck, stallCheck, TimeUnit.MILLISECONDS);
        subscriptions.forEach(Follower::start);
    }

    /**
     * The read models grouped by the subscription they share: those rebuilt on every start that follow the same
     * stream share one (an event delivered once serves them all); one that keeps its state, or stops at an event it
     * cannot read, has its own.
     */
    static List<List<ReadModel<?>>> sharingASubscription(Iterable<ReadModel<?>> models) {
        Map<String, List<ReadModel<?>>> shared = new LinkedHashMap<>();
        Set<String> names = new HashSet<>();
        for (ReadModel<?> model : models) {
            if (!names.add(model.name())) {
                throw new IllegalStateException("Two read models are named " + model.name());
            }
            String key = model.keepsStateAcrossRestarts() || model.stopsAtAnUnreadableEvent()
                    ? "own:" + model.name() : "stream:" + model.source().stream();
            shared.computeIfAbsent(key, k -> new ArrayList<>()).add(model);
        }
        return List.copyOf(shared.values());
    }

    void onStop(@Observes ShutdownEvent event) {
        synchronized (this) {
            subscriptions.forEach(Follower::close);
            if (scheduler != null) {
                scheduler.shutdownNow();
            }
        }
    }

    /**
     * Forgets the read model's state and checkpoint and follows again from the start (with the read models sharing
     * its subscription).
     */
    public void rebuild(String name) {
        follower(name).rebuild();
    }

    /** Stops and starts it again as after a process restart (from its stored checkpoint if it keeps its state). */
    public void restart(String name) {
        Follower follower = follower(name);
        follower.stop();
        follower.start();
    }

    public ReadModelStatus status(String name) {
        return follower(name).status(name);
    }

    public List<ReadModelStatus> statuses() {
        List<ReadModelStatus> statuses = new ArrayList<>();
        followers.forEach((name, follower) -> statuses.add(follower.status(name)));
        return statuses;
    }

    /** The stream a read model's checkpoint is stored in. */
    public static String checkpointStream(String name) {
        return Follower.checkpointStream(name);
    }

    private Follower follower(String name) {
        Follower follower = followers.get(name);
        if (follower == null) {
            throw new NoSuchElementException("No read model named " + name);
        }
        return follower;
    }
}
