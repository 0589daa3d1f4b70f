package com.paystream.emulator.grpc;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import com.google.protobuf.Parser;
import com.paystream.emulator.store.CommittedEvent;
import com.paystream.emulator.store.ExpectedRevision;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.kurrent.dbclient.proto.shared.Shared;
import io.kurrent.dbclient.proto.streams.StreamsOuterClass.ReadResp;

import java.util.UUID;

/** Conversions between the store's records and EventStoreDB's wire messages, and the server's error shapes. */
public final class Wire {
    private static final Metadata.Key<String> EXCEPTION = key("exception");
    private static final Metadata.Key<String> STREAM_NAME = key("stream-name");
    private static final Metadata.Key<String> EXPECTED_VERSION = key("expected-version");
    private static final Metadata.Key<String> ACTUAL_VERSION = key("actual-version");
    private static final Metadata.Key<String> GROUP_NAME = key("group-name");
    private static final Metadata.Key<String> LEADER_HOST = key("leader-endpoint-host");
    private static final Metadata.Key<String> LEADER_PORT = key("leader-endpoint-port");

    private Wire() {
    }

    public static String streamName(Shared.StreamIdentifier identifier) {
        return identifier.getStreamName().toStringUtf8();
    }

    public static Shared.StreamIdentifier streamIdentifier(String name) {
        return Shared.StreamIdentifier.newBuilder().setStreamName(ByteString.copyFromUtf8(name)).build();
    }

    public static UUID uuid(Shared.UUID wire) {
        if (wire.hasStructured()) {
            return new UUID(wire.getStructured().getMostSignificantBits(),
                    wire.getStructured().getLeastSignificantBits());
        }
        return UUID.fromString(wire.getString());
    }

    public static Shared.UUID uuid(UUID id, boolean structured) {
        if (!structured) {
            return Shared.UUID.newBuilder().setString(id.toString()).build();
        }
        return Shared.UUID.newBuilder().setStructured(Shared.UUID.Structured.newBuilder()
                .setMostSignificantBits(id.getMostSignificantBits())
                .setLeastSignificantBits(id.getLeastSignificantBits())).build();
    }

    /** A recorded event as the Streams service sends it. */
    public static ReadResp.ReadEvent.RecordedEvent recorded(CommittedEvent event, boolean structuredIds) {
        return ReadResp.ReadEvent.RecordedEvent.newBuilder()
                .setId(uuid(event.id(), structuredIds))
                .setStreamIdentifier(streamIdentifier(event.stream()))
                .setStreamRevision(event.revision())
                .setPreparePosition(event.position())
                .setCommitPosition(event.position())
                .putMetadata("type", event.type())
                .putMetadata("content-type", event.contentType())
                .putMetadata("created", Long.toString(event.createdTicks()))
                .setCustomMetadata(ByteString.copyFrom(event.metadata()))
                .setData(ByteString.copyFrom(event.data()))
                .build();
    }

    /**
     * A recorded event as another message with the same fields under the same numbers, read by {@code as}: the
     * persistent subscriptions' {@code ReadEvent.RecordedEvent} is one. The fields are set in one place, above, and
     * carried over in the wire format.
     */
    public static <M extends MessageLite> M recorded(CommittedEvent event, boolean structuredIds, Parser<M> as) {
        try {
            return as.parseFrom(recorded(event, structuredIds).toByteString());
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("A recorded event does not fit the message it was asked as", e);
        }
    }

    /** {@code FAILED_PRECONDITION} with the trailers the client maps to {@code StreamDeletedException}. */
    public static StatusRuntimeException streamDeleted(String stream) {
        Metadata trailers = new Metadata();
        trailers.put(EXCEPTION, "stream-deleted");
        trailers.put(STREAM_NAME, stream);
        return Status.FAILED_PRECONDITION.withDescription("Event stream '" + stream + "' is deleted.")
                .asRuntimeException(trailers);
    }

    /** {@code FAILED_PRECONDITION} with the trailers the client maps to {@code WrongExpectedVersionException}. */
    public static StatusRuntimeException wrongExpectedVersion(String stream, long expected, long actual) {
        Metadata trailers = new Metadata();
        trailers.put(EXCEPTION, "wrong-expected-version");
        trailers.put(STREAM_NAME, stream);
        trailers.put(EXPECTED_VERSION, Long.toString(expected));
        trailers.put(ACTUAL_VERSION, Long.toString(actual < 0 ? ExpectedRevision.NO_STREAM : actual));
        return Status.FAILED_PRECONDITION.withDescription("Append failed due to WrongExpectedVersion. Stream: "
                + stream + ", Expected version: " + expected + ", Actual version: " + actual)
                .asRuntimeException(trailers);
    }

    /** {@code PERMISSION_DENIED} "Access Denied", with the trailer the real server sends. */
    public static StatusRuntimeException accessDenied() {
        Metadata trailers = new Metadata();
        trailers.put(EXCEPTION, "access-denied");
        return Status.PERMISSION_DENIED.withDescription("Access Denied").asRuntimeException(trailers);
    }

    /**
     * What a follower answers a call that needs the leader, as the real server does: {@code NOT_FOUND} "Leader info
     * available" with the trailers {@code exception: not-leader} and the leader's {@code leader-endpoint-host} /
     * {@code leader-endpoint-port}, which the client turns into {@code NotLeaderException} (and reconnects to).
     */
    public static StatusRuntimeException notLeader(String leaderHost, int leaderPort) {
        Metadata trailers = new Metadata();
        trailers.put(EXCEPTION, "not-leader");
        trailers.put(LEADER_HOST, leaderHost);
        trailers.put(LEADER_PORT, Integer.toString(leaderPort));
        return Status.NOT_FOUND.withDescription("Leader info available").asRuntimeException(trailers);
    }

    /**
     * {@code CANCELLED} with the trailers {@code exception: persistent-subscription-dropped}, the stream and the
     * group: how the real server drops a group's consumers when it stops serving the group (the node stopped leading).
     */
    public static StatusRuntimeException persistentSubscriptionDropped(String stream, String group) {
        Metadata trailers = new Metadata();
        trailers.put(EXCEPTION, "persistent-subscription-dropped");
        trailers.put(STREAM_NAME, stream);
        trailers.put(GROUP_NAME, group);
        return Status.CANCELLED.withDescription("Subscription group " + group + " on stream " + stream
                + " was dropped.").asRuntimeException(trailers);
    }

    public static StatusRuntimeException invalidArgument(String message) {
        return Status.INVALID_ARGUMENT.withDescription(message).asRuntimeException();
    }

    private static Metadata.Key<String> key(String name) {
        return Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER);
    }
}
