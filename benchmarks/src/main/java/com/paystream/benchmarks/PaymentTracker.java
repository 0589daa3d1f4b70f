package com.paystream.benchmarks;

import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.ReadStreamOptions;
import io.kurrent.dbclient.RecordedEvent;
import io.kurrent.dbclient.ResolvedEvent;
import io.kurrent.dbclient.StreamNotFoundException;
import io.kurrent.dbclient.SubscribeToStreamOptions;
import io.kurrent.dbclient.Subscription;
import io.kurrent.dbclient.SubscriptionListener;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Follows every payment timeline ({@code $ce-payment}, from its end when the run starts) and notes, per payment, when
 * each step was recorded by the store: received, validated, screened, credited, and how the payment ended. A dropped
 * subscription (a store restart) is followed again after the last event seen, on a new client when the old one shut
 * down, for as long as {@link #RESUME_ATTEMPTS} allows: a run with a fault injected still ends with a verdict.
 */
final class PaymentTracker implements AutoCloseable {
    private static final String PAYMENTS = "$ce-payment";
    private static final String PREFIX = "payment-";

    /** One payment's steps, as epoch microseconds of the store's record times (0: not yet). */
    static final class Track {
        volatile long received;
        volatile long validated;
        volatile long screened;
        volatile long released;
        volatile long credited;
        volatile long ended;
        volatile String outcome;
        volatile boolean held;
        final AtomicInteger balanceUpdates = new AtomicInteger();
        final AtomicInteger endings = new AtomicInteger();
    }

    /** How often a dropped subscription is followed again, a second apart, before the run gives up. */
    static final int RESUME_ATTEMPTS = 120;

    private final Map<String, Track> tracks = new ConcurrentHashMap<>();
    private final AtomicLong events = new AtomicLong();
    private final Consumer<String> onHeld;
    private final Supplier<KurrentDBClient> newClient;
    private final ScheduledExecutorService resumer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "payment-tracker");
        thread.setDaemon(true);
        return thread;
    });
    private volatile KurrentDBClient client;
    private volatile Subscription subscription;
    /** The last event counted in {@code $ce-payment}: a subscription follows from there. */
    private final TimelinePosition position;
    private volatile boolean closed;
    private volatile Throwable dropped;

    /** Follows from the end of the timelines as they are now, with clients from {@code newClient}. */
    PaymentTracker(Supplier<KurrentDBClient> newClient, Consumer<String> onHeld) throws Exception {
        this.onHeld = onHeld;
        this.newClient = newClient;
        this.client = newClient.get();
        this.position = new TimelinePosition(lastRevision(client));
        this.subscription = follow().get(30, TimeUnit.SECONDS);
    }

    private CompletableFuture<Subscription> follow() {
        SubscribeToStreamOptions options = SubscribeToStreamOptions.get().resolveLinkTos();
        Long from = position.last();
        options = from == null ? options.fromStart() : options.fromRevision(from);
        return client.subscribeToStream(PAYMENTS, new SubscriptionListener() {
            @Override
            public void onEvent(Subscription subscription, ResolvedEvent event) {
                if (position.advance(event.getOriginalEvent().getRevision())) {
                    record(event);
                }
            }

            @Override
            public void onCancelled(Subscription subscription, Throwable exception) {
                if (exception != null && !closed) {
                    resume(1, exception);
                }
            }
        }, options);
    }

    /** Follows again after the last event seen; gives up (the run fails) after {@link #RESUME_ATTEMPTS}. */
    private void resume(int attempt, Throwable why) {
        if (closed) {
            return;
        }
        if (attempt > RESUME_ATTEMPTS) {
            dropped = why;
            return;
        }
        resumer.schedule(() -> {
            try {
                if (client.isShutdown()) {
                    client = newClient.get();
                }
                Subscription replaced = subscription;
                if (replaced != null) {
                    try {
                        replaced.stop(); // dropped already, or still delivering beside the new one
                    } catch (RuntimeException alreadyGone) {
                        // nothing to stop
                    }
                }
                subscription = follow().get(30, TimeUnit.SECONDS);
                System.err.println("[load] following the payment timelines again after " + position.last());
            } catch (Exception e) {
                resume(attempt + 1, e);
            }
        }, 1, TimeUnit.SECONDS);
    }

    private static Long lastRevision(KurrentDBClient client) throws Exception {
        try {
            var result = client.readStream(PAYMENTS, ReadStreamOptions.get().backwards().fromEnd().maxCount(1)
                    .notResolveLinkTos()).get(30, TimeUnit.SECONDS);
            return result.getEvents().isEmpty() ? null : result.getEvents().get(0).getOriginalEvent().getRevision();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StreamNotFoundException) {
                return null;
            }
            throw e;
        }
    }

    private void record(ResolvedEvent resolved) {
        RecordedEvent event = resolved.getEvent();
        if (event == null || !event.getStreamId().startsWith(PREFIX)) {
            return;
        }
        events.incrementAndGet();
        String paymentId = event.getStreamId().substring(PREFIX.length());
        Track track = tracks.computeIfAbsent(paymentId, id -> new Track());
        long at = micros(event.getCreated());
        switch (event.getEventType()) {
            case "InboundPaymentReceived" -> track.received = at;
            case "InboundPaymentValidated" -> track.validated = at;
            case "InboundPaymentSanctionsCleared" -> track.screened = at;
            case "InboundPaymentHeld" -> {
                track.screened = at;
                track.held = true;
                onHeld.accept(paymentId);
            }
            case "InboundHeldPaymentReleased" -> track.released = at;
            case "InboundPaymentBalanceUpdated" -> {
                track.balanceUpdates.incrementAndGet();
                track.credited = at;
                end(track, "COMPLETED", at);
            }
            case "InboundPaymentReturned" -> end(track, "RETURNED", at);
            case "InboundPaymentFailed" -> end(track, "FAILED", at);
            default -> {
                // the other steps (account checked, ...) are not timed
            }
        }
    }

    private static void end(Track track, String outcome, long at) {
        track.endings.incrementAndGet();
        if (track.outcome == null) {
            track.outcome = outcome;
            track.ended = at;
        }
    }

    static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }

    Track track(String paymentId) {
        return tracks.get(paymentId);
    }

    /** Events seen on payment timelines since the start. */
    long events() {
        return events.get();
    }

    /** Why the subscription dropped for good (every attempt to follow again failed), if it did. */
    Throwable dropped() {
        return dropped;
    }

    @Override
    public void close() {
        closed = true;
        resumer.shutdownNow();
        subscription.stop();
        client.shutdown();
    }
}
