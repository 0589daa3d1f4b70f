package com.paystream.emulator;

import com.paystream.emulator.auth.AccessControl;
import com.paystream.emulator.auth.Authentication;
import com.paystream.emulator.auth.Users;
import com.paystream.emulator.auth.UsersApi;
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
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
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
 * An EventStoreDB-compatible server: single node, gRPC and the HTTP API (health probe, users) on one port; insecure,
 * or with authentication and access control lists ({@link Options#authentication}); in plain text, or over TLS
 * ({@link Options#tls}).
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
    private final Server server;
    private final ExecutorService pumps;
    private final boolean tls;
    private final MessageCounter counter;

    private EventStoreEmulator(StreamDatabase store, Users users, Server server, ExecutorService pumps, boolean tls,
                               MessageCounter counter) {
        this.counter = counter;
        this.store = store;
        this.users = users;
        this.server = server;
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
            NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress(host, port));
            MessageCounter counter = new MessageCounter();
            List<HttpApi> apis = new ArrayList<>();
            Users users = null;
            if (authentication) {
                Users known = new Users(store, adminPassword, opsPassword);
                users = known;
                builder.intercept(new Authentication(known));
                apis.add(new UsersApi(known));
                apis.add(new StatsApi(counter, header -> Authentication.basic(header, known)));
            } else {
                apis.add(new StatsApi(counter, null));
            }
            Server server = builder
                    .protocolNegotiator(new HttpProbeNegotiator(HttpApi.of(apis), tls))
                    // every handler only queues work or does short in-memory steps: run them on the event loop
                    // instead of handing each call to another thread (three thread switches per append otherwise)
                    .directExecutor()
                    .permitKeepAliveTime(5, TimeUnit.SECONDS)
                    .permitKeepAliveWithoutCalls(true)
                    .maxInboundMessageSize(MAX_MESSAGE_BYTES)
                    .addService(new ServerFeaturesService(true))
                    .addService(new StreamsService(store, pumps, access, counter))
                    .addService(new AppendSessionService(store, access, counter, appendLimits))
                    .addService(new PersistentSubscriptionsService(store, pumps, access, counter))
                    .build();
            try {
                server.start();
            } catch (IOException e) {
                store.close();
                pumps.shutdownNow();
                throw new UncheckedIOException("Cannot listen on " + host + ":" + port, e);
            }
            return new EventStoreEmulator(store, users, server, pumps, tls != null, counter);
        }
    }

    public int port() {
        return server.getPort();
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
        server.shutdownNow();
        try {
            server.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pumps.shutdownNow();
        store.close();
    }

    /** Blocks until the server stops. */
    public void awaitTermination() throws InterruptedException {
        server.awaitTermination();
    }
}
