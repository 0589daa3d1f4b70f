package com.paystream.emulator.cluster;

import io.grpc.stub.StreamObserver;
import io.kurrent.dbclient.proto.gossip.GossipGrpc;
import io.kurrent.dbclient.proto.gossip.GossipOuterClass.ClusterInfo;
import io.kurrent.dbclient.proto.shared.Shared;

/**
 * {@code event_store.client.gossip.Gossip/Read}: the cluster's members as this process plays them, on every node and
 * to every caller (the real server's default policy lets anyone read the client gossip). It is what a client given
 * {@code kurrentdb+discover://} (or several hosts) asks to find the node its preference names, the leader by default.
 */
public final class GossipService extends GossipGrpc.GossipImplBase {
    private final Cluster cluster;

    public GossipService(Cluster cluster) {
        this.cluster = cluster;
    }

    @Override
    public void read(Shared.Empty request, StreamObserver<ClusterInfo> responses) {
        responses.onNext(cluster.gossip());
        responses.onCompleted();
    }
}
