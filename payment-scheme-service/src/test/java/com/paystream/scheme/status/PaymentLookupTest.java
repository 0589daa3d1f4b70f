package com.paystream.scheme.status;

import com.paystream.scheme.Deliveries;
import com.paystream.infrastructure.testing.EventStoreTestResource;
import com.paystream.infrastructure.testing.TokenEndpointTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static com.paystream.infrastructure.testing.Operators.asAuditor;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/**
 * Finding a payment by what an operator has in hand, and reading its audit trail. The service has its own token here,
 * so it does ask sanctions-service for the screening (which does not answer: nothing listens at its address).
 */
@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
@WithTestResource(value = TokenEndpointTestResource.class,
        initArgs = @ResourceArg(name = "roles", value = "bank-gateway,auditor"))
class PaymentLookupTest {

    private static String deliver(String transactionId, String correlationId) {
        return Deliveries.delivered(transactionId, correlationId);
    }

    @Test
    void aPaymentIsFoundByTheSchemesTransactionId() {
        String transactionId = "TX-" + UUID.randomUUID();
        String paymentId = deliver(transactionId, "corr-" + UUID.randomUUID());

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                asAuditor().get("/payments?schemeTransactionId=" + transactionId).then().statusCode(200)
                        .body("paymentId", contains(paymentId)));
    }

    @Test
    void aPaymentIsFoundByTheCorrelationIdItArrivedWith() {
        String correlationId = "corr-" + UUID.randomUUID();
        String paymentId = deliver("TX-" + UUID.randomUUID(), correlationId);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                asAuditor().get("/payments?correlationId=" + correlationId).then().statusCode(200)
                        .body("paymentId", contains(paymentId)));
    }

    @Test
    void anUnknownTransactionIdFindsNothing() {
        asAuditor().get("/payments?schemeTransactionId=TX-" + UUID.randomUUID()).then().statusCode(200)
                .body("$", empty());
    }

    @Test
    void everyEventOfTheTimelineCarriesTheCorrelationIdThePaymentArrivedWith() {
        String correlationId = "corr-" + UUID.randomUUID();
        String paymentId = deliver("TX-" + UUID.randomUUID(), correlationId);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> asAuditor()
                .get("/payments/" + paymentId + "/timeline").then()
                .body("timeline.type", hasItem("InboundPaymentValidated")));

        asAuditor().get("/payments/" + paymentId + "/timeline").then().statusCode(200)
                .body("timeline.correlationId", everyItem(equalTo(correlationId)));
    }

    @Test
    void theTimelineSaysWhyTheScreeningIsMissingWhenSanctionsServiceDoesNotAnswer() {
        String paymentId = deliver("TX-" + UUID.randomUUID(), "corr-" + UUID.randomUUID());

        asAuditor().get("/payments/" + paymentId + "/timeline").then().statusCode(200)
                .body("screening", nullValue())
                .body("screeningNote", containsString("did not answer"));
    }

    @Test
    void theTimelineOfAnUnknownPaymentIsNotFound() {
        asAuditor().get("/payments/" + UUID.randomUUID() + "/timeline").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
