package com.paystream.scheme;

import com.paystream.events.ConsumerGroups;
import com.paystream.events.EventTypes;
import com.paystream.events.Money;
import com.paystream.events.OutboundPaymentDetails;
import com.paystream.events.OutboundPaymentRequested;
import com.paystream.events.OutboundPaymentSanctionsCleared;
import com.paystream.events.Party;
import com.paystream.events.PaymentStreams;
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

import static com.paystream.infrastructure.testing.Operators.asAuditor;
import static com.paystream.infrastructure.testing.Operators.asOps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;

/**
 * When the identity provider gives this service no token (here: no token endpoint at all), its calls to other
 * services go as if those services did not answer: a submission is retried (then parked for a replay), never taken for
 * the scheme refusing the payment; a timeline comes back without the screening, saying why.
 */
@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
class NoServiceTokenTest {
    private static final Instant AT = Instant.parse("2026-11-24T10:00:00Z");
    private static final OutboundPaymentDetails DETAILS = new OutboundPaymentDetails("acc-1",
            new Party("JANE DOE", "608371", "10000001"), new Party("NORTHWIND", "089999", "66374958"),
            Money.pence(1_000), "INV 1");

    @Inject
    EventStore store;

    private List<String> timeline(String paymentId) {
        return store.load(PaymentStreams.payment(paymentId)).payloads().stream()
                .map(event -> EventTypes.nameOf(event.getClass())).toList();
    }

    @Test
    void aSubmissionForWhichNoTokenCanBeHadIsRetriedThenParkedNeverRefused() {
        String paymentId = UUID.randomUUID().toString();
        store.append(PaymentStreams.payment(paymentId), Expected.noStream(),
                Causation.command("test:" + paymentId, paymentId), List.of(
                        new OutboundPaymentRequested(paymentId, DETAILS, "k-" + paymentId, AT),
                        new OutboundPaymentSanctionsCleared(paymentId, DETAILS, AT)));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> asOps()
                .get("/ops/subscriptions/" + ConsumerGroups.SUBMIT_ON_OUTBOUND_SANCTIONS_CLEARED.name() + "/parked")
                .then().statusCode(200).body("find { it.paymentId == '" + paymentId + "' }.reason",
                        allOf(containsString("Max retry count reached"), containsString("No access token"))));
        assertThat(timeline(paymentId)).containsExactly("OutboundPaymentRequested", "OutboundPaymentSanctionsCleared");
    }

    @Test
    void aTimelineSaysSanctionsServiceWasNotAskedWhenThisServiceHasNoToken() {
        String paymentId = Deliveries.delivered();

        asAuditor().get("/payments/" + paymentId + "/timeline").then().statusCode(200)
                .body("screening", nullValue())
                .body("screeningNote", allOf(containsString("not asked"), containsString("No access token")));
    }
}
