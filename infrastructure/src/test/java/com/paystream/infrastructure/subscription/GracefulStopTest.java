package com.paystream.infrastructure.subscription;

import com.paystream.events.InboundPaymentReceived;
import com.paystream.events.PaymentStreams;
import com.paystream.infrastructure.client.EventStoreClients;
import com.paystream.infrastructure.client.EventStoreConfig;
import com.paystream.infrastructure.fixtures.Payments;
import com.paystream.infrastructure.store.Causation;
import com.paystream.infrastructure.store.EventStore;
import com.paystream.infrastructure.store.Expected;
import com.paystream.infrastructure.testing.EventStoreTestResource;
import com.paystream.topology.ConsumerGroup;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A service told to stop (SIGTERM) while it handles events: the event in hand is finished and acked, and the ones
 * delivered to it but not started go back to the consumer group at once, to another consumer, long before their
 * message timeout (30 s here).
 */
@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
class GracefulStopTest {
    @Inject
    EventStore store;
    @Inject
    EventStoreClients clients;
    @Inject
    EventStoreConfig config;

    private final String run = UUID.randomUUID().toString();
    private final String group = "infratest.graceful-stop-" + run;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    /** Handles this test's payments one at a time (one ordering key), the first one held until released. */
    private final class Recording implements Reaction<InboundPaymentReceived> {
        final Queue<String> handled = new ConcurrentLinkedQueue<>();
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch holding = new CountDownLatch(1);

        @Override
        public ConsumerGroup<InboundPaymentReceived> consumerGroup() {
            return new ConsumerGroup<>(group, InboundPaymentReceived.class);
        }

        @Override
        public String orderingKey(InboundPaymentReceived event) {
            return "one lane";
        }

        @Override
        public void react(InboundPaymentReceived event, EventContext context) throws Exception {
            String reference = event.details().reference();
            if (!reference.startsWith("infratest:" + run)) {
                return;
            }
            if (reference.endsWith(":hold")) {
                holding.countDown();
                assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
            }
            handled.add(event.paymentId());
        }
    }

    private String received(String suffix) {
        String paymentId = Payments.newPaymentId();
        store.append(PaymentStreams.payment(paymentId), Expected.noStream(),
                Causation.command("receive:" + paymentId, paymentId),
                List.of(Payments.received(paymentId, "infratest:" + run + suffix)));
        return paymentId;
    }

    @AfterEach
    void stopTheScheduler() {
        scheduler.shutdownNow();
    }

    @Test
    void aStoppingConsumerFinishesTheEventInHandAndHandsTheOthersBackAtOnce() throws Exception {
        Recording first = new Recording();
        GroupConsumer<InboundPaymentReceived> stopping = new GroupConsumer<>(first, clients, config.subscriptions(),
                scheduler);
        stopping.start();
        String held = received(":hold");
        assertThat(first.holding.await(30, TimeUnit.SECONDS)).as("the first payment is being handled").isTrue();
        List<String> waiting = IntStream.range(0, 3).mapToObj(i -> received(":" + i)).toList();
        Thread.sleep(500); // delivered to the stopping consumer, queued behind the held one

        stopping.beginDrain();
        first.release.countDown();
        assertThat(stopping.awaitDrained(System.nanoTime() + TimeUnit.SECONDS.toNanos(10))).isZero();
        stopping.stop();
        long stoppedAt = System.nanoTime();

        Recording second = new Recording();
        GroupConsumer<InboundPaymentReceived> next = new GroupConsumer<>(second, clients, config.subscriptions(),
                scheduler);
        next.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> second.handled.containsAll(waiting));
            long handedBackMillis = (System.nanoTime() - stoppedAt) / 1_000_000;

            assertThat(first.handled).containsExactly(held);
            assertThat(second.handled).containsExactlyInAnyOrderElementsOf(waiting);
            assertThat(handedBackMillis).as("handed back before the 30 s message timeout").isLessThan(10_000);
        } finally {
            next.stop();
        }
    }
}
