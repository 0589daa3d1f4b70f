package com.paystream.infrastructure.subscription;

import com.paystream.events.PaymentStreams;
import com.paystream.infrastructure.fixtures.ConcurrentScreenForTest;
import com.paystream.infrastructure.fixtures.Payments;
import com.paystream.infrastructure.store.Causation;
import com.paystream.infrastructure.store.EventStore;
import com.paystream.infrastructure.store.Expected;
import com.paystream.infrastructure.testing.EventStoreTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A group handles events of different payments at the same time, so one slow payment does not hold up the rest. */
@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
class ConcurrentReactionsTest {
    @Inject
    EventStore store;
    @Inject
    ConcurrentScreenForTest reaction;

    private String validated(String reference) {
        String paymentId = Payments.newPaymentId();
        store.append(PaymentStreams.payment(paymentId), Expected.noStream(),
                Causation.command("validated:" + paymentId, paymentId),
                List.of(Payments.validated(Payments.received(paymentId, reference))));
        return paymentId;
    }

    @Test
    void aPaymentWaitingInItsReactionDoesNotHoldUpTheNextPayment() {
        String waiting = validated("infratest:wait");
        String going = validated("infratest:go");

        await().atMost(Duration.ofSeconds(15)).until(() -> reaction.finished().size() >= 2);

        assertThat(reaction.finished()).containsExactly("infratest:go:" + going, "infratest:wait:" + waiting);
    }
}
