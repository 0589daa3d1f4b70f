package com.paystream.scheme;

import com.paystream.infrastructure.store.EventStore;
import com.paystream.infrastructure.testing.EventStoreTestResource;
import com.paystream.topology.PaymentSchemeReactions;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

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
    @Inject
    EventStore store;

    private List<String> timeline(String paymentId) {
        return OutboundTimelines.typesOf(store, paymentId);
    }

    @Test
    void aSubmissionForWhichNoTokenCanBeHadIsRetriedThenParkedNeverRefused() {
        String paymentId = OutboundTimelines.clearedForSubmission(store);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> asOps()
                .get("/ops/subscriptions/" + PaymentSchemeReactions.SUBMIT_ON_OUTBOUND_SANCTIONS_CLEARED.name() + "/parked")
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
