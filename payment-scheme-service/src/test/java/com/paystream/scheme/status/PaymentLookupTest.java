package com.paystream.scheme.status;

import com.paystream.infrastructure.testing.EventStoreTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/** Finding a payment by what an operator has in hand, and reading its audit trail. */
@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
class PaymentLookupTest {

    private static String deliver(String transactionId, String correlationId) {
        String body = """
                {"schemeTransactionId":"%s",
                 "originator":{"name":"ACME WIDGETS LTD","sortCode":"089999","accountNumber":"66374958"},
                 "beneficiary":{"name":"JANE DOE","sortCode":"107999","accountNumber":"88837491"},
                 "amount":{"minorUnits":1250,"currency":"GBP"},
                 "reference":"INV 42","processingDate":"2026-11-24"}
                """.formatted(transactionId);
        return given().contentType(ContentType.JSON).header("X-Correlation-Id", correlationId).body(body)
                .post("/inbound-payments").then().statusCode(202).extract().path("paymentId");
    }

    @Test
    void aPaymentIsFoundByTheSchemesTransactionId() {
        String transactionId = "TX-" + UUID.randomUUID();
        String paymentId = deliver(transactionId, "corr-" + UUID.randomUUID());

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().get("/payments?schemeTransactionId=" + transactionId).then().statusCode(200)
                        .body("paymentId", contains(paymentId)));
    }

    @Test
    void aPaymentIsFoundByTheCorrelationIdItArrivedWith() {
        String correlationId = "corr-" + UUID.randomUUID();
        String paymentId = deliver("TX-" + UUID.randomUUID(), correlationId);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().get("/payments?correlationId=" + correlationId).then().statusCode(200)
                        .body("paymentId", contains(paymentId)));
    }

    @Test
    void anUnknownTransactionIdFindsNothing() {
        given().get("/payments?schemeTransactionId=TX-" + UUID.randomUUID()).then().statusCode(200)
                .body("$", empty());
    }

    @Test
    void everyEventOfTheTimelineCarriesTheCorrelationIdThePaymentArrivedWith() {
        String correlationId = "corr-" + UUID.randomUUID();
        String paymentId = deliver("TX-" + UUID.randomUUID(), correlationId);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/payments/" + paymentId + "/timeline")
                .then().body("timeline.type", hasItem("InboundPaymentValidated")));

        given().get("/payments/" + paymentId + "/timeline").then().statusCode(200)
                .body("timeline.correlationId", everyItem(equalTo(correlationId)));
    }

    @Test
    void theTimelineSaysWhyTheScreeningIsMissingWhenSanctionsServiceDoesNotAnswer() {
        String paymentId = deliver("TX-" + UUID.randomUUID(), "corr-" + UUID.randomUUID());

        given().get("/payments/" + paymentId + "/timeline").then().statusCode(200)
                .body("screening", nullValue())
                .body("screeningNote", containsString("did not answer"));
    }

    @Test
    void theTimelineOfAnUnknownPaymentIsNotFound() {
        given().get("/payments/" + UUID.randomUUID() + "/timeline").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
