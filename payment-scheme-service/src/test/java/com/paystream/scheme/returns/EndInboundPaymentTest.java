package com.paystream.scheme.returns;

import com.paystream.events.AccountCheckFailure;
import com.paystream.events.InboundHeldPaymentRejected;
import com.paystream.events.InboundPaymentAccountCheckFailed;
import com.paystream.events.InboundPaymentFailed;
import com.paystream.events.InboundPaymentReturned;
import com.paystream.events.PaymentEvent;
import com.paystream.events.PaymentStreams;
import com.paystream.events.ReturnReason;
import com.paystream.infrastructure.store.Causation;
import com.paystream.infrastructure.store.EventStore;
import com.paystream.infrastructure.store.Expected;
import com.paystream.infrastructure.testing.EventStoreTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
class EndInboundPaymentTest {
    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    @Inject
    EventStore store;

    private void append(String paymentId, PaymentEvent event) {
        store.append(PaymentStreams.payment(paymentId), Expected.any(),
                Causation.command("test:" + UUID.randomUUID(), paymentId), List.of(event));
    }

    private List<PaymentEvent> timeline(String paymentId) {
        return store.load(PaymentStreams.payment(paymentId)).payloads();
    }

    @Test
    void aPaymentToAClosedAccountIsReturnedToTheScheme() {
        String paymentId = UUID.randomUUID().toString();

        append(paymentId, new InboundPaymentAccountCheckFailed(paymentId, "TX-" + paymentId,
                AccountCheckFailure.ACCOUNT_CLOSED, AT));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(timeline(paymentId))
                .filteredOn(e -> e instanceof InboundPaymentReturned)
                .extracting(e -> ((InboundPaymentReturned) e).reason())
                .containsExactly(ReturnReason.ACCOUNT_CLOSED));
    }

    @Test
    void aPaymentRejectedAfterSanctionsReviewFails() {
        String paymentId = UUID.randomUUID().toString();

        append(paymentId, new InboundHeldPaymentRejected(paymentId, "TX-" + paymentId, "operator-7", "Operator Seven",
                "match", AT));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(timeline(paymentId))
                .anyMatch(e -> e instanceof InboundPaymentFailed));
    }

    @Test
    void aDuplicatedAccountCheckFailureEndsThePaymentOnce() {
        String paymentId = UUID.randomUUID().toString();
        InboundPaymentAccountCheckFailed failed = new InboundPaymentAccountCheckFailed(paymentId, "TX-" + paymentId,
                AccountCheckFailure.NO_ACCOUNT, AT);
        append(paymentId, failed);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(timeline(paymentId))
                .anyMatch(e -> e instanceof InboundPaymentReturned));

        append(paymentId, failed);
        String marker = UUID.randomUUID().toString();
        append(marker, new InboundPaymentAccountCheckFailed(marker, "TX-" + marker, AccountCheckFailure.NO_ACCOUNT,
                AT));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(timeline(marker))
                .anyMatch(e -> e instanceof InboundPaymentReturned));

        assertThat(timeline(paymentId)).filteredOn(e -> e instanceof InboundPaymentReturned).hasSize(1);
    }
}
