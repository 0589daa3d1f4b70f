package com.paystream.emulator.persistent;

import com.paystream.emulator.store.CommittedEvent;
import com.paystream.emulator.store.ResolvedEvent;
import io.grpc.stub.ServerCallStreamObserver;
import io.kurrent.dbclient.proto.persistentsubscriptions.Persistent.ReadResp;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** TestConnections and messages for the consumer strategies' unit tests, without a server or a store. */
final class TestConnections {
    private TestConnections() {
    }

    /** A consumer with room for {@code bufferSize} unacknowledged messages, on a transport that is always ready. */
    static Connection consumer(String name, int bufferSize) {
        return new Connection(new ReadyTransport(), bufferSize, true, name, name, stream -> true);
    }

    /** What the group does when it sends a message to the consumer: one more in flight. */
    static Connection sentTo(Connection consumer) {
        consumer.inFlight++;
        return consumer;
    }

    static Connection full(Connection consumer) {
        consumer.inFlight = consumer.bufferSize;
        return consumer;
    }

    /** A message of an event in {@code stream}. */
    static Message eventIn(String stream) {
        return new Message(0, new ResolvedEvent(event(stream, "OrderPlaced", new byte[0]), null), false);
    }

    /** A message of an event in {@code stream} with this JSON {@code metadata}. */
    static Message eventWithMetadata(String stream, String metadata) {
        return new Message(0, new ResolvedEvent(new CommittedEvent(0, stream, 0, UUID.randomUUID(), "OrderPlaced",
                true, 0, new byte[0], metadata.getBytes(StandardCharsets.UTF_8)), null), false);
    }

    /** A message of an unresolved link in {@code linkStream} to an event in {@code target}. */
    static Message linkTo(String target, String linkStream) {
        byte[] pointer = ("0@" + target).getBytes(StandardCharsets.UTF_8);
        return new Message(0, new ResolvedEvent(event(linkStream, CommittedEvent.LINK_TYPE, pointer), null), false);
    }

    private static CommittedEvent event(String stream, String type, byte[] data) {
        return new CommittedEvent(0, stream, 0, UUID.randomUUID(), type, false, 0, data, new byte[0]);
    }

    private static final class ReadyTransport extends ServerCallStreamObserver<ReadResp> {
        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public void setOnCancelHandler(Runnable handler) {
        }

        @Override
        public void setCompression(String compression) {
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setOnReadyHandler(Runnable handler) {
        }

        @Override
        public void disableAutoInboundFlowControl() {
        }

        @Override
        public void request(int count) {
        }

        @Override
        public void setMessageCompression(boolean enable) {
        }

        @Override
        public void onNext(ReadResp value) {
        }

        @Override
        public void onError(Throwable t) {
        }

        @Override
        public void onCompleted() {
        }
    }
}
