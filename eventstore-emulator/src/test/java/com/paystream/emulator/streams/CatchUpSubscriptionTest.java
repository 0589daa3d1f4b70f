package com.paystream.emulator.streams;

import com.paystream.emulator.EmulatorExtension;
import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.Position;
import io.kurrent.dbclient.ReadAllOptions;
import io.kurrent.dbclient.ResolvedEvent;
import io.kurrent.dbclient.SubscribeToAllOptions;
import io.kurrent.dbclient.SubscribeToStreamOptions;
import io.kurrent.dbclient.Subscription;
import io.kurrent.dbclient.SubscriptionFilter;
import io.kurrent.dbclient.SubscriptionListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static com.paystream.emulator.EmulatorExtension.newStream;
import static com.paystream.emulator.TestEvents.await;
import static com.paystream.emulator.TestEvents.json;
import static com.paystream.emulator.TestEvents.numbered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CatchUpSubscriptionTest {
    @RegisterExtension
    static final EmulatorExtension emulator = new EmulatorExtension();

    private final KurrentDBClient client = emulator.client();
    private final List<Subscription> subscriptions = new ArrayList<>();

    /** Records what a subscription receives. */
    static final class Recorder extends SubscriptionListener {
        final List<ResolvedEvent> events = new CopyOnWriteArrayList<>();
        final CountDownLatch caughtUp = new CountDownLatch(1);
        final AtomicReference<Instant> caughtUpAt = new AtomicReference<>();
        final AtomicReference<Long> caughtUpRevision = new AtomicReference<>();
        final AtomicReference<Position> caughtUpPosition = new AtomicReference<>();
        final AtomicReference<Throwable> dropped = new AtomicReference<>();
        final List<Position> checkpoints = new CopyOnWriteArrayList<>();

        @Override
        public void onEvent(Subscription subscription, ResolvedEvent event) {
            events.add(event);
        }

        @Override
        public void onCaughtUp(Subscription subscription, Instant timestamp, Long streamRevision,
                               Position position) {
            caughtUpAt.set(timestamp);
            caughtUpRevision.set(streamRevision);
            caughtUpPosition.set(position);
            caughtUp.countDown();
        }

        @Override
        public void onCancelled(Subscription subscription, Throwable exception) {
            dropped.set(exception == null ? new IllegalStateException("stopped") : exception);
        }

        List<String> seen() {
            return events.stream()
                    .map(e -> e.getOriginalEvent().getStreamId() + "@" + e.getOriginalEvent().getRevision()).toList();
        }

        List<String> types() {
            return events.stream().map(e -> e.getOriginalEvent().getEventType()).toList();
        }
    }

    private Recorder subscribe(String stream, SubscribeToStreamOptions options) throws Throwable {
        Recorder recorder = new Recorder();
        subscriptions.add(await(client.subscribeToStream(stream, recorder, options)));
        return recorder;
    }

    private Recorder subscribeToAll(SubscribeToAllOptions options) throws Throwable {
        Recorder recorder = new Recorder();
        subscriptions.add(await(client.subscribeToAll(recorder, options)));
        return recorder;
    }

    @AfterEach
    void stopSubscriptions() {
        subscriptions.forEach(Subscription::stop);
    }

    private static void eventually(Runnable assertion) {
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20)).untilAsserted(assertion::run);
    }

    @Test
    void aStreamSubscriptionDeliversTheHistoryAndThenLiveEvents() throws Throwable {
        String stream = newStream("order");
        await(client.appendToStream(stream, numbered("Placed", 3).iterator()));

        Recorder recorder = subscribe(stream, SubscribeToStreamOptions.get().fromStart());
        eventually(() -> assertThat(recorder.events).hasSize(3));
        await(client.appendToStream(stream, numbered("Placed", 2).iterator()));

        eventually(() -> assertThat(recorder.seen()).containsExactly(
                stream + "@0", stream + "@1", stream + "@2", stream + "@3", stream + "@4"));
    }

    @Test
    void aStreamSubscriptionSignalsCaughtUpAfterTheHistory() throws Throwable {
        String stream = newStream("order");
        await(client.appendToStream(stream, numbered("Placed", 20).iterator()));

        Recorder recorder = subscribe(stream, SubscribeToStreamOptions.get().fromStart());

        assertThat(recorder.caughtUp.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(recorder.events).hasSize(20);
    }

    @Test
    void aStreamSubscriptionsCaughtUpCarriesTheLastRevisionAndTheServerTime() throws Throwable {
        String stream = newStream("order");
        await(client.appendToStream(stream, numbered("Placed", 4).iterator()));
        Instant before = Instant.now().minusSeconds(1);

        Recorder recorder = subscribe(stream, SubscribeToStreamOptions.get().fromStart());

        assertThat(recorder.caughtUp.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(recorder.caughtUpRevision.get()).isEqualTo(3L);
        assertThat(recorder.caughtUpPosition.get()).isNull();
        assertThat(recorder.caughtUpAt.get()).isAfter(before);
    }

    @Test
    void aSubscriptionToAStreamThatDoesNotExistCatchesUpWithoutARevision() throws Throwable {
        Recorder recorder = subscribe(newStream("order"), SubscribeToStreamOptions.get().fromStart());

        assertThat(recorder.caughtUp.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(recorder.caughtUpRevision.get()).isNull();
    }

    @Test
    void anAllSubscriptionsCaughtUpCarriesThePositionOfTheLastEvent() throws Throwable {
        String stream = newStream("payment");
        await(client.appendToStream(stream, json("A")));
        Position last = await(client.readAll(ReadAllOptions.get().backwards().fromEnd().maxCount(1))).getEvents()
                .get(0).getOriginalEvent().getPosition();

        Recorder recorder = subscribeToAll(SubscribeToAllOptions.get().fromStart());

        assertThat(recorder.caughtUp.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(recorder.caughtUpRevision.get()).isNull();
        assertThat(recorder.caughtUpPosition.get().getCommitUnsigned())
                .isGreaterThanOrEqualTo(last.getCommitUnsigned());
    }

    @Test
    void aStreamSubscriptionFromARevisionStartsAfterThatRevision() throws Throwable {
        String stream = newStream("order");
        await(client.appendToStream(stream, numbered("Placed", 4).iterator()));

        Recorder recorder = subscribe(stream, SubscribeToStreamOptions.get().fromRevision(1));

        eventually(() -> assertThat(recorder.seen()).containsExactly(stream + "@2", stream + "@3"));
    }

    @Test
    void aStreamSubscriptionFromTheEndDeliversOnlyNewEvents() throws Throwable {
        String stream = newStream("order");
        await(client.appendToStream(stream, numbered("Placed", 3).iterator()));
        Recorder recorder = subscribe(stream, SubscribeToStreamOptions.get().fromEnd());

        await(client.appendToStream(stream, json("Shipped")));

        eventually(() -> assertThat(recorder.seen()).containsExactly(stream + "@3"));
    }

    @Test
    void aSubscriptionToAStreamThatDoesNotExistYetReceivesItsFirstEvent() throws Throwable {
        String stream = newStream("order");
        Recorder recorder = subscribe(stream, SubscribeToStreamOptions.get().fromStart());

        await(client.appendToStream(stream, json("Placed")));

        eventually(() -> assertThat(recorder.seen()).containsExactly(stream + "@0"));
        assertThat(recorder.dropped.get()).isNull();
    }

    @Test
    void aStreamSubscriptionResolvesLinksWhenAsked() throws Throwable {
        String category = "cat" + UUID.randomUUID().toString().replace("-", "");
        await(client.appendToStream(category + "-1", json("Placed")));

        Recorder recorder = subscribe("$ce-" + category, SubscribeToStreamOptions.get().fromStart().resolveLinkTos());

        eventually(() -> assertThat(recorder.events).hasSize(1));
        assertThat(recorder.events.get(0).getEvent().getStreamId()).isEqualTo(category + "-1");
        assertThat(recorder.events.get(0).getLink().getStreamId()).isEqualTo("$ce-" + category);
    }

    @Test
    void anAllSubscriptionFilteredByEventTypePrefixDeliversHistoryThenLive() throws Throwable {
        String type = "Settled" + UUID.randomUUID().toString().replace("-", "");
        String stream = newStream("payment");
        await(client.appendToStream(stream, json(type), json("Other"), json(type)));

        Recorder recorder = subscribeToAll(SubscribeToAllOptions.get().fromStart()
                .filter(SubscriptionFilter.newBuilder().addEventTypePrefix(type).build()));
        eventually(() -> assertThat(recorder.events).hasSize(2));
        await(client.appendToStream(newStream("payment"), json(type)));

        eventually(() -> assertThat(recorder.types()).containsExactly(type, type, type));
    }

    @Test
    void anAllSubscriptionFilteredByStreamPrefixDeliversOnlyStreamsMatchingIt() throws Throwable {
        String prefix = "flt" + UUID.randomUUID().toString().replace("-", "");
        await(client.appendToStream(prefix + "-a", json("A")));
        await(client.appendToStream(newStream("other"), json("A")));
        await(client.appendToStream(prefix + "-b", json("B")));

        Recorder recorder = subscribeToAll(SubscribeToAllOptions.get().fromStart()
                .filter(SubscriptionFilter.newBuilder().addStreamNamePrefix(prefix).build()));

        // 5.4.5 sends a prefix as a regex, which the server matches anywhere in the name: $ce-{prefix} matches too
        eventually(() -> assertThat(recorder.seen()).containsExactly(
                prefix + "-a@0", "$ce-" + prefix + "@0", prefix + "-b@0", "$ce-" + prefix + "@1"));
    }

    @Test
    void anAllSubscriptionFilteredByStreamRegexDeliversOnlyMatchingStreams() throws Throwable {
        String tag = UUID.randomUUID().toString().replace("-", "");
        await(client.appendToStream("rx" + tag + "-1", json("A")));
        await(client.appendToStream("rx" + tag + "-x", json("A")));
        await(client.appendToStream("rx" + tag + "-2", json("A")));

        Recorder recorder = subscribeToAll(SubscribeToAllOptions.get().fromStart()
                .filter(SubscriptionFilter.newBuilder().withStreamNameRegularExpression("^rx" + tag + "-[0-9]+$")
                        .build()));

        eventually(() -> assertThat(recorder.seen()).containsExactly("rx" + tag + "-1@0", "rx" + tag + "-2@0"));
    }

    @Test
    void anAllSubscriptionFilteredByEventTypeRegexDeliversOnlyMatchingTypes() throws Throwable {
        String tag = UUID.randomUUID().toString().replace("-", "");
        String stream = newStream("payment");
        await(client.appendToStream(stream, json("Card" + tag + "Captured"), json("Card" + tag + "Declined"),
                json("Bank" + tag + "Captured")));

        Recorder recorder = subscribeToAll(SubscribeToAllOptions.get().fromStart()
                .filter(SubscriptionFilter.newBuilder().withEventTypeRegularExpression("^Card" + tag).build()));

        eventually(() -> assertThat(recorder.types())
                .containsExactly("Card" + tag + "Captured", "Card" + tag + "Declined"));
    }

    @Test
    void anAllSubscriptionFromAPositionStartsAfterThatPosition() throws Throwable {
        String stream = newStream("payment");
        Position first = await(client.appendToStream(stream, json("A"))).getLogPosition();
        await(client.appendToStream(stream, json("B")));

        Recorder recorder = subscribeToAll(SubscribeToAllOptions.get().fromPosition(first)
                .filter(SubscriptionFilter.newBuilder().withStreamNameRegularExpression("^" + stream + "$").build()));

        eventually(() -> assertThat(recorder.seen()).containsExactly(stream + "@1"));
    }

    @Test
    void anAllSubscriptionFromTheEndDeliversOnlyNewEvents() throws Throwable {
        String stream = newStream("payment");
        await(client.appendToStream(stream, json("A")));
        Recorder recorder = subscribeToAll(SubscribeToAllOptions.get().fromEnd());

        await(client.appendToStream(stream, json("B")));

        eventually(() -> assertThat(recorder.seen()).contains(stream + "@1").doesNotContain(stream + "@0"));
    }

    @Test
    void aFilteredAllSubscriptionReportsCheckpointsWhileSkippingNonMatchingEvents() throws Throwable {
        await(client.appendToStream(newStream("noise"), numbered("Noise", 100).iterator()));
        List<Position> checkpoints = new CopyOnWriteArrayList<>();
        Recorder recorder = subscribeToAll(SubscribeToAllOptions.get().fromStart()
                .filter(SubscriptionFilter.newBuilder().addEventTypePrefix("NeverWritten" + UUID.randomUUID())
                        .withMaxWindow(10)
                        .withCheckpointer((subscription, position) -> {
                            checkpoints.add(position);
                            return CompletableFuture.completedFuture(null);
                        }, 1)
                        .build()));

        eventually(() -> assertThat(checkpoints).hasSizeGreaterThanOrEqualTo(5));
        assertThat(checkpoints).isSorted();
        assertThat(recorder.events).isEmpty();
    }
}
