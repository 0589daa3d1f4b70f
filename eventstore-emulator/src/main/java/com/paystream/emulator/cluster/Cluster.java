package com.paystream.emulator.cluster;

import com.paystream.emulator.grpc.Wire;
import io.grpc.Context;
import io.grpc.StatusRuntimeException;
import io.kurrent.dbclient.proto.gossip.GossipOuterClass.ClusterInfo;
import io.kurrent.dbclient.proto.gossip.GossipOuterClass.EndPoint;
import io.kurrent.dbclient.proto.gossip.GossipOuterClass.MemberInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The cluster one emulator process plays for its clients: one node per port, every node serving the same store, one
 * of them the leader. Followers refuse what needs the leader, naming it ({@link LeaderRouting}); gossip on every node
 * reports every node ({@link #gossip()}); an election ({@link #elect}, {@link #resign}) moves the leader and tells the
 * listeners (the persistent subscriptions drop their consumers and start again from their checkpoints, as on a new
 * leader). A single emulator is a cluster of one node, always the leader.
 */
public final class Cluster {
    static final Context.Key<Node> NODE = Context.key("paystream-emulator-node");
    /** .NET ticks (100 ns) per millisecond: the gossip's timestamps are ticks since the Unix epoch. */
    private static final long TICKS_PER_MILLI = 10_000;

    /** One node of the cluster: an instance id, and the port it serves on once bound. */
    public static final class Node {
        private final UUID instanceId = UUID.randomUUID();
        private volatile int port;

        public UUID instanceId() {
            return instanceId;
        }

        public int port() {
            return port;
        }

        /** The port the node's server bound (known only once it listens: port 0 picks a free one). */
        public void bound(int port) {
            this.port = port;
        }

        @Override
        public String toString() {
            return "node :" + port;
        }
    }

    private final String advertisedHost;
    private final List<Node> nodes;
    private final List<Runnable> leaderChangeListeners = new CopyOnWriteArrayList<>();
    private Node leader;

    /** {@code size} nodes, the first the leader; clients reach every node at {@code advertisedHost}. */
    public Cluster(int size, String advertisedHost) {
        if (size < 1) {
            throw new IllegalArgumentException("A cluster has one node or more");
        }
        List<Node> created = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            created.add(new Node());
        }
        this.nodes = List.copyOf(created);
        this.advertisedHost = advertisedHost;
        this.leader = nodes.get(0);
    }

    /** A single node, the leader, as a lone emulator is. */
    public static Cluster singleNode() {
        return new Cluster(1, "localhost");
    }

    /** The node a call came in on; null outside a call that came through a node's server. */
    public static Node currentNode() {
        return NODE.get();
    }

    public List<Node> nodes() {
        return nodes;
    }

    public String advertisedHost() {
        return advertisedHost;
    }

    public synchronized Node leader() {
        return leader;
    }

    /** Whether {@code node} leads now; a call that came through no node's server counts as the leader's. */
    public synchronized boolean leads(Node node) {
        return node == null || node == leader;
    }

    /**
     * Runs {@code action} if {@code node} leads, with no election in between (what a consumer joining a group must
     * not interleave with); empty when it does not lead.
     */
    public synchronized <T> Optional<T> whileLeading(Node node, Supplier<T> action) {
        return leads(node) ? Optional.of(action.get()) : Optional.empty();
    }

    /** What a follower answers a call that needs the leader: NotLeader, naming the leader's endpoint. */
    public StatusRuntimeException notLeader() {
        return Wire.notLeader(advertisedHost, leader().port());
    }

    /**
     * Elects {@code node}: it leads from now on, the former leader follows. The listeners run before any call can
     * reach the new leader's persistent subscriptions. Electing the leader changes nothing.
     */
    public synchronized void elect(Node node) {
        if (!nodes.contains(node)) {
            throw new IllegalArgumentException(node + " is not a node of this cluster");
        }
        if (node == leader) {
            return;
        }
        leader = node;
        leaderChangeListeners.forEach(Runnable::run);
    }

    /** Elects the node serving on {@code port}. */
    public void elect(int port) {
        elect(nodes.stream().filter(node -> node.port() == port).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No node of this cluster serves on port " + port)));
    }

    /**
     * The leader {@code node} resigns, as {@code POST /admin/node/resign} asks the real server: the next node (in
     * the order of their ports as given) leads. False, changing nothing, when {@code node} does not lead or is alone.
     */
    public synchronized boolean resign(Node node) {
        if (node != leader || nodes.size() == 1) {
            return false;
        }
        elect(nodes.get((nodes.indexOf(node) + 1) % nodes.size()));
        return true;
    }

    /** Runs {@code listener} at every change of leader, under the cluster's lock (it must not wait on a call). */
    public void onLeaderChange(Runnable listener) {
        leaderChangeListeners.add(listener);
    }

    /** What the gossip service answers on every node: each node bound so far, alive, the leader and its followers. */
    public synchronized ClusterInfo gossip() {
        ClusterInfo.Builder info = ClusterInfo.newBuilder();
        long now = System.currentTimeMillis() * TICKS_PER_MILLI;
        for (Node node : nodes) {
            if (node.port() == 0) {
                continue;
            }
            info.addMembers(MemberInfo.newBuilder()
                    .setInstanceId(Wire.uuid(node.instanceId(), true))
                    .setTimeStamp(now)
                    .setState(node == leader ? MemberInfo.VNodeState.Leader : MemberInfo.VNodeState.Follower)
                    .setIsAlive(true)
                    .setHttpEndPoint(EndPoint.newBuilder().setAddress(advertisedHost).setPort(node.port())));
        }
        return info.build();
    }
}
