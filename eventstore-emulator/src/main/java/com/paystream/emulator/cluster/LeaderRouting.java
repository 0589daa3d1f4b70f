package com.paystream.emulator.cluster;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.StatusRuntimeException;

import java.util.Set;

/**
 * One node's gate, on every call it serves: makes the node current for the call ({@link Cluster#currentNode()}) and,
 * on a follower, refuses what only the leader serves with NotLeader naming the leader, as the real server does:
 * persistent subscriptions (all of them), the v2 append session (always for the leader), and any streams call
 * carrying {@code requires-leader: true} (what the client sends with its default node preference, leader). A
 * streams call without it is served by any node: a follower of the real server forwards such writes to the leader
 * and serves such reads itself; here every node serves the same store. Gossip and server features are served
 * everywhere.
 */
public final class LeaderRouting implements ServerInterceptor {
    private static final Metadata.Key<String> REQUIRES_LEADER =
            Metadata.Key.of("requires-leader", Metadata.ASCII_STRING_MARSHALLER);
    private static final String STREAMS = "event_store.client.streams.Streams";
    private static final Set<String> LEADER_ONLY = Set.of(
            "event_store.client.persistent_subscriptions.PersistentSubscriptions",
            "kurrentdb.protocol.v2.streams.StreamsService");

    private final Cluster cluster;
    private final Cluster.Node node;

    public LeaderRouting(Cluster cluster, Cluster.Node node) {
        this.cluster = cluster;
        this.node = node;
    }

    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
                                                      ServerCallHandler<Q, A> next) {
        String service = call.getMethodDescriptor().getServiceName();
        boolean needsLeader = LEADER_ONLY.contains(service)
                || STREAMS.equals(service) && "true".equalsIgnoreCase(headers.get(REQUIRES_LEADER));
        if (needsLeader && !cluster.leads(node)) {
            StatusRuntimeException refusal = cluster.notLeader();
            call.close(refusal.getStatus(), refusal.getTrailers());
            return new ServerCall.Listener<>() {
            };
        }
        return Contexts.interceptCall(Context.current().withValue(Cluster.NODE, node), call, headers, next);
    }
}
