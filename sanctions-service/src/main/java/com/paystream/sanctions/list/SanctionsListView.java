package com.paystream.sanctions.list;

import com.eventstore.dbclient.RecordedEvent;
import com.eventstore.dbclient.ResolvedEvent;
import com.eventstore.dbclient.SubscribeToStreamOptions;
import com.eventstore.dbclient.Subscription;
import com.eventstore.dbclient.SubscriptionListener;
import com.paystream.infrastructure.client.EventStoreClients;
import com.paystream.sanctions.config.SanctionsConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The list as screening and {@code GET /sanctioned-names} see it: folded in memory from a catch-up subscription
 * to {@code sanctionslist-{listId}}, rebuilt from the start on every start (a list is small).
 *
 * <p>Why not the infrastructure {@code ReadModel}: it feeds published {@code PaymentEvent}s only and passes over
 * private types such as these. This follows one private stream with its own codec; an event it cannot read stops
 * it (readiness DOWN with the reason) rather than being skipped. A dropped subscription is resumed after the last
 * revision applied.
 */
@ApplicationScoped
public class SanctionsListView {
    private static final Logger LOG = Logger.getLogger(SanctionsListView.class);
    private static final long RETRY_MILLIS = 500;

    private final EventStoreClients clients;
    private final String stream;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "sanctions-list-view");
        thread.setDaemon(true);
        return thread;
    });

    // written on the executor thread only
    private Subscription subscription;
    private Object listenerToken;
    private volatile boolean running;

    private volatile SanctionsList list = SanctionsList.empty();
    private volatile long revision = -1;
    private volatile boolean caughtUp;
    private volatile String failure;

    @Inject
    public SanctionsListView(EventStoreClients clients, SanctionsConfig config) {
        this.clients = clients;
        this.stream = SanctionsListStreams.of(config.listId());
    }

    void onStart(@Observes StartupEvent event) {
        running = true;
        // a catch-up subscription of a recreated client may die without a word: follow again on the new one
        clients.onRecreated(generation -> executor.execute(() -> {
            drop();
            subscribe();
        }));
        executor.execute(this::subscribe);
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        executor.execute(this::drop);
        executor.shutdown();
    }

    public SanctionsList list() {
        return list;
    }

    public List<SanctionedNameAdded> entries() {
        return List.copyOf(list.entries());
    }

    /** The last revision of the list stream applied (-1: none). */
    public long revision() {
        return revision;
    }

    public boolean caughtUp() {
        return caughtUp && failure == null;
    }

    public String failure() {
        return failure;
    }

    private void subscribe() {
        if (!running || subscription != null || failure != null) {
            return;
        }
        Object token = new Object();
        listenerToken = token;
        try {
            SubscribeToStreamOptions options = SubscribeToStreamOptions.get();
            options = revision < 0 ? options.fromStart() : options.fromRevision(revision);
            subscription = clients.await(clients.client().subscribeToStream(stream, new Listener(token), options));
            LOG.infof("Sanctions list view follows %s after revision %d", stream, revision);
        } catch (RuntimeException e) {
            LOG.warnf("Sanctions list view cannot subscribe to %s (%s); trying again", stream, e.getMessage());
            listenerToken = null;
            executor.schedule(this::subscribe, RETRY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void drop() {
        listenerToken = null;
        if (subscription != null) {
            try {
                subscription.stop();
            } catch (RuntimeException e) {
                LOG.debug("Stopping the sanctions list subscription", e);
            }
            subscription = null;
        }
    }

    private void apply(ResolvedEvent resolved) {
        RecordedEvent recorded = resolved.getOriginalEvent();
        if (recorded.getRevision() <= revision) {
            return;
        }
        try {
            SanctionsListEvent event = SanctionsListCodec.INSTANCE.deserialize(recorded.getEventType(),
                    recorded.getEventData());
            list = list.evolve(event);
            revision = recorded.getRevision();
        } catch (RuntimeException e) {
            failure = "Cannot apply " + recorded.getRevision() + "@" + stream + ": " + e.getMessage();
            LOG.error("Sanctions list view stopped: " + failure, e);
            drop();
        }
    }

    private final class Listener extends SubscriptionListener {
        private final Object token;

        Listener(Object token) {
            this.token = token;
        }

        private boolean current() {
            return token == listenerToken && running;
        }

        @Override
        public void onEvent(Subscription ignored, ResolvedEvent event) {
            executor.execute(() -> {
                if (current() && failure == null) {
                    apply(event);
                }
            });
        }

        @Override
        public void onCaughtUp(Subscription ignored) {
            executor.execute(() -> {
                if (current() && !caughtUp) {
                    caughtUp = true;
                    LOG.infof("Sanctions list view caught up at revision %d", revision);
                }
            });
        }

        @Override
        public void onCancelled(Subscription ignored, Throwable exception) {
            executor.execute(() -> {
                if (!current()) {
                    return;
                }
                LOG.warnf("Sanctions list subscription dropped (%s); resuming", String.valueOf(exception));
                subscription = null;
                listenerToken = null;
                executor.schedule(SanctionsListView.this::subscribe, RETRY_MILLIS, TimeUnit.MILLISECONDS);
            });
        }
    }
}
