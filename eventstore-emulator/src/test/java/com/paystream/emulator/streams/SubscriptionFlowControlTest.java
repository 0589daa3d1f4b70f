package com.paystream.emulator.streams;

import com.paystream.emulator.grpc.ServerFeaturesService;
import com.paystream.emulator.grpc.StreamsService;
import com.paystream.emulator.store.ProposedEvent;
import com.paystream.emulator.store.StreamDatabase;
import io.grpc.ForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.KurrentDBConnectionString;
import io.kurrent.dbclient.ResolvedEvent;
import io.kurrent.dbclient.SubscribeToStreamOptions;
import io.kurrent.dbclient.Subscription;
import io.kurrent.dbclient.SubscriptionListener;
import io.kurrent.dbclient.proto.streams.StreamsOuterClass.ReadResp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A slow subscriber must not make the server queue the whole stream for it. The streams service runs behind an
 * interceptor that counts the events the server hands to gRPC; a server that ignored the transport's readiness
 * would hand over every event at once (sending never blocks), however slowly the client reads.
 */
class SubscriptionFlowControlTest {
    private static final int EVENTS = 2_000;
    private static final int EVENT_BYTES = 16 * 1024;

    private final AtomicLong eventsHandedToTransport = new AtomicLong();
    private StreamDatabase store;
    private ExecutorService pumps;
    private Server server;
    private KurrentDBClient client;

    @BeforeEach
    void startServer() throws Exception {
        store = StreamDatabase.inMemory();
        pumps = Executors.newFixedThreadPool(2);
        ServerInterceptor counter = new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                                ServerCallHandler<Q, R> next) {
                return next.startCall(new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
                    @Override
                    public void sendMessage(R message) {
                        if (message instanceof ReadResp resp && resp.hasEvent()) {
                            eventsHandedToTransport.incrementAndGet();
                        }
                        super.sendMessage(message);
                    }
                }, headers);
            }
        };
        server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .addService(new ServerFeaturesService(false))
                .addService(ServerInterceptors.intercept(new StreamsService(store, pumps), counter))
                .build().start();
        client = KurrentDBClient.create(KurrentDBConnectionString.parseOrThrow(
                "kurrentdb://localhost:" + server.getPort() + "?tls=false"));
    }

    @AfterEach
    void stopServer() throws Exception {
        client.shutdown().get();
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        pumps.shutdownNow();
        store.close();
    }

    @Test
    void aSubscriberThatStopsReadingHoldsTheServerToABoundedWindowAndThenGetsEverything() throws Exception {
        String stream = "flow-" + UUID.randomUUID();
        byte[] data = new byte[EVENT_BYTES];
        for (int batch = 0; batch < EVENTS / 100; batch++) {
            List<ProposedEvent> events = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                events.add(new ProposedEvent(UUID.randomUUID(), "Blob", false, data, new byte[0]));
            }
            store.append(stream, -2, events).get(5, TimeUnit.SECONDS);
        }
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger received = new AtomicInteger();
        Subscription subscription = client.subscribeToStream(stream, new SubscriptionListener() {
            @Override
            public void onEvent(Subscription subscription, ResolvedEvent event) {
                received.incrementAndGet();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, SubscribeToStreamOptions.get().fromStart()).get(5, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(5)).until(() -> received.get() == 1);
        long[] previous = {-1};
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(300)).until(() -> {
            long now = eventsHandedToTransport.get();
            boolean settled = now == previous[0];
            previous[0] = now;
            return settled;
        });
        assertThat(eventsHandedToTransport.get()).as("events handed to gRPC while the subscriber is stuck")
                .isLessThan(EVENTS / 2);

        release.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> received.get() == EVENTS);
        subscription.stop();
    }
}
