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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Follows every payment timeline ({@code $ce-payment}, from its end when the run starts) and notes, per payment, when
 * each step was recorded by the store: received, validated, screened, credited, and how the payment ended.
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

    private final Map<String, Track> tracks = new ConcurrentHashMap<>();
    private final AtomicLong events = new AtomicLong();
    private final Consumer<String> onHeld;
    private final Subscription subscription;
    private volatile Throwable dropped;

    PaymentTracker(KurrentDBClient client, Consumer<String> onHeld) throws Exception {
        this.onHeld = onHeld;
        SubscribeToStreamOptions options = SubscribeToStreamOptions.get().resolveLinkTos();
        Long last = lastRevision(client);
        options = last == null ? options.fromStart() : options.fromRevision(last);
        this.subscription = client.subscribeToStream(PAYMENTS, new SubscriptionListener() {
            @Override
            public void onEvent(Subscription subscription, ResolvedEvent event) {
                record(event);
            }

            @Override
            public void onCancelled(Subscription subscription, Throwable exception) {
                if (exception != null) {
                    dropped = exception;
                }
            }
        }, options).get(30, TimeUnit.SECONDS);
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

    /** Why the subscription dropped, if it did. */
    Throwable dropped() {
        return dropped;
    }

    @Override
    public void close() {
        subscription.stop();
    }
}
