package com.paystream.emulator.persistent;

import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.kurrent.dbclient.proto.persistentsubscriptions.Persistent.ReadResp;

import java.util.function.Predicate;

/**
 * One consumer connected to a group (one {@code Read} call). Its fields are guarded by the group's lock, and every
 * message to the client is sent under that lock, so sends on one call never interleave.
 */
final class Connection {
    final ServerCallStreamObserver<ReadResp> out;
    final int bufferSize;
    final boolean structuredIds;
    final String from;
    final String name;
    /** Whether this consumer may read a stream: a link to an event it may not read is delivered unresolved. */
    final Predicate<String> mayRead;
    /** Told of every event sent (the message counter). */
    private final Runnable eventSent;
    int inFlight;
    long totalItems;
    boolean closed;

    Connection(ServerCallStreamObserver<ReadResp> out, int bufferSize, boolean structuredIds, String from,
               String name, Predicate<String> mayRead) {
        this(out, bufferSize, structuredIds, from, name, mayRead, () -> { });
    }

    Connection(ServerCallStreamObserver<ReadResp> out, int bufferSize, boolean structuredIds, String from,
               String name, Predicate<String> mayRead, Runnable eventSent) {
        this.eventSent = eventSent;
        this.out = out;
        this.bufferSize = bufferSize;
        this.structuredIds = structuredIds;
        this.from = from;
        this.name = name;
        this.mayRead = mayRead;
    }

    /** Room for one more unacknowledged message, and a transport that takes it without buffering. */
    boolean canTake() {
        return !closed && inFlight < bufferSize && out.isReady();
    }

    void send(ReadResp message) {
        if (closed) {
            return;
        }
        try {
            out.onNext(message);
            if (message.hasEvent()) {
                eventSent.run();
            }
        } catch (RuntimeException e) {
            closed = true;
        }
    }

    void fail(StatusRuntimeException error) {
        if (closed) {
            return;
        }
        closed = true;
        try {
            out.onError(error);
        } catch (RuntimeException ignored) {
            // already cancelled by the client
        }
    }
}
