package com.paystream.infrastructure.client;

import com.paystream.events.PaymentStreams;
import com.paystream.infrastructure.fixtures.Payments;
import com.paystream.infrastructure.fixtures.ValidateOnReceivedForTest;
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
 * A reaction on a cluster whose leader changes: its consumer group, dropped by the former leader, is subscribed again
 * on the new one, which delivers again what came after the group's last checkpoint; that is reacted to once.
 */
@QuarkusTest
@WithTestResource(value = EventStoreTestResource.class,
        initArgs = @ResourceArg(name = EventStoreTestResource.CLUSTER_NODES, value = "2"))
class ReactionsFollowTheLeaderTest {
    private static final Duration FLOW = Duration.ofSeconds(30);

    @Inject
    EventStore store;
    @Inject
    ValidateOnReceivedForTest reaction;

    private void receive(String paymentId) {
        store.append(PaymentStreams.payment(paymentId), Expected.noStream(), Causation.command("receive:" + paymentId,
                "corr-" + paymentId), List.of(Payments.received(paymentId, "infratest:ok")));
    }

    private List<String> typesIn(String paymentId) {
        return store.load(PaymentStreams.payment(paymentId)).events().stream().map(StoredEvent::eventType).toList();
    }

    @Test
    void aReactionTakesUpAgainOnTheNewLeaderAndWhatIsRedeliveredIsReactedToOnce() {
        String paymentId = Payments.newPaymentId();
        receive(paymentId);
        await().atMost(FLOW).until(() -> typesIn(paymentId).contains("InboundPaymentValidated"));

        // the group starts again from its last checkpoint on the new leader (there is none yet): the payment again
        EventStoreTestResource.electAnotherLeader();
        await().atMost(FLOW).until(() -> reaction.attempts(paymentId) >= 2);
        String next = Payments.newPaymentId();
        receive(next);

        await().atMost(FLOW).until(() -> typesIn(next).contains("InboundPaymentValidated"));
        assertThat(typesIn(paymentId)).containsExactly("InboundPaymentReceived", "InboundPaymentValidated");
    }
}
