package com.paystream.infrastructure.readmodel;

import com.paystream.events.EventJson;
import com.paystream.events.InboundPaymentReceived;
import com.paystream.events.PaymentStreams;
import com.paystream.infrastructure.client.EventStoreClients;
import com.paystream.infrastructure.fixtures.PaymentIdsForTest;
import com.paystream.infrastructure.fixtures.Payments;
import com.paystream.infrastructure.fixtures.StrictListForTest;
import com.paystream.infrastructure.fixtures.TimelineForTest;
import com.paystream.infrastructure.store.Causation;
import com.paystream.infrastructure.store.EventStore;
import com.paystream.infrastructure.store.Expected;
import com.paystream.infrastructure.testing.EventStoreTestResource;
import io.kurrent.dbclient.AppendToStreamOptions;
import io.kurrent.dbclient.EventDataBuilder;
import io.kurrent.dbclient.ReadStreamOptions;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
class ReadModelRunnerTest {
    @Inject
    ReadModelRunner runner;
    @Inject
    TimelineForTest timeline;
    @Inject
    EventStore store;
    @Inject
    EventStoreClients clients;
    @Inject
    StrictListForTest strictList;
    @Inject
    PaymentIdsForTest.First first;
    @Inject
    PaymentIdsForTest.Second second;

    private final String paymentId = Payments.newPaymentId();
    private final InboundPaymentReceived received = Payments.received(paymentId, "readmodel-test");

    private void appendReceived() {
        store.append(PaymentStreams.payment(paymentId), Expected.noStream(),
                Causation.command("r:" + paymentId, "corr"), List.of(received));
    }

    private void appendValidated() {
        store.append(PaymentStreams.payment(paymentId), Expected.at(0),
                Causation.command("v:" + paymentId, "corr"), List.of(Payments.validated(received)));
    }

    private List<String> timelineOfThisPayment() {
        return timeline.typesOf(paymentId);
    }

    @Test
    void theReadModelFollowsLiveEvents() {
        await().atMost(Duration.ofSeconds(10)).until(() -> runner.status(TimelineForTest.NAME).caughtUp());

        appendReceived();
        appendValidated();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(timelineOfThisPayment())
                .containsExactly("InboundPaymentReceived", "InboundPaymentValidated"));
    }

    @Test
    void readModelsFollowingTheSameStreamEachGetEveryEventFromTheSubscriptionTheyShare() {
        appendReceived();
        appendValidated();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(first.paymentIds()).filteredOn(paymentId::equals).hasSize(2);
            assertThat(second.paymentIds()).filteredOn(paymentId::equals).hasSize(2);
        });
        assertThat(runner.status(PaymentIdsForTest.First.NAME).checkpoint())
                .isEqualTo(runner.status(PaymentIdsForTest.Second.NAME).checkpoint());
    }

    @Test
    void anEventTheModelCannotReadIsNotedAndTheModelGoesOnWithTheNext() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> runner.status(TimelineForTest.NAME).caughtUp());
        String unreadable = PaymentStreams.payment(Payments.newPaymentId());
        clients.client().appendToStream(unreadable, AppendToStreamOptions.get(), EventDataBuilder.json(
                UUID.randomUUID(), "InboundPaymentReceived", "{\"paymentId\":[]}".getBytes(StandardCharsets.UTF_8))
                .build()).get(10, TimeUnit.SECONDS);

        appendReceived();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(timelineOfThisPayment())
                .containsExactly("InboundPaymentReceived"));
        ReadModelStatus status = runner.status(TimelineForTest.NAME);
        assertThat(status.healthy()).isTrue();
        assertThat(status.lastSkipped()).anySatisfy(skipped -> {
            assertThat(skipped.stream()).isEqualTo(unreadable);
            assertThat(skipped.reason()).isNotBlank();
        });
    }

    @Test
    void aModelThatMustNotAnswerFromPartOfItsHistoryStopsAtAnEventItCannotRead() throws Exception {
        String stream = "strictlisttest-" + UUID.randomUUID().toString().replace("-", "");
        strictList.follow(stream);
        runner.restart(StrictListForTest.NAME);
        append(stream, "InboundPaymentReceived", json(received));
        append(stream, "InboundPaymentReceived", "{\"paymentId\":[]}");
        append(stream, "InboundPaymentReceived", json(Payments.received(Payments.newPaymentId(), "after")));

        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> runner.status(StrictListForTest.NAME).failure() != null);
            ReadModelStatus status = runner.status(StrictListForTest.NAME);
            assertThat(status.healthy()).isFalse();
            assertThat(status.failure()).contains("1@" + stream);
            assertThat(strictList.paymentIds()).containsExactly(paymentId);
        } finally {
            strictList.follow("strictlisttest-" + UUID.randomUUID().toString().replace("-", ""));
            runner.restart(StrictListForTest.NAME);
        }
    }

    @Test
    void aModelThatMustNotAnswerFromPartOfItsHistoryStopsAtAnEventOfATypeItDoesNotKnow() throws Exception {
        String stream = "strictlisttest-" + UUID.randomUUID().toString().replace("-", "");
        strictList.follow(stream);
        runner.restart(StrictListForTest.NAME);
        append(stream, "SomethingNobodyKnows", "{}");

        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> runner.status(StrictListForTest.NAME).failure() != null);
            assertThat(runner.status(StrictListForTest.NAME).failure()).contains("SomethingNobodyKnows");
        } finally {
            strictList.follow("strictlisttest-" + UUID.randomUUID().toString().replace("-", ""));
            runner.restart(StrictListForTest.NAME);
        }
    }

    private static String json(InboundPaymentReceived event) throws Exception {
        return EventJson.mapper().writeValueAsString(event);
    }

    private void append(String stream, String type, String json) throws Exception {
        clients.client().appendToStream(stream, AppendToStreamOptions.get(), EventDataBuilder.json(
                UUID.randomUUID(), type, json.getBytes(StandardCharsets.UTF_8)).build()).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aRebuildCatchesUpFromScratchWithTheEventsAlreadyStored() {
        appendReceived();
        appendValidated();

        runner.rebuild(TimelineForTest.NAME);

        await().atMost(Duration.ofSeconds(10)).until(() -> runner.status(TimelineForTest.NAME).caughtUp());
        assertThat(timelineOfThisPayment()).containsExactly("InboundPaymentReceived", "InboundPaymentValidated");
        assertThat(timeline.anyEventAppliedTwice()).isFalse();
    }

    @Test
    void theReadModelResumesFromItsStoredCheckpointAfterARestart() {
        appendReceived();
        await().atMost(Duration.ofSeconds(10)).until(() -> timelineOfThisPayment().size() == 1);

        runner.restart(TimelineForTest.NAME);
        appendValidated();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(timelineOfThisPayment())
                .containsExactly("InboundPaymentReceived", "InboundPaymentValidated"));
        assertThat(timeline.anyEventAppliedTwice()).as("no event applied twice").isFalse();
    }

    @Test
    void theCheckpointIsStoredInItsOwnStream() {
        appendReceived();
        await().atMost(Duration.ofSeconds(10)).until(() -> timelineOfThisPayment().size() == 1);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            var last = clients.call(c -> c.readStream(ReadModelRunner.checkpointStream(TimelineForTest.NAME),
                    ReadStreamOptions.get().backwards().fromEnd().maxCount(1))).getEvents().get(0).getEvent();
            assertThat(last.getEventType()).isEqualTo("ReadModelCheckpointed");
            assertThat(new String(last.getEventData())).isEqualTo("{\"revision\":"
                    + runner.status(TimelineForTest.NAME).checkpoint().revision() + "}");
        });
        assertThat(ReadModelRunner.checkpointStream(TimelineForTest.NAME)).isEqualTo("readmodelcheckpoint-"
                + TimelineForTest.NAME);
    }
}
