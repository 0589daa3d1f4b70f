package com.paystream.benchmarks;

import com.google.protobuf.ByteString;
import com.paystream.topology.StoreConnection;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import io.kurrent.dbclient.Endpoint;
import io.kurrent.dbclient.KurrentDBClientSettings;
import io.kurrent.dbclient.KurrentDBConnectionString;
import io.kurrent.dbclient.proto.shared.Shared;
import io.kurrent.dbclient.proto.streams.StreamsGrpc;
import io.kurrent.dbclient.proto.streams.StreamsOuterClass.AppendReq;
import io.kurrent.dbclient.proto.streams.StreamsOuterClass.AppendResp;
import io.kurrent.dbclient.proto.streams.StreamsOuterClass.ReadReq;
import io.kurrent.dbclient.proto.streams.StreamsOuterClass.ReadResp;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A load generator speaking KurrentDB's gRPC protocol itself, through the stubs generated into kurrentdb-client, over
 * one plaintext channel. It sends what that client sends (same messages, metadata map, structured ids, read options and
 * {@code requires-leader} header) without the client's own per-call work (an OpenTelemetry span per call and a Jackson
 * {@code ObjectMapper} built per event to inject or extract the tracing context), so its figures measure the server.
 * Responses are handled on the transport's threads; nothing here blocks.
 */
final class RawGrpcClient implements AutoCloseable {
    /** The expected revision of a stream that must not exist yet, and the revision of one that does not. */
    static final long NO_STREAM = -1;

    private static final Shared.Empty EMPTY = Shared.Empty.getDefaultInstance();
    private static final Map<String, String> EVENT_METADATA = Map.of("type", Measurements.EVENT_TYPE,
            "content-type", "application/json");
    private static final ByteString DATA = ByteString.copyFrom(Measurements.DATA);
    private static final ByteString METADATA = ByteString.copyFrom(Measurements.METADATA);

    private final ManagedChannel channel;
    private final StreamsGrpc.StreamsStub streams;
    private final long deadlineSeconds;

    private RawGrpcClient(ManagedChannel channel, Optional<String> credentials, long deadlineSeconds) {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("requires-leader", Metadata.ASCII_STRING_MARSHALLER), "true");
        // as the official client: the connection string's user on every call, HTTP basic
        credentials.ifPresent(user -> headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER),
                "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8))));
        this.channel = channel;
        this.streams = StreamsGrpc.newStub(channel)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
        this.deadlineSeconds = deadlineSeconds;
    }

    /**
     * A channel to the first host of {@code connectionString}: plaintext with {@code tls=false}, else TLS trusting its
     * {@code tlsCAFile} (or the JDK's CAs); each call bounded.
     */
    static RawGrpcClient connect(String connectionString, long deadlineSeconds) {
        KurrentDBClientSettings settings = KurrentDBConnectionString.parseOrThrow(connectionString);
        Endpoint host = settings.getHosts()[0];
        NettyChannelBuilder channel = NettyChannelBuilder.forAddress(host.getHost(), host.getPort())
                .directExecutor();
        if (settings.isTls()) {
            try {
                SslContextBuilder tls = GrpcSslContexts.forClient();
                StoreConnection.caFile(connectionString).ifPresent(ca -> tls.trustManager(new java.io.File(ca)));
                channel.sslContext(tls.build());
            } catch (javax.net.ssl.SSLException e) {
                throw new IllegalArgumentException("cannot set up TLS to " + host.getHost() + ":" + host.getPort() + ": " + e.getMessage(), e);
            }
        } else {
            channel.usePlaintext();
        }
        return new RawGrpcClient(channel.build(), StoreConnection.credentials(connectionString), deadlineSeconds);
    }

    /** A position in {@code $all}. */
    record AllPosition(long commit, long prepare) {
    }

    /** One read of {@code $all}: how many events came, and the positions of the first and last (null when none). */
    record Page(int events, AllPosition first, AllPosition last) {
    }

    /** The server answered an append with {@code wrong_expected_version}. */
    static final class WrongExpectedVersion extends RuntimeException {
        WrongExpectedVersion(String stream, AppendResp.WrongExpectedVersion answer) {
            super("wrong expected version appending to " + stream + ": " + answer.toString().replace('\n', ' ').trim());
        }
    }

    /**
     * Appends {@code events} benchmark events to {@code stream}, expecting {@code expectedRevision} (or
     * {@link #NO_STREAM}): one client-streaming call, the options and then one proposed message per event. Completes
     * with the stream's revision after the append, or fails with {@link WrongExpectedVersion} or the call's status.
     */
    CompletableFuture<Long> append(String stream, long expectedRevision, int events) {
        CompletableFuture<Long> result = new CompletableFuture<>();
        StreamObserver<AppendReq> requests = streams.withDeadlineAfter(deadlineSeconds, TimeUnit.SECONDS)
                .append(new StreamObserver<>() {
                    @Override
                    public void onNext(AppendResp response) {
                        switch (response.getResultCase()) {
                            case SUCCESS -> result.complete(response.getSuccess().hasNoStream() ? NO_STREAM
                                    : response.getSuccess().getCurrentRevision());
                            case WRONG_EXPECTED_VERSION -> result.completeExceptionally(
                                    new WrongExpectedVersion(stream, response.getWrongExpectedVersion()));
                            default -> result.completeExceptionally(
                                    new IllegalStateException("an AppendResp with neither success nor failure"));
                        }
                    }

                    @Override
                    public void onError(Throwable error) {
                        result.completeExceptionally(error);
                    }

                    @Override
                    public void onCompleted() {
                        result.completeExceptionally(new IllegalStateException("an append answered nothing"));
                    }
                });
        try {
            AppendReq.Options.Builder options = AppendReq.Options.newBuilder().setStreamIdentifier(
                    Shared.StreamIdentifier.newBuilder().setStreamName(ByteString.copyFromUtf8(stream)));
            if (expectedRevision == NO_STREAM) {
                options.setNoStream(EMPTY);
            } else {
                options.setRevision(expectedRevision);
            }
            requests.onNext(AppendReq.newBuilder().setOptions(options).build());
            for (int i = 0; i < events; i++) {
                UUID id = Measurements.randomUuid();
                requests.onNext(AppendReq.newBuilder().setProposedMessage(AppendReq.ProposedMessage.newBuilder()
                        .setId(Shared.UUID.newBuilder().setStructured(Shared.UUID.Structured.newBuilder()
                                .setMostSignificantBits(id.getMostSignificantBits())
                                .setLeastSignificantBits(id.getLeastSignificantBits())))
                        .putAllMetadata(EVENT_METADATA).setData(DATA).setCustomMetadata(METADATA)).build());
            }
            requests.onCompleted();
        } catch (RuntimeException e) {
            requests.onError(e);
            result.completeExceptionally(e);
        }
        return result;
    }

    /**
     * Reads up to {@code count} events of {@code $all} forwards from {@code from} (inclusive; null: the start), without
     * filter or link resolution, consuming the whole server stream.
     */
    CompletableFuture<Page> readAll(AllPosition from, long count) {
        ReadReq.Options.AllOptions.Builder all = ReadReq.Options.AllOptions.newBuilder();
        if (from == null) {
            all.setStart(EMPTY);
        } else {
            all.setPosition(ReadReq.Options.Position.newBuilder().setCommitPosition(from.commit())
                    .setPreparePosition(from.prepare()));
        }
        ReadReq request = ReadReq.newBuilder().setOptions(ReadReq.Options.newBuilder()
                .setAll(all)
                .setReadDirection(ReadReq.Options.ReadDirection.Forwards)
                .setResolveLinks(false)
                .setCount(count)
                .setNoFilter(EMPTY)
                .setUuidOption(ReadReq.Options.UUIDOption.newBuilder().setStructured(EMPTY))
                .setControlOption(ReadReq.Options.ControlOption.newBuilder().setCompatibility(1))).build();
        CompletableFuture<Page> result = new CompletableFuture<>();
        streams.withDeadlineAfter(deadlineSeconds, TimeUnit.SECONDS).read(request, new StreamObserver<>() {
            private int events;
            private AllPosition first;
            private long lastCommit;
            private long lastPrepare;

            @Override
            public void onNext(ReadResp response) {
                if (response.hasEvent()) {
                    ReadResp.ReadEvent.RecordedEvent event = response.getEvent().getEvent();
                    lastCommit = event.getCommitPosition();
                    lastPrepare = event.getPreparePosition();
                    if (events++ == 0) {
                        first = new AllPosition(lastCommit, lastPrepare);
                    }
                }
            }

            @Override
            public void onError(Throwable error) {
                result.completeExceptionally(error);
            }

            @Override
            public void onCompleted() {
                result.complete(new Page(events, first, events == 0 ? null : new AllPosition(lastCommit, lastPrepare)));
            }
        });
        return result;
    }

    @Override
    public void close() {
        channel.shutdownNow();
        try {
            channel.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
