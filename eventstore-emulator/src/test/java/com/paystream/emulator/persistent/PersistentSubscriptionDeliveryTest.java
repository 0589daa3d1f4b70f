package com.paystream.emulator.persistent;

import com.paystream.emulator.EmulatorExtension;
import io.kurrent.dbclient.CreatePersistentSubscriptionToAllOptions;
import io.kurrent.dbclient.CreatePersistentSubscriptionToStreamOptions;
import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.KurrentDBPersistentSubscriptionsClient;
import io.kurrent.dbclient.NackAction;
import io.kurrent.dbclient.PersistentSubscription;
import io.kurrent.dbclient.ReadStreamOptions;
import io.kurrent.dbclient.ReplayParkedMessagesOptions;
import io.kurrent.dbclient.ResolvedEvent;
import io.kurrent.dbclient.SubscriptionFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static com.paystream.emulator.EmulatorExtension.newStream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PersistentSubscriptionDeliveryTest {
    @RegisterExtension
    static final EmulatorExtension emulator = new EmulatorExtension();
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final KurrentDBPersistentSubscriptionsClient persistent = emulator.persistentClient();
    private final KurrentDBClient streams = emulator.client();

    private static String group() {
        return "group-" + UUID.randomUUID();
    }

    private long parkedCount(String stream, String group) throws Exception {
        return persistent.getInfoToStream(stream, group).get().orElseThrow().getStats().getParkedMessageCount();
    }

    private long inFlight(String stream, String group) throws Exception {
        return persistent.getInfoToStream(stream, group).get().orElseThrow().getStats().getTotalInFlightMessages();
    }

    private List<ResolvedEvent> parked(String stream, String group) throws Exception {
        return streams.readStream("$persistentsubscription-" + stream + "::" + group + "-parked",
                ReadStreamOptions.get().fromStart().resolveLinkTos()).get().getEvents();
    }

    @Test
    void aGroupCreatedFromTheEndStillDeliversEventsAppendedBeforeTheFirstConnection() throws Exception {
        String stream = newStream("orders");
        String group = group();
        Events.append(streams, stream, "Old", "Old");
        persistent.createToStream(stream, group).get();
        Events.append(streams, stream, "A", "B", "C");
        Consumer consumer = Consumer.acking();
        PersistentSubscription subscription = persistent.subscribeToStream(stream, group, consumer).get();
        Events.append(streams, stream, "D", "E", "F");

        await().atMost(WAIT).until(() -> consumer.deliveries.size() >= 6);

        assertThat(consumer.types()).containsExactly("A", "B", "C", "D", "E", "F");
        assertThat(consumer.deliveries).allSatisfy(d -> assertThat(d.retryCount()).isZero());
        subscription.stop();
    }

    @Test
    void aGroupFromTheStartDeliversTheWholeStreamInOrder() throws Exception {
        String stream = newStream("orders");
        String group = group();
        Events.append(streams, stream, "A", "B", "C");
        persistent.createToStream(stream, group, CreatePersistentSubscriptionToStreamOptions.get().fromStart()).get();
        Consumer consumer = Consumer.acking();

        PersistentSubscription subscription = persistent.subscribeToStream(stream, group, consumer).get();

        await().atMost(WAIT).until(() -> consumer.deliveries.size() >= 3);
        assertThat(consumer.revisions()).containsExactly(0L, 1L, 2L);
        subscription.stop();
    }

    @Test
    void aGroupFromARevisionStartsAtThatRevision() throws Exception {
        String stream = newStream("orders");
        String group = group();
        Events.append(streams, stream, "A", "B", "C", "D");
        persistent.createToStream(stream, group, CreatePersistentSubscriptionToStreamOptions.get().startFrom(2)).get();
        Consumer consumer = Consumer.acking();

        PersistentSubscription subscription = persistent.subscribeToStream(stream, group, consumer).get();

        await().atMost(WAIT).until(() -> consumer.deliveries.size() >= 2);
        assertThat(consumer.types()).containsExactly("C", "D");
        subscription.stop();
    }

    @Test
    void acknowledgedEventsLeaveNothingInFlight() throws Exception {
        String stream = newStream("orders");
        String group = group();
        persistent.createToStream(stream, group, CreatePersistentSubscriptionToStreamOptions.get().fromStart()).get();
        Events.append(streams, stream, "A", "B");
        Consumer consumer = Consumer.acking();
        PersistentSubscription subscription = persistent.subscribeToStream(stream, group, consumer).get();

        await().atMost(WAIT).until(() -> consumer.deliveries.size() >= 2);

        await().atMost(WAIT).until(() -> inFlight(stream, group) == 0);
        subscription.stop();
    }

    @Test
    void aCategoryStreamGroupResolvingLinksDeliversTheOriginalsAndMatchesAcksByTheLinkId() throws Exception {
        String category = "cat" + UUID.randomUUID().toString().replace("-", "");
        String stream = category + "-1";
        String source = "$ce-" + category;
        String group = group();
        persistent.createToStream(source, group, CreatePersistentSubscriptionToStreamOptions.get().fromStart()
                .resolveLinkTos()).get();
        Events.append(streams, stream, "A", "B");
        Consumer consumer = Consumer.acking();
        PersistentSubscription subscription = persistent.subscribeToStream(source, group, consumer).get();

        await().atMost(WAIT).until(() -> consumer.deliveries.size() >= 2);

        assertThat(consumer.deliveries).allSatisfy(d -> {
            assertThat(d.event().getEvent().getStreamId()).isEqualTo(stream);
            assertThat(d.event().getLink()).isNotNull();
            assertThat(d.event().getLink().getStreamId()).isEqualTo(source);
        });
        await().atMost(WAIT).until(() -> inFlight(source, group) == 0);
        subscription.stop();
    }

    @Test
    void aFilteredAllGroupDeliversOnlyTheMatchingEventTypes() throws Exception {
        String prefix = "Wanted" + UUID.randomUUID().toString().replace("-", "");
        String group = group();
        Events.append(streams, newStream("orders"), "Other", prefix + "One", "Other");
        Events.append(streams, newStream("orders"), prefix + "Two", "Other");
        persistent.createToAll(group, CreatePersistentSubscriptionToAllOptions.get().fromStart()
                .filter(SubscriptionFilter.newBuilder().addEventTypePrefix(prefix).build())).get();
        Consumer consumer = Consumer.acking();
        PersistentSubscription subscription = persistent.subscribeToAll(group, consumer).get();
        Events.append(streams, newStream("orders"), "Other", prefix + "Three");

        await().atMost(WAIT).until(() -> consumer.deliveries.size() >= 3);
        Thread.sleep(200);

        assertThat(consumer.types()).containsExactly(prefix + "One", prefix + "Two", prefix + "Three");
        subscription.stop();
    }

    @Test
    void anAllGroupFromTheEndDeliversEventsWrittenAfterItWasCreated() throws Exception {
        String stream = newStream("orders");
        String group = group();
        Events.append(streams, stream, "Before");
        persistent.createToAll(group).get();
        Events.append(streams, stream, "After");
        Consumer consumer = Consumer.acking();

        PersistentSubscription subscription = persistent.subscribeToAll(group, consumer).get();

        await().atMost(WAIT).until(() -> consumer.deliveries.stream()
                .anyMatch(d -> d.event().getOriginalEvent().getStreamId().equals(stream)));
        assertThat(consumer.deliveries).filteredOn(d -> d.event().getOriginalEvent().getStreamId().equals(stream))
                .extracting(d -> d.event().getEvent().getEventType()).containsExactly("After");
        subscription.stop();
    }

    @Test
    void aParkedEventIsLinkedInTheParkedStreamWithTheReason() throws Exception {
        String stream = newStream("orders");
        String group = group();
        persistent.createToStream(stream, group, CreatePersistentSubscriptionToStreamOptions.get().fromStart()).get();
        Events.append(streams, stream, "Poison");
        Consumer consumer = new Consumer((s, d) -> s.nack(NackAction.Park, "cannot parse it", d.event()));

        PersistentSubscription subscription = persistent.subscribeToStream(stream, group, consumer).get();

        await().atMost(WAIT).until(() -> parkedCount(stream, group) == 1);
        List<ResolvedEvent> parked = parked(stream, group);
        assertThat(parked).hasSize(1);
        assertThat(parked.get(0).getEvent().getStreamId()).isEqualTo(stream);
        assertThat(parked.get(0).getEvent().getEventType()).isEqualTo("Poison");
        assertThat(new String(parked.get(0).getLink().getUserMetadata(), StandardCharsets.UTF_8))
                .contains("cannot parse it");
        assertThat(inFlight(stream, group)).isZero();
        subscription.stop();
    }

    @Test
    void aRetryNackRedeliversTheEventWithRetryCountOne() throws Exception {
        String stream = newStream("orders");
        String group = group();
        persistent.createToStream(stream, group, CreatePersistentSubscriptionToStreamOptions.get().fromStart()).get();
        Events.append(streams, stream, "Flaky");
        Consumer consumer = new Consumer((s, d) -> {
            if (d.retryCount() == 0) {
                s.nack(NackAction.Retry, "try again", d.event());
            } else {
                s.ack(d.event());
            }
        });

        PersistentSubscription subscription = persistent.subscribeToStream(stream, group, consumer).get();

        await().atMost(WAIT).until(() -> consumer.deliveries.size() >= 2);
        assertThat(consumer.deliveries).extracting(Consumer.Delivery::retryCount).containsExactly(0, 1);
        assertThat(consumer.revisions()).containsExactly(0L, 0L);
        subscription.stop();
    }

    @Test
    void retriesPastTheMaxRetryCountParkTheEvent() throws Exception {
        String stream = newStream("orders");
        String group = group();
        persistent.createToStream(stream, group, CreatePersistentSubscriptionToStreamOptions.get().fromStart()
                .maxRetryCount(2)).get();
        Events.append(streams, stream, "AlwaysFails");
        Consumer consumer = new Consumer((s, d) -> s.nack(NackAction.Retry, "still failing", d.event()));

        PersistentSubscription subscription = persistent.subscribeToStream(stream, group, consumer).get();

        await().atMost(WAIT).until(() -> parkedCount(stream, group) == 1);
        assertThat(consumer.deliveries).extracting(Consumer.Delivery::retryCount).containsExactly(0, 1, 2);
        assertThat(new String(parked(stream, group).get(0).getLink().getUserMetadata(), StandardCharsets.UTF_8))
                .contains("still failing");
        subscription.stop();
    }

    @Test
    void aSkipNackCountsAsHandled() throws Exception {
        String stream = newStream("orders");
        String group = group();
        persistent.createToStream(stream, group, CreatePersistentSubscriptionToStreamOptions.get().fromStart()).get();
        Events.append(streams, stream, "Irrelevant");
        Consumer consumer = new Consumer((s, d) -> s.nack(NackAction.Skip, "not for me", d.event()));

        PersistentSubscription subscription = persistent.subscribeToStream(stream, group, consumer).get();

        await().atMost(WAIT).until(() -> consumer.deliveries.size() == 1 && inFlight(stream, group) == 0);
        Thread.sleep(200);
        assertThat(consumer.deliveries).hasSize(1);
        assertThat(parkedCount(stream, group)).isZero();
        subscription.stop();
    }

    @Test
    void anUnacknowledgedEventIsRedeliveredAfterTheMessageTimeout() throws Exception {
        String stream = newStream("orders");
        String group = group();
        persistent.createToStream(stream, group, CreatePersistentSubscriptionToStreamOptions.get().fromStart()
                .messageTimeoutInMs(300)).get();
        Events.append(streams, stream, "Slow");
        Consumer consumer = new Consumer((s, d) -> {
            if (d.retryCount() > 0) {
                s.ack(d.event());
            }
        });

        PersistentSubscription subscription = persistent.subscribeToStream(stream, group, consumer).get();

        await().atMost(WAIT).until(() -> consumer.deliveries.size() >= 2);
        assertThat(consumer.deliveries).extracting(Consumer.Delivery::retryCount).containsExactly(0, 1);
        subscription.stop();
    }

    @Test
    void timeoutsPastTheMaxRetryCountParkTheEvent() throws Exception {
        String stream = newStream("orders");
        String group = group();
        persistent.createToStream(stream, group, CreatePersistentSubscriptionToStreamOptions.get().fromStart()
                .messageTimeoutInMs(200).maxRetryCount(1)).get();
        Events.append(streams, stream, "Ignored");

        PersistentSubscription subscription = persistent.subscribeToStream(stream, group, Consumer.holding()).get();

        await().atMost(WAIT).until(() -> parkedCount(stream, group) == 1);
        assertThat(new String(parked(stream, group).get(0).getLink().getUserMetadata(), StandardCharsets.UTF_8))
                .contains("timeout");
        subscription.stop();
    }

    @Test
    void replayedParkedEventsArriveAsResolvedLinksAndTheirAcksAreMatched() throws Exception {
        String stream = newStream("orders");
        String group = group();
        persistent.createToStream(stream, group, CreatePersistentSubscriptionToStreamOptions.get().fromStart()).get();
        Events.append(streams, stream, "A", "B");
        AtomicInteger seen = new AtomicInteger();
        Consumer consumer = new Consumer((s, d) -> {
            if (seen.incrementAndGet() <= 2) {
                s.nack(NackAction.Park, "later", d.event());
            } else {
                s.ack(d.event());
            }
        });
        PersistentSubscription subscription = persistent.subscribeToStream(stream, group, consumer).get();
        await().atMost(WAIT).until(() -> parkedCount(stream, group) == 2);

        persistent.replayParkedMessagesToStream(stream, group).get();

        await().atMost(WAIT).until(() -> consumer.deliveries.size() >= 4);
        List<Consumer.Delivery> replayed = consumer.deliveries.subList(2, 4);
        assertThat(replayed).extracting(d -> d.event().getEvent().getEventType()).containsExactly("A", "B");
        assertThat(replayed).allSatisfy(d -> {
            assertThat(d.event().getEvent().getStreamId()).isEqualTo(stream);
            assertThat(d.event().getLink().getStreamId())
                    .isEqualTo("$persistentsubscription-" + stream + "::" + group + "-parked");
        });
        await().atMost(WAIT).until(() -> inFlight(stream, group) == 0 && parkedCount(stream, group) == 0);
        subscription.stop();
    }

    @Test
    void aSecondReplayDoesNotRedeliverWhatWasAlreadyReplayed() throws Exception {
        String stream = newStream("orders");
        String group = group();
        persistent.createToStream(stream, group, CreatePersistentSubscriptionToStreamOptions.get().fromStart()).get();
        Events.append(streams, stream, "A");
        Consumer consumer = new Consumer((s, d) -> {
            if (d.event().getLink() == null) {
                s.nack(NackAction.Park, "later", d.event());
            } else {
                s.ack(d.event());
            }
        });
        PersistentSubscription subscription = persistent.subscribeToStream(stream, group, consumer).get();
        await().atMost(WAIT).until(() -> parkedCount(stream, group) == 1);
        persistent.replayParkedMessagesToStream(stream, group).get();
        await().atMost(WAIT).until(() -> consumer.deliveries.size() >= 2 && inFlight(stream, group) == 0);

        persistent.replayParkedMessagesToStream(stream, group).get();

        Thread.sleep(300);
        assertThat(consumer.deliveries).hasSize(2);
        subscription.stop();
    }

    @Test
    void aReplayWithStopAtRedeliversOnlyTheParkedEventsBeforeIt() throws Exception {
        String stream = newStream("orders");
        String group = group();
        persistent.createToStream(stream, group, CreatePersistentSubscriptionToStreamOptions.get().fromStart()).get();
        Events.append(streams, stream, "A", "B", "C");
        Consumer consumer = new Consumer((s, d) -> {
            if (d.event().getLink() == null) {
                s.nack(NackAction.Park, "later", d.event());
            } else {
                s.ack(d.event());
            }
        });
        PersistentSubscription subscription = persistent.subscribeToStream(stream, group, consumer).get();
        await().atMost(WAIT).until(() -> parkedCount(stream, group) == 3);

        persistent.replayParkedMessagesToStream(stream, group, ReplayParkedMessagesOptions.get().stopAt(1)).get();

        await().atMost(WAIT).until(() -> consumer.deliveries.size() >= 4);
        Thread.sleep(300);
        assertThat(consumer.deliveries).hasSize(4);
        assertThat(consumer.deliveries.get(3).event().getEvent().getEventType()).isEqualTo("A");
        await().atMost(WAIT).until(() -> parkedCount(stream, group) == 2);
        subscription.stop();
    }

    @Test
    void anAllGroupParksToItsOwnParkedStreamAndReplaysFromIt() throws Exception {
        String stream = newStream("orders");
        String group = group();
        persistent.createToAll(group).get();
        AtomicInteger parkedOnce = new AtomicInteger();
        Consumer consumer = new Consumer((s, d) -> {
            boolean mine = d.event().getOriginalEvent().getStreamId().equals(stream);
            if (mine && parkedOnce.getAndIncrement() == 0) {
                s.nack(NackAction.Park, "later", d.event());
            } else {
                s.ack(d.event());
            }
        });
        PersistentSubscription subscription = persistent.subscribeToAll(group, consumer).get();
        Events.append(streams, stream, "A");
        await().atMost(WAIT).until(() -> persistent.getInfoToAll(group).get().orElseThrow().getStats()
                .getParkedMessageCount() == 1);

        persistent.replayParkedMessagesToAll(group).get();

        await().atMost(WAIT).until(() -> consumer.deliveries.stream().anyMatch(d -> d.event().getLink() != null
                && d.event().getLink().getStreamId().equals("$persistentsubscription-$all::" + group + "-parked")
                && d.event().getEvent().getStreamId().equals(stream)));
        subscription.stop();
    }

    /** A consumer that parks what comes from the source and hands replayed (linked) deliveries to {@code replayed}. */
    private static Consumer parkingThen(java.util.function.BiConsumer<PersistentSubscription, Consumer.Delivery>
                                                replayed) {
        return new Consumer((s, d) -> {
            if (d.event().getLink() == null) {
                s.nack(NackAction.Park, "later", d.event());
            } else {
                replayed.accept(s, d);
            }
        });
    }

    private static List<Consumer.Delivery> replayed(Consumer consumer) {
        return consumer.deliveries.stream().filter(d -> d.event().getLink() != null).toList();
    }

    @Test
    void aReplayedMessageLeavesTheParkedStreamOnlyOnceAcked() throws Exception {
        String stream = newStream("orders");
        String group = group();
        persistent.createToStream(stream, group, CreatePersistentSubscriptionToStreamOptions.get().fromStart()).get();
        Events.append(streams, stream, "A");
        Consumer consumer = parkingThen((s, d) -> { });
        PersistentSubscription subscription = persistent.subscribeToStream(stream, group, consumer).get();
        await().atMost(WAIT).until(() -> parkedCount(stream, group) == 1);

        persistent.replayParkedMessagesToStream(stream, group).get();
        await().atMost(WAIT).until(() -> replayed(consumer).size() == 1);
        Thread.sleep(300);
        assertThat(parkedCount(stream, group)).isEqualTo(1);
        assertThat(parked(stream, group)).extracting(e -> e.getEvent().getEventType()).containsExactly("A");

        subscription.ack(replayed(consumer).get(0).event());
        await().atMost(WAIT).until(() -> parkedCount(stream, group) == 0 && parked(stream, group).isEmpty());
        subscription.stop();
    }

    @Test
    void aReplayedMessageThatIsParkedAgainIsParkedOnce() throws Exception {
        String stream = newStream("orders");
        String group = group();
        persistent.createToStream(stream, group, CreatePersistentSubscriptionToStreamOptions.get().fromStart()).get();
        Events.append(streams, stream, "A");
        Consumer consumer = parkingThen((s, d) -> s.nack(NackAction.Park, "still failing", d.event()));
        PersistentSubscription subscription = persistent.subscribeToStream(stream, group, consumer).get();
        await().atMost(WAIT).until(() -> parkedCount(stream, group) == 1);

        persistent.replayParkedMessagesToStream(stream, group).get();

        await().atMost(WAIT).until(() -> replayed(consumer).size() == 1 && parked(stream, group).size() == 1
                && parked(stream, group).get(0).getLink().getRevision() == 1);
        ResolvedEvent parkedAgain = parked(stream, group).get(0);
        assertThat(parkedAgain.getEvent().getEventType()).isEqualTo("A");
        assertThat(parkedAgain.getEvent().getStreamId()).isEqualTo(stream);
        assertThat(new String(parkedAgain.getLink().getUserMetadata(), StandardCharsets.UTF_8))
                .contains("still failing");
        assertThat(parkedCount(stream, group)).isEqualTo(1);
        subscription.stop();
    }

    @Test
    void aReplayedMessageAckedBeforeAnEarlierOneStaysInTheParkedStreamUntilTheEarlierOneIsFinished()
            throws Exception {
        String stream = newStream("orders");
        String group = group();
        persistent.createToStream(stream, group, CreatePersistentSubscriptionToStreamOptions.get().fromStart()).get();
        Events.append(streams, stream, "A", "B");
        Consumer consumer = parkingThen((s, d) -> { });
        PersistentSubscription subscription = persistent.subscribeToStream(stream, group, consumer).get();
        await().atMost(WAIT).until(() -> parkedCount(stream, group) == 2);
        persistent.replayParkedMessagesToStream(stream, group).get();
        await().atMost(WAIT).until(() -> replayed(consumer).size() == 2);

        subscription.ack(replayed(consumer).get(1).event());

        await().atMost(WAIT).until(() -> parkedCount(stream, group) == 1);
        Thread.sleep(300);
        assertThat(parked(stream, group)).extracting(e -> e.getEvent().getEventType()).containsExactly("A", "B");
        subscription.ack(replayed(consumer).get(0).event());
        await().atMost(WAIT).until(() -> parkedCount(stream, group) == 0 && parked(stream, group).isEmpty());
        subscription.stop();
    }

    @Test
    void aReplayOfMoreParkedMessagesThanTheReadBatchSizeRedeliversThemAllInOrder() throws Exception {
        String stream = newStream("orders");
        String group = group();
        persistent.createToStream(stream, group, CreatePersistentSubscriptionToStreamOptions.get().fromStart()
                .readBatchSize(2)).get();
        Events.append(streams, stream, "A", "B", "C", "D", "E");
        Consumer consumer = parkingThen((s, d) -> s.ack(d.event()));
        PersistentSubscription subscription = persistent.subscribeToStream(stream, group, consumer).get();
        await().atMost(WAIT).until(() -> parkedCount(stream, group) == 5);

        persistent.replayParkedMessagesToStream(stream, group).get();

        await().atMost(WAIT).until(() -> replayed(consumer).size() == 5 && parkedCount(stream, group) == 0);
        assertThat(replayed(consumer)).extracting(d -> d.event().getEvent().getEventType())
                .containsExactly("A", "B", "C", "D", "E");
        assertThat(replayed(consumer)).extracting(d -> d.event().getLink().getRevision())
                .containsExactly(0L, 1L, 2L, 3L, 4L);
        subscription.stop();
    }

    @Test
    void replayedMessagesNotFinishedWhenTheSubsystemRestartsAreParkedAgain() throws Exception {
        String stream = newStream("orders");
        String group = group();
        persistent.createToStream(stream, group, CreatePersistentSubscriptionToStreamOptions.get().fromStart()).get();
        Events.append(streams, stream, "A");
        Consumer holding = parkingThen((s, d) -> { });
        PersistentSubscription first = persistent.subscribeToStream(stream, group, holding).get();
        await().atMost(WAIT).until(() -> parkedCount(stream, group) == 1);
        persistent.replayParkedMessagesToStream(stream, group).get();
        await().atMost(WAIT).until(() -> replayed(holding).size() == 1);

        persistent.restartSubsystem().get();

        await().atMost(WAIT).until(() -> holding.cancelled);
        assertThat(parkedCount(stream, group)).isEqualTo(1);
        Consumer acking = Consumer.acking();
        PersistentSubscription second = persistent.subscribeToStream(stream, group, acking).get();
        persistent.replayParkedMessagesToStream(stream, group).get();
        await().atMost(WAIT).until(() -> replayed(acking).size() == 1 && parkedCount(stream, group) == 0);
        assertThat(replayed(acking).get(0).event().getEvent().getEventType()).isEqualTo("A");
        first.stop();
        second.stop();
    }
}
