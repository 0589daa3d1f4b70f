package com.paystream.emulator.grpc;

import com.paystream.emulator.store.StreamDatabase;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.kurrent.dbclient.proto.shared.Shared;
import io.kurrent.dbclient.proto.streams.StreamsOuterClass.ReadResp;

import com.google.protobuf.Timestamp;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One {@code Streams.Read} call: a bounded read or a catch-up subscription. It sends only while the transport is
 * ready (the client asks for events in batches), so a slow reader never makes the server buffer without bound: the
 * events stay in the store and the session keeps a cursor. A subscription wakes up on every commit.
 */
final class ReadSession {
    private static final int CHUNK = 64;

    /** Where a session reads from. */
    interface Cursor {
        /**
         * Up to {@code max} event messages (plus any checkpoints) after the cursor, advancing it. {@code null} means
         * the stream does not exist (a read answers {@code stream_not_found}; a subscription keeps waiting).
         */
        Chunk next(int max);

        /**
         * Sets the checkpoint a subscription that caught up resumes from: the revision (stream) or position
         * ({@code $all}) of the last event the cursor went past, left unset when it went past none.
         */
        void checkpoint(ReadResp.CaughtUp.Builder caughtUp);
    }

    /** What a cursor produced; {@code more} when it stopped early with more to scan right away. */
    record Chunk(List<ReadResp> messages, boolean more) {
        static final Chunk NOT_FOUND = null;
    }

    private final ServerCallStreamObserver<ReadResp> out;
    private final StreamDatabase store;
    private final Cursor cursor;
    private final boolean subscription;
    private final Shared.StreamIdentifier streamForNotFound;
    private final Executor executor;
    private final Runnable eventSent;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Runnable wakeUp = this::schedule;
    private long remaining;
    private boolean confirmed;
    private boolean caughtUp;
    private volatile boolean done;

    ReadSession(ServerCallStreamObserver<ReadResp> out, StreamDatabase store, Cursor cursor, boolean subscription,
                long count, Shared.StreamIdentifier streamForNotFound, Executor executor, Runnable eventSent) {
        this.eventSent = eventSent;
        this.out = out;
        this.store = store;
        this.cursor = cursor;
        this.subscription = subscription;
        this.remaining = count;
        this.streamForNotFound = streamForNotFound;
        this.executor = executor;
    }

    void start() {
        out.setOnCancelHandler(this::stop);
        out.setOnReadyHandler(this::schedule);
        if (subscription) {
            store.onCommit(wakeUp);
        }
        schedule();
    }

    private void schedule() {
        if (!done && scheduled.compareAndSet(false, true)) {
            executor.execute(this::run);
        }
    }

    private void run() {
        scheduled.set(false);
        synchronized (this) {
            try {
                pump();
            } catch (StatusRuntimeException e) {
                finish(e);
            } catch (RuntimeException e) {
                finish(Status.INTERNAL.withDescription(e.getMessage()).withCause(e).asRuntimeException());
            }
        }
    }

    private void pump() {
        if (done) {
            return;
        }
        if (subscription && !confirmed) {
            confirmed = true;
            out.onNext(ReadResp.newBuilder().setConfirmation(ReadResp.SubscriptionConfirmation.newBuilder()
                    .setSubscriptionId(UUID.randomUUID().toString())).build());
        }
        while (!done && out.isReady()) {
            if (!subscription && remaining <= 0) {
                finish(null);
                return;
            }
            int max = subscription ? CHUNK : (int) Math.min(CHUNK, remaining);
            Chunk chunk = cursor.next(max);
            if (chunk == Chunk.NOT_FOUND) {
                if (subscription) {
                    sendCaughtUpOnce();
                    return;
                }
                out.onNext(ReadResp.newBuilder().setStreamNotFound(ReadResp.StreamNotFound.newBuilder()
                        .setStreamIdentifier(streamForNotFound)).build());
                finish(null);
                return;
            }
            for (ReadResp message : chunk.messages()) {
                out.onNext(message);
                if (message.hasEvent()) {
                    remaining--;
                    eventSent.run();
                }
            }
            if (chunk.messages().isEmpty() && !chunk.more()) {
                if (!subscription) {
                    finish(null);
                    return;
                }
                sendCaughtUpOnce();
                return;
            }
        }
    }

    private void sendCaughtUpOnce() {
        if (!caughtUp) {
            caughtUp = true;
            Instant now = Instant.now();
            ReadResp.CaughtUp.Builder message = ReadResp.CaughtUp.newBuilder().setTimestamp(Timestamp.newBuilder()
                    .setSeconds(now.getEpochSecond()).setNanos(now.getNano()));
            cursor.checkpoint(message);
            out.onNext(ReadResp.newBuilder().setCaughtUp(message).build());
        }
    }

    private void finish(StatusRuntimeException error) {
        if (done) {
            return;
        }
        stop();
        try {
            if (error == null) {
                out.onCompleted();
            } else {
                out.onError(error);
            }
        } catch (IllegalStateException ignored) {
            // the call was cancelled meanwhile
        }
    }

    private void stop() {
        done = true;
        store.removeCommitListener(wakeUp);
    }
}
