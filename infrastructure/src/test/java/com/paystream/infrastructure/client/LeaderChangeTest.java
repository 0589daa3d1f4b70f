package com.paystream.infrastructure.client;

import com.paystream.events.InboundPaymentReceived;
import com.paystream.events.PaymentStreams;
import com.paystream.infrastructure.fixtures.Payments;
import com.paystream.infrastructure.store.AppendResult;
import com.paystream.infrastructure.store.Causation;
import com.paystream.infrastructure.store.EventStore;
import com.paystream.infrastructure.store.Expected;
import com.paystream.infrastructure.store.StoredEvent;
import com.paystream.infrastructure.store.StreamWrite;
import com.paystream.infrastructure.testing.EventStoreTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application on a cluster whose leader changes: it found the leader through gossip, and after an election the
 * first call, refused by the former leader, is made again on the new one, so nobody sees the change but as a pause.
 * Reactions and read models are off here, so that the test's own call is the first after each election.
 */
@QuarkusTest
@TestProfile(LeaderChangeTest.StoreCallsOnly.class)
@WithTestResource(value = EventStoreTestResource.class,
        initArgs = @ResourceArg(name = EventStoreTestResource.CLUSTER_NODES, value = "2"))
class LeaderChangeTest {
    /** No reaction and no read model calling the store in the background. */
    public static final class StoreCallsOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("eventstore.subscriptions.enabled", "false", "eventstore.read-models.enabled", "false");
        }
    }

    @Inject
    EventStore store;

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
    void theFirstAtomicAppendAfterALeaderChangeWritesEveryStreamOnTheNewLeader() {
        receive("other");
        String other = Payments.newPaymentId();
        Causation cause = Causation.command("receive-two:" + paymentId, "corr-" + paymentId);

        EventStoreTestResource.electAnotherLeader();
        store.appendAtomically(
                StreamWrite.of(stream, Expected.at(0), cause, List.of(Payments.validated(Payments.received(paymentId,
                        "other")))),
                StreamWrite.of(PaymentStreams.payment(other), Expected.noStream(), cause,
                        List.of(Payments.received(other, "other"))));

        assertThat(typesInStream()).containsExactly("InboundPaymentReceived", "InboundPaymentValidated");
        assertThat(store.load(PaymentStreams.payment(other)).events()).hasSize(1);
    }

    @Test
    void theFirstLoadAfterALeaderChangeAnswers() {
        receive("other");

        EventStoreTestResource.electAnotherLeader();

        assertThat(store.load(stream).events()).extracting(StoredEvent::event)
                .allSatisfy(event -> assertThat(event).isInstanceOf(InboundPaymentReceived.class)).hasSize(1);
    }
}
