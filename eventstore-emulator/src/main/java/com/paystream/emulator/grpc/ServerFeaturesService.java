package com.paystream.emulator.grpc;

import io.grpc.stub.StreamObserver;
import io.kurrent.dbclient.proto.serverfeatures.ServerFeaturesGrpc;
import io.kurrent.dbclient.proto.serverfeatures.Serverfeatures.SupportedMethod;
import io.kurrent.dbclient.proto.serverfeatures.Serverfeatures.SupportedMethods;
import io.kurrent.dbclient.proto.shared.Shared;

import java.util.List;

/**
 * Tells the client what this server can do, as a 26.0 server does: the gRPC service and method names lowercase, the
 * version numeric. Persistent subscriptions advertise {@code stream} and {@code all}, or the client would fall back
 * to HTTP or refuse {@code $all} groups; the v2 {@code appendsession} is what makes the KurrentDB client allow
 * {@code multiStreamAppend} (it refuses it with {@code UnsupportedOperationException} otherwise). Only what the
 * emulator serves is listed: no {@code batchappend}, no projections or operations.
 */
public final class ServerFeaturesService extends ServerFeaturesGrpc.ServerFeaturesImplBase {
    public static final String SERVER_VERSION = "26.0.0";
    private static final String STREAMS = "event_store.client.streams.streams";
    private static final String PERSISTENT = "event_store.client.persistent_subscriptions.persistentsubscriptions";
    private static final String FEATURES = "event_store.client.server_features.serverfeatures";
    private static final String GOSSIP = "event_store.client.gossip.gossip";
    /** The v2 protocol's streams service: its {@code appendsession} is how the client knows multi-stream append. */
    private static final String STREAMS_V2 = "kurrentdb.protocol.v2.streams.streamsservice";

    private final SupportedMethods methods;

    public ServerFeaturesService(boolean persistentSubscriptions) {
        SupportedMethods.Builder builder = SupportedMethods.newBuilder().setEventStoreServerVersion(SERVER_VERSION);
        for (String method : List.of("read", "append", "delete", "tombstone")) {
            builder.addMethods(method(STREAMS, method));
        }
        if (persistentSubscriptions) {
            for (String method : List.of("create", "update", "delete", "read", "getinfo", "replayparked", "list")) {
                builder.addMethods(method(PERSISTENT, method, "stream", "all"));
            }
            builder.addMethods(method(PERSISTENT, "restartsubsystem"));
        }
        builder.addMethods(method(STREAMS_V2, "appendsession"));
        builder.addMethods(method(FEATURES, "getsupportedmethods"));
        builder.addMethods(method(GOSSIP, "read"));
        this.methods = builder.build();
    }

    private static SupportedMethod method(String service, String name, String... features) {
        return SupportedMethod.newBuilder().setServiceName(service).setMethodName(name)
                .addAllFeatures(List.of(features)).build();
    }

    @Override
    public void getSupportedMethods(Shared.Empty request, StreamObserver<SupportedMethods> responses) {
        responses.onNext(methods);
        responses.onCompleted();
    }
}
