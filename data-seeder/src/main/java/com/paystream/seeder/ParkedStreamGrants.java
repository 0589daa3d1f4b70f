package com.paystream.seeder;

import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.ResolvedEvent;
import io.kurrent.dbclient.SubscribeToStreamOptions;
import io.kurrent.dbclient.Subscription;
import io.kurrent.dbclient.SubscriptionListener;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Keeps each consumer group's parked stream readable by the service that owns the group, signed in as an admin.
 *
 * <p>When EventStoreDB has replayed parked messages it truncates the parked stream with new metadata whose ACL names
 * {@code $admins} for everything, replacing the read access the seeder gave the service (the real server does so in
 * its message parker, and only an admin may change that metadata again: neither the default ACLs of
 * {@code $settings}, which a stream's own ACL overrides, nor {@code $ops} help). So this follows the metadata stream
 * ({@code $$...-parked}) of every group and, whenever the store writes metadata without the service's read access,
 * writes it back at once, keeping the truncation. The services keep their least privilege: none of them holds an
 * admin's password.
 */
final class ParkedStreamGrants implements AutoCloseable {
    private static final long RESUBSCRIBE_SECONDS = 1;
    private static final String PARKED_SUFFIX = "-parked";

    private final KurrentDBClient client;
    private final PrintStream out;
    private final PrintStream err;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "parked-stream-grants");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Subscription> subscriptions = new ArrayList<>();
    private boolean closed;

    ParkedStreamGrants(KurrentDBClient client, PrintStream out, PrintStream err) {
        this.client = client;
        this.out = out;
        this.err = err;
    }

    /** Every group's parked stream, with the login of the service that reads it. */
    static Map<String, List<String>> readers() {
        Map<String, List<String>> parked = new TreeMap<>();
        StoreSecurity.readers().forEach((stream, logins) -> {
            if (stream.endsWith(PARKED_SUFFIX)) {
                parked.put(stream, List.copyOf(logins));
            }
        });
        return parked;
    }

    /** Follows every parked stream's metadata, from its first version (so a grant lost while away is given back). */
    ParkedStreamGrants start() {
        Map<String, List<String>> readers = readers();
        readers.forEach(this::follow);
        out.println("keeping " + readers.size() + " parked streams readable by their services");
        return this;
    }

    private void follow(String stream, List<String> logins) {
        SubscriptionListener listener = new SubscriptionListener() {
            @Override
            public void onEvent(Subscription subscription, ResolvedEvent event) {
                onWorker(() -> regrant(stream, logins));
            }

            @Override
            public void onCancelled(Subscription subscription, Throwable error) {
                if (error != null) {
                    resubscribe(stream, logins, error);
                }
            }
        };
        client.subscribeToStream("$$" + stream, listener, SubscribeToStreamOptions.get().fromStart())
                .whenComplete((subscription, error) -> {
                    if (error != null) {
                        resubscribe(stream, logins, error);
                    } else {
                        kept(subscription);
                    }
                });
    }

    /** Metadata is checked and written one stream at a time, off the client's threads; nothing once closed. */
    private synchronized void onWorker(Runnable task) {
        if (!closed) {
            worker.execute(task);
        }
    }

    private synchronized void kept(Subscription subscription) {
        if (closed) {
            subscription.stop();
        } else {
            subscriptions.add(subscription);
        }
    }

    private synchronized void resubscribe(String stream, List<String> logins, Throwable error) {
        if (closed) {
            return;
        }
        err.println("lost the metadata of " + stream + " (" + ConsumerGroupSeeding.message(error)
                + "); following it again in " + RESUBSCRIBE_SECONDS + " s");
        worker.schedule(() -> follow(stream, logins), RESUBSCRIBE_SECONDS, TimeUnit.SECONDS);
    }

    private void regrant(String stream, List<String> logins) {
        try {
            if (ReadGrant.ensure(client, stream, logins)) {
                out.println("gave " + String.join(", ", logins) + " read access to " + stream + " again");
            }
        } catch (ExecutionException | TimeoutException e) {
            err.println("Cannot give " + String.join(", ", logins) + " read access to " + stream + ": "
                    + ConsumerGroupSeeding.message(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        subscriptions.forEach(Subscription::stop);
        worker.shutdownNow();
    }
}
