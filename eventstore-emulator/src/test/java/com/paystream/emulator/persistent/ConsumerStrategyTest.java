package com.paystream.emulator.persistent;

import com.paystream.emulator.EmulatorExtension;
import io.kurrent.dbclient.CreatePersistentSubscriptionToStreamOptions;
import io.kurrent.dbclient.EventData;
import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.KurrentDBPersistentSubscriptionsClient;
import io.kurrent.dbclient.NamedConsumerStrategy;
import io.kurrent.dbclient.PersistentSubscription;
import io.kurrent.dbclient.SubscribePersistentSubscriptionOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import static com.paystream.emulator.EmulatorExtension.newStream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ConsumerStrategyTest {
    @RegisterExtension
    static final EmulatorExtension emulator = new EmulatorExtension();
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final KurrentDBPersistentSubscriptionsClient persistent = emulator.persistentClient();
    private final KurrentDBClient streams = emulator.client();

    private static String group() {
        return "group-" + UUID.randomUUID();
    }

    private static List<Long> revisionsOf(Consumer consumer) {
        return consumer.revisions();
    }

    @Test
    void roundRobinConsumersShareTheEventsWithoutLosingOrDuplicatingAny() throws Exception {
        String stream = newStream("orders");
        String group = group();
        persistent.createToStream(stream, group, CreatePersistentSubscriptionToStreamOptions.get().fromStart()
                .namedConsumerStrategy(NamedConsumerStrategy.ROUND_ROBIN)).get();
        Consumer first = Consumer.acking();
        Consumer second = Consumer.acking();
        PersistentSubscription a = persistent.subscribeToStream(stream, group, first).get();
        PersistentSubscription b = persistent.subscribeToStream(stream, group, second).get();

        Events.appendMany(streams, stream, "OrderPlaced", 40);

        await().atMost(WAIT).until(() -> first.deliveries.size() + second.deliveries.size() >= 40);
        Thread.sleep(200);
        List<Long> all = new ArrayList<>(revisionsOf(first));
        all.addAll(revisionsOf(second));
        assertThat(all).hasSize(40).doesNotHaveDuplicates();
        assertThat(first.deliveries).isNotEmpty();
        assertThat(second.deliveries).isNotEmpty();
        a.stop();
        b.stop();
    }

    @Test
    void pinnedSendsEveryEventOfOneStreamToTheSameConsumer() throws Exception {
        String category = "pin" + UUID.randomUUID().toString().replace("-", "");
        String source = "$ce-" + category;
        String group = group();
        persistent.createToStream(source, group, CreatePersistentSubscriptionToStreamOptions.get().fromStart()
                .resolveLinkTos().namedConsumerStrategy(NamedConsumerStrategy.PINNED)).get();
        Consumer first = Consumer.acking();
        Consumer second = Consumer.acking();
        PersistentSubscription a = persistent.subscribeToStream(source, group, first).get();
        PersistentSubscription b = persistent.subscribeToStream(source, group, second).get();

        for (int i = 0; i < 5; i++) {
            for (int s = 0; s < 6; s++) {
                Events.append(streams, category + "-" + s, "Step");
            }
        }

        await().atMost(WAIT).until(() -> first.deliveries.size() + second.deliveries.size() >= 30);
        assertThat(streamsOf(first)).doesNotContainAnyElementsOf(streamsOf(second));
        assertThat(streamsOf(first).size() + streamsOf(second).size()).isEqualTo(6);
        a.stop();
        b.stop();
    }

    @Test
    void pinnedByCorrelationSendsEveryEventOfOneCorrelationToTheSameConsumer() throws Exception {
        String category = "cor" + UUID.randomUUID().toString().replace("-", "");
        String source = "$ce-" + category;
        String group = group();
        persistent.createToStream(source, group, CreatePersistentSubscriptionToStreamOptions.get().fromStart()
                .resolveLinkTos().namedConsumerStrategy(NamedConsumerStrategy.PINNED_BY_CORRELATION)).get();
        Consumer first = Consumer.acking();
        Consumer second = Consumer.acking();
        PersistentSubscription a = persistent.subscribeToStream(source, group, first).get();
        PersistentSubscription b = persistent.subscribeToStream(source, group, second).get();

        for (int i = 0; i < 5; i++) {
            for (int c = 0; c < 6; c++) {
                // each correlation's events are spread over several streams
                streams.appendToStream(category + "-" + ((i + c) % 4), EventData.builderAsJson("Step",
                        "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8)).metadataAsBytes(
                        ("{\"$correlationId\":\"payment-" + c + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .build()).get();
            }
        }

        await().atMost(WAIT).until(() -> first.deliveries.size() + second.deliveries.size() >= 30);
        assertThat(correlationsOf(first)).doesNotContainAnyElementsOf(correlationsOf(second));
        assertThat(correlationsOf(first).size() + correlationsOf(second).size()).isEqualTo(6);
        a.stop();
        b.stop();
    }

    private static java.util.Set<String> correlationsOf(Consumer consumer) {
        return consumer.deliveries.stream().map(d -> new String(d.event().getEvent().getUserMetadata(),
                java.nio.charset.StandardCharsets.UTF_8)).collect(Collectors.toSet());
    }

    private static java.util.Set<String> streamsOf(Consumer consumer) {
        return consumer.deliveries.stream().map(d -> d.event().getEvent().getStreamId()).collect(Collectors.toSet());
    }

    @Test
    void dispatchToSingleSendsToTheFirstConsumerWhileItHasRoom() throws Exception {
        String stream = newStream("orders");
        String group = group();
        persistent.createToStream(stream, group, CreatePersistentSubscriptionToStreamOptions.get().fromStart()
                .namedConsumerStrategy(NamedConsumerStrategy.DISPATCH_TO_SINGLE)).get();
        Consumer first = Consumer.acking();
        Consumer second = Consumer.acking();
        PersistentSubscription a = persistent.subscribeToStream(stream, group, first).get();
        PersistentSubscription b = persistent.subscribeToStream(stream, group, second).get();

        Events.appendMany(streams, stream, "OrderPlaced", 5);

        await().atMost(WAIT).until(() -> first.deliveries.size() >= 5);
        assertThat(second.deliveries).isEmpty();
        a.stop();
        b.stop();
    }

    @Test
    void theBufferSizeBoundsTheUnacknowledgedEventsInFlightToOneConsumer() throws Exception {
        String stream = newStream("orders");
        String group = group();
        persistent.createToStream(stream, group, CreatePersistentSubscriptionToStreamOptions.get().fromStart()).get();
        Events.appendMany(streams, stream, "OrderPlaced", 10);
        Consumer consumer = Consumer.holding();

        PersistentSubscription subscription = persistent.subscribeToStream(stream, group,
                SubscribePersistentSubscriptionOptions.get().bufferSize(3), consumer).get();

        await().atMost(WAIT).until(() -> consumer.deliveries.size() >= 3);
        Thread.sleep(300);
        assertThat(consumer.deliveries).hasSize(3);
        subscription.ack(consumer.deliveries.get(0).event());
        await().atMost(WAIT).until(() -> consumer.deliveries.size() >= 4);
        Thread.sleep(200);
        assertThat(consumer.deliveries).hasSize(4);
        subscription.stop();
    }

    @Test
    void eventsHeldByADisconnectedConsumerGoToTheRemainingOne() throws Exception {
        String stream = newStream("orders");
        String group = group();
        persistent.createToStream(stream, group, CreatePersistentSubscriptionToStreamOptions.get().fromStart()).get();
        Events.appendMany(streams, stream, "OrderPlaced", 3);
        Consumer holder = Consumer.holding();
        PersistentSubscription held = persistent.subscribeToStream(stream, group, holder).get();
        await().atMost(WAIT).until(() -> holder.deliveries.size() >= 3);
        Consumer survivor = Consumer.acking();
        PersistentSubscription other = persistent.subscribeToStream(stream, group, survivor).get();

        held.stop();

        await().atMost(WAIT).until(() -> survivor.deliveries.size() >= 3);
        assertThat(survivor.revisions()).containsExactly(0L, 1L, 2L);
        assertThat(survivor.deliveries).allSatisfy(d -> assertThat(d.retryCount()).isEqualTo(1));
        other.stop();
    }
}
