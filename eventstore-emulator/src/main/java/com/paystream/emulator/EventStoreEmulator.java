package com.paystream.emulator;

import com.paystream.emulator.auth.AccessControl;
import com.paystream.emulator.auth.Authentication;
import com.paystream.emulator.auth.OpsAndAdminsOnly;
import com.paystream.emulator.auth.Users;
import com.paystream.emulator.auth.UsersApi;
import com.paystream.emulator.cluster.Cluster;
import com.paystream.emulator.cluster.ClusterApi;
import com.paystream.emulator.cluster.GossipService;
import com.paystream.emulator.cluster.LeaderRouting;
import com.paystream.emulator.grpc.AppendLimits;
import com.paystream.emulator.grpc.AppendSessionService;
import com.paystream.emulator.grpc.HttpApi;
import com.paystream.emulator.grpc.HttpProbeNegotiator;
import com.paystream.emulator.grpc.ServerFeaturesService;
import com.paystream.emulator.grpc.StreamsService;
import com.paystream.emulator.grpc.TlsHandshake;
import com.paystream.emulator.persistent.PersistentSubscriptionsService;
import com.paystream.emulator.stats.MessageCounter;
import com.paystream.emulator.stats.StatsApi;
import com.paystream.emulator.store.StreamDatabase;
import com.paystream.emulator.tls.NodeCertificate;
import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An EventStoreDB-compatible server: gRPC and the HTTP API (health probe, users, gossip) on one port; insecure,
 * or with authentication and access control lists ({@link Options#authentication}); in plain text, or over TLS
 * ({@link Options#tls}). A single node, or a cluster of nodes on more ports serving the same store, one of them the
 * leader ({@link Options#clusterNodePorts}, {@link #cluster()}).
 *
 * <pre>{@code
 * try (EventStoreEmulator emulator = EventStoreEmulator.inMemory().start()) {
 *     KurrentDBClient client = KurrentDBClient.create(
 *             KurrentDBConnectionString.parseOrThrow(emulator.kurrentdbConnectionString()));
 * }
 * }</pre>
 */
public final class EventStoreEmulator implements AutoCloseable {
    /** Messages up to EventStoreDB's default maximum append size (16 MiB) plus framing. */
    private static final int MAX_MESSAGE_BYTES = 17 * 1024 * 1024;

    private final StreamDatabase store;
    private final Users users;
    /** One server per node, in the cluster's order. */
    private final List<Server> servers;
    private final Cluster cluster;
    private final ExecutorService pumps;
    private final boolean tls;
    private final MessageCounter counter;

    private EventStoreEmulator(StreamDatabase store, Users users, List<Server> servers, Cluster cluster,
                               ExecutorService pumps, boolean tls, MessageCounter counter) {
        this.counter = counter;
        this.store = store;
        this.users = users;
        this.servers = List.copyOf(servers);
        this.cluster = cluster;
        this.pumps = pumps;
        this.tls = tls;
    }

    /** Options for a server that keeps nothing once stopped. */
    public static Options inMemory() {
        return new Options(null);
    }

    /** Options for a durable server whose data lives in {@code directory}. */
    public static Options durable(Path directory) {
        return new Options(directory);
    }

    public static final class Options {
        private final Path directory;
        private String host = "127.0.0.1";
        private int port;
        private boolean authentication;
        private String adminPassword = "changeit";
        private String opsPassword = "changeit";
        private NodeCertificate certificate;
        private AppendLimits appendLimits = AppendLimits.DEFAULT;
        private int[] clusterNodePorts = new int[0];

        private Options(Path directory) {
            this.directory = directory;
        }

        /** Port to listen on; 0 (the default) picks a free one. */
        public Options port(int port) {
            this.port = port;
            return this;
        }

        /**
         * Whether calls are authenticated (users {@code admin} and {@code ops}, password {@code changeit}) and
         * stream access control lists enforced, as on a secure node; off by default, like an insecure node.
         */
        public Options authentication(boolean enabled) {
            this.authentication = enabled;
            return this;
        }

        /**
         * The passwords {@code admin} and {@code ops} start with on a new store (default changeit, as on the real
         * server, whose {@code EVENTSTORE_DEFAULT_ADMIN_PASSWORD} / {@code _OPS_PASSWORD} these mirror).
         */
        public Options defaultPasswords(String admin, String ops) {
            this.adminPassword = Objects.requireNonNull(admin, "admin");
            this.opsPassword = Objects.requireNonNull(ops, "ops");
            return this;
        }

        /**
         * Serve gRPC and the HTTP API over TLS only, with this node certificate, as a secure node does (clients
         * connect with {@code tls=true}); plain text by default, like an insecure node.
         */
        public Options tls(NodeCertificate certificate) {
            this.certificate = Objects.requireNonNull(certificate, "certificate");
            return this;
        }

        /** The largest record and the largest multi-stream append (in bytes) a session may write. */
        public Options appendLimits(AppendLimits limits) {
            this.appendLimits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * Plays a cluster: besides {@link #port}, one more node on each of these ports (0 picks a free one), every
         * node serving the same store over the same TLS and users; the node on {@link #port} leads at the start.
         * Followers refuse what needs the leader, naming it, gossip on every node reports them all, and
         * {@link EventStoreEmulator#cluster()} elects another leader.
         */
        public Options clusterNodePorts(int... ports) {
            this.clusterNodePorts = ports.clone();
            return this;
        }

        /** Address to bind; loopback by default. */
        public Options host(String host) {
            this.host = host;
            return this;
        }

        public EventStoreEmulator start() {
            // before the store is opened, so a certificate the TLS engine refuses leaves nothing open
            SslContext tls = certificate == null ? null : TlsHandshake.serverContext(certificate);
            StreamDatabase store;
            try {
                store = directory == null ? StreamDatabase.inMemory() : StreamDatabase.open(directory);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot open the data directory " + directory, e);
            }
            AtomicInteger threads = new AtomicInteger();
            ExecutorService pumps = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime()
                    .availableProcessors()), r -> {
                Thread thread = new Thread(r, "emulator-pump-" + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
            AccessControl access = authentication ? AccessControl.secure(store) : AccessControl.insecure(store);
            MessageCounter counter = new MessageCounter();
            Users users = authentication ? new Users(store, adminPassword, opsPassword) : null;
            OpsAndAdminsOnly opsAndAdmins = new OpsAndAdminsOnly(users == null ? null
                    : header -> Authentication.basic(header, users));
            Cluster cluster = new Cluster(1 + clusterNodePorts.length, advertisedHost(host));
            // the same services on every node: one store, one set of consumer groups, whichever node serves
            List<BindableService> services = List.of(
                    new ServerFeaturesService(true),
                    new GossipService(cluster),
                    new StreamsService(store, pumps, access, counter),
                    new AppendSessionService(store, access, counter, appendLimits),
                    new PersistentSubscriptionsService(store, pumps, access, counter, cluster));
            List<Server> servers = new ArrayList<>();
            try {
                for (int i = 0; i < cluster.nodes().size(); i++) {
                    Cluster.Node node = cluster.nodes().get(i);
                    List<HttpApi> apis = new ArrayList<>();
                    if (users != null) {
                        apis.add(new UsersApi(users));
                    }
                    apis.add(new StatsApi(counter, opsAndAdmins));
                    apis.add(new ClusterApi(cluster, node, opsAndAdmins));
                    // the last interceptor added runs first: credentials are checked before the node's role
                    NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress(host,
                                    i == 0 ? port : clusterNodePorts[i - 1]))
                            .intercept(new LeaderRouting(cluster, node));
                    if (users != null) {
                        builder.intercept(new Authentication(users));
                    }
                    builder.protocolNegotiator(new HttpProbeNegotiator(HttpApi.of(apis), tls))
                            // every handler only queues work or does short in-memory steps: run them on the event
                            // loop instead of handing each call to another thread (three thread switches per append
                            // otherwise)
                            .directExecutor()
                            .permitKeepAliveTime(5, TimeUnit.SECONDS)
                            .permitKeepAliveWithoutCalls(true)
                            .maxInboundMessageSize(MAX_MESSAGE_BYTES);
                    services.forEach(builder::addService);
                    Server server = builder.build();
                    servers.add(server);
                    server.start();
                    node.bound(server.getPort());
                }
            } catch (IOException e) {
                servers.forEach(Server::shutdownNow);
                store.close();
                pumps.shutdownNow();
                throw new UncheckedIOException("Cannot listen on " + host + ":" + (servers.size() == 1 ? port
                        : clusterNodePorts[servers.size() - 2]), e);
            }
            return new EventStoreEmulator(store, users, servers, cluster, pumps, tls != null, counter);
        }
    }

    /** The port of the first node (the only one of a single node; the leader at the start of a cluster). */
    public int port() {
        return servers.get(0).getPort();
    }

    /** Every node's port, in the cluster's order (the first is {@link #port()}). */
    public List<Integer> ports() {
        return cluster.nodes().stream().map(Cluster.Node::port).toList();
    }

    /** The nodes this emulator plays and which one leads: elect another with {@link Cluster#elect(int)}. */
    public Cluster cluster() {
        return cluster;
    }

    /**
     * The connection string a KurrentDB client uses, e.g. {@code kurrentdb://localhost:2113?tls=false}; over TLS
     * {@code kurrentdb://localhost:2113?tls=true}, to which a client that does not already trust the certificate's CA
     * adds {@code &tlsCAFile=FILE}.
     */
    public String kurrentdbConnectionString() {
        return "kurrentdb://localhost:" + port() + "?tls=" + tls;
    }

    /**
     * The same connection string with the {@code esdb://} scheme, which both the KurrentDB client and the older
     * EventStoreDB client ({@code com.eventstore:db-client-java}) accept: the modules still on the older client
     * connect with it.
     */
    public String connectionString() {
        return "esdb://localhost:" + port() + "?tls=" + tls;
    }

    /**
     * The discovery connection string, {@code kurrentdb+discover://localhost:2113?tls=false}: the client asks the
     * first node's gossip for the leader, connects to it, and follows the leader when it changes. One seed is enough
     * (every node gossips the whole cluster), and the only one the client reads: given several hosts with
     * {@code +discover} it asks the first alone, and it parses the port of a second or later host as a 16-bit signed
     * number, refusing ports above 32767 (client 1.1.0).
     */
    public String discoverConnectionString() {
        return "kurrentdb+discover://localhost:" + port() + "?tls=" + tls;
    }

    /** The users, when authentication is on: tests add the users they sign in as. */
    public Optional<Users> users() {
        return Optional.ofNullable(users);
    }

    /** What the clients asked of the store since start (also on {@code GET /stats/messages}). */
    public MessageCounter messageCounter() {
        return counter;
    }

    /** The store behind the server, for tests that look underneath. */
    public StreamDatabase store() {
        return store;
    }

    /** Stops accepting calls, ends those in flight, and closes the store (flushing it). */
    @Override
    public void close() {
        servers.forEach(Server::shutdownNow);
        try {
            for (Server server : servers) {
                server.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pumps.shutdownNow();
        store.close();
    }

    /** Blocks until the server stops. */
    public void awaitTermination() throws InterruptedException {
        for (Server server : servers) {
            server.awaitTermination();
        }
    }

    /**
     * The host the nodes give clients in gossip and NotLeader answers: the bound address, or {@code localhost} when
     * that is a wildcard or loopback address (the emulator's certificate names localhost).
     */
    static String advertisedHost(String host) {
        try {
            InetAddress address = InetAddress.getByName(host);
            return address.isAnyLocalAddress() || address.isLoopbackAddress() ? "localhost" : host;
        } catch (UnknownHostException e) {
            return host;
        }
    }
}
