package com.paystream.infrastructure.client;

import com.paystream.events.InboundPaymentReceived;
import com.paystream.events.PaymentStreams;
import com.paystream.infrastructure.fixtures.Payments;
import com.paystream.infrastructure.fixtures.ValidateOnReceivedForTest;
import com.paystream.infrastructure.store.AppendResult;
import com.paystream.infrastructure.store.Causation;
import com.paystream.infrastructure.store.EventStore;
import com.paystream.infrastructure.store.Expected;
import com.paystream.infrastructure.store.StoredEvent;
import com.paystream.infrastructure.testing.EventStoreTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application on a cluster whose leader changes: it found the leader through gossip, and after an election the
 * first call refused by the former leader is made again on the new one, so nobody sees the change but as a pause.
 */
@QuarkusTest
@WithTestResource(value = EventStoreTestResource.class,
        initArgs = @ResourceArg(name = EventStoreTestResource.CLUSTER_NODES, value = "2"))
class LeaderChangeTest {
    private static final Duration FLOW = Duration.ofSeconds(30);

    @Inject
    EventStore store;
    @Inject
    ValidateOnReceivedForTest reaction;

    private final String paymentId = Payments.newPaymentId();
    private final String stream = PaymentStreams.payment(paymentId);

    private AppendResult receive(String reference) {
        return store.append(stream, Expected.noStream(), Causation.command("receive:" + paymentId,
                "corr-" + paymentId), List.of(Payments.received(paymentId, reference)));
    }

    private List<String> typesInStream() {
        return store.load(stream).events().stream().map(StoredEvent::eventType).toList();
    }

    @Test
    void theFirstAppendAfterALeaderChangeIsWrittenOnTheNewLeader() {
        String earlier = Payments.newPaymentId();
        store.append(PaymentStreams.payment(earlier), Expected.noStream(), Causation.command("receive:" + earlier,
                "corr-" + earlier), List.of(Payments.received(earlier, "other")));

        EventStoreTestResource.electAnotherLeader();
        AppendResult written = receive("other");

        assertThat(written.nextExpectedRevision()).isZero();
        assertThat(typesInStream()).containsExactly("InboundPaymentReceived");
    }

    @Test
    void theFirstLoadAfterALeaderChangeAnswers() {
        receive("other");

        EventStoreTestResource.electAnotherLeader();

        assertThat(store.load(stream).events()).extracting(StoredEvent::event)
                .allSatisfy(event -> assertThat(event).isInstanceOf(InboundPaymentReceived.class)).hasSize(1);
    }

    @Test
    void aReactionTakesUpAgainOnTheNewLeaderAndWhatIsRedeliveredIsReactedToOnce() {
        receive("infratest:ok");
        await().atMost(FLOW).until(() -> typesInStream().contains("InboundPaymentValidated"));

        // the group restarts from its last checkpoint on the new leader (none yet): the payment comes again
        EventStoreTestResource.electAnotherLeader();
        await().atMost(FLOW).until(() -> reaction.attempts(paymentId) >= 2);
        String next = Payments.newPaymentId();
        store.append(PaymentStreams.payment(next), Expected.noStream(), Causation.command("receive:" + next,
                "corr-" + next), List.of(Payments.received(next, "infratest:ok")));

        await().atMost(FLOW).until(() -> store.load(PaymentStreams.payment(next)).events().size() == 2);
        assertThat(typesInStream()).containsExactly("InboundPaymentReceived", "InboundPaymentValidated");
    }
}
