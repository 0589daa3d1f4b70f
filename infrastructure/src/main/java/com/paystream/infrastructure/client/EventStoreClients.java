package com.paystream.infrastructure.client;

import com.paystream.infrastructure.store.StoreUnavailableException;
import com.paystream.topology.StoreConnection;
import io.kurrent.dbclient.ConnectionShutdownException;
import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.KurrentDBClientSettings;
import io.kurrent.dbclient.KurrentDBConnectionString;
import io.kurrent.dbclient.KurrentDBPersistentSubscriptionsClient;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * Holds the one connection to EventStoreDB (a streams client and a persistent-subscriptions client sharing it).
 *
 * <p>The official client shuts itself down for good when it cannot reach the server (after its discovery attempts);
 * every later call then fails with {@code ConnectionShutdownException}. This holder notices a shut-down client on the
 * next use and creates a new one, and tells the listeners ({@link #onRecreated}) so subscriptions move to it.
 *
 * <p>In a cluster the client follows the leader: a node that stopped leading answers NotLeader naming the new
 * leader, and the client reconnects to it, but the call that was refused has failed. {@link #call} and
 * {@link #callPersistent} make such a call once more, on the new connection (the refusing node did nothing, so
 * nothing is done twice); only when that fails too does the caller see {@link StoreUnavailableException}.
 */
@ApplicationScoped
public class EventStoreClients {
    private static final Logger LOG = Logger.getLogger(EventStoreClients.class);

    private final EventStoreConfig config;
    private final KurrentDBClientSettings settings;
    private final List<LongConsumer> recreationListeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private volatile Connection current;
    private volatile boolean closed;

    /** A client and the persistent-subscriptions client on the same connection, with its generation number. */
    public record Connection(KurrentDBClient client, KurrentDBPersistentSubscriptionsClient persistent,
                             long generation) {
        boolean isShutdown() {
            return client.isShutdown() || persistent.isShutdown();
        }
    }

    @Inject
    public EventStoreClients(EventStoreConfig config) {
        this.config = config;
        this.settings = KurrentDBConnectionString.parseOrThrow(config.connectionString());
    }

    /**
     * The EventStoreDB user this service connects as: the user of the connection string
     * ({@code kurrentdb://accounts-service:secret@host:2113}); empty without one (an insecure store).
     */
    public Optional<String> login() {
        return StoreConnection.credentials(config.connectionString())
                .map(user -> user.substring(0, user.indexOf(':')));
    }

    /** The streams client; a new one when the previous one shut down. */
    public KurrentDBClient client() {
        return connection().client();
    }

    /** The persistent-subscriptions client; a new one when the previous one shut down. */
    public KurrentDBPersistentSubscriptionsClient persistentSubscriptions() {
        return connection().persistent();
    }

    /** How many clients were created so far: goes up by one at every recreation. */
    public long generation() {
        Connection connection = current;
        return connection == null ? 0 : connection.generation();
    }

    /** Called with the new generation each time the client is recreated (not for the first one). */
    public void onRecreated(LongConsumer listener) {
        recreationListeners.add(listener);
    }

    public Connection connection() {
        Connection connection = current;
        if (connection != null && !connection.isShutdown()) {
            return connection;
        }
        Connection created;
        synchronized (lock) {
            if (closed) {
                throw new StoreUnavailableException("The EventStoreDB client is closed (the application is stopping)");
            }
            connection = current;
            if (connection != null && !connection.isShutdown()) {
                return connection;
            }
            long generation = connection == null ? 1 : connection.generation() + 1;
            if (connection != null) {
                LOG.warnf("The EventStoreDB client shut down (store unreachable): creating client #%d", generation);
            }
            KurrentDBClient client = KurrentDBClient.create(settings);
            created = new Connection(client, KurrentDBPersistentSubscriptionsClient.from(client), generation);
            current = created;
        }
        if (created.generation() > 1) {
            for (LongConsumer listener : recreationListeners) {
                try {
                    listener.accept(created.generation());
                } catch (RuntimeException e) {
                    LOG.warn("A client-recreation listener failed", e);
                }
            }
        }
        return created;
    }

    /**
     * Runs one operation with the current client and waits for it (at most {@code eventstore.operation-timeout}),
     * translating the client's failures: see {@link StoreFailures#translate}. Made once more when the node asked
     * was not the leader, or when the client had given up.
     */
    public <T> T call(Function<KurrentDBClient, CompletableFuture<T>> operation) {
        return call(Connection::client, operation);
    }

    /** {@link #call} with the persistent-subscriptions client: managing consumer groups. */
    public <T> T callPersistent(Function<KurrentDBPersistentSubscriptionsClient, CompletableFuture<T>> operation) {
        return call(Connection::persistent, operation);
    }

    private <C, T> T call(Function<Connection, C> clientOf, Function<C, CompletableFuture<T>> operation) {
        Connection connection = connection();
        try {
            return await(operation.apply(clientOf.apply(connection)));
        } catch (StoreUnavailableException e) {
            boolean gaveUp = connection.isShutdown() && e.getCause() instanceof ConnectionShutdownException;
            if (!gaveUp && !StoreFailures.isNotLeader(e.getCause())) {
                throw e;
            }
            // another node leads now (the client is already connecting to it), or that client gave up (maybe while
            // the store was away): once more, on the new connection
            return await(operation.apply(clientOf.apply(connection())));
        }
    }

    /** Waits for a future of the client, translating its failures. */
    public <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(config.operationTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("Interrupted while waiting for EventStoreDB", e);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new StoreUnavailableException("EventStoreDB did not answer within " + config.operationTimeout(), e);
        } catch (ExecutionException e) {
            throw StoreFailures.translate(e);
        } catch (RuntimeException e) {
            throw StoreFailures.translate(e);
        }
    }

    /** After the reactions and read models have closed their subscriptions (the client waits for open calls). */
    void onStop(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER) ShutdownEvent event) {
        close();
    }

    @PreDestroy
    void close() {
        Connection connection;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            connection = current;
        }
        if (connection != null) {
            try {
                connection.client().shutdown().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.debug("Closing the EventStoreDB client", e);
            }
        }
    }
}
