package com.paystream.scheme.inbound;

import com.paystream.infrastructure.testing.EventStoreTestResource;
import com.paystream.scheme.Deliveries;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static com.paystream.infrastructure.testing.Operators.asAuditor;
import static com.paystream.infrastructure.testing.Operators.asScheme;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
class InboundPaymentsApiTest {

    private static String body(String transactionId, String beneficiaryAccount, long pence) {
        return """
                {"schemeTransactionId":"%s",
                 "originator":{"name":"ACME WIDGETS LTD","sortCode":"089999","accountNumber":"66374958"},
                 "beneficiary":{"name":"JANE DOE","sortCode":"107999","accountNumber":"%s"},
                 "amount":{"minorUnits":%d,"currency":"GBP"},
                 "reference":"INV 42","processingDate":"%s"}
                """.formatted(transactionId, beneficiaryAccount, pence, Deliveries.enteredToday());
    }

    private static String deliver(String body, int status) {
        return asScheme().contentType(ContentType.JSON).body(body).post("/inbound-payments")
                .then().statusCode(status).extract().path("paymentId");
    }

    @Test
    void aValidPaymentIsAcceptedAndBecomesValidated() {
        String paymentId = deliver(body("TX-" + UUID.randomUUID(), "88837491", 12_500), 202);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> asAuditor().get("/payments/" + paymentId)
                .then().statusCode(200)
                .body("timeline.type", hasItems("InboundPaymentReceived", "InboundPaymentValidated")));
    }

    @Test
    void aPaymentToAnAccountFailingTheModulusCheckIsReturnedWithArucsInvalidDetails() {
        String paymentId = deliver(body("TX-" + UUID.randomUUID(), "88837492", 12_500), 202);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> asAuditor().get("/payments/" + paymentId)
                .then().statusCode(200)
                .body("status", equalTo("RETURNED"))
                .body("timeline.event.reason", hasItem("INVALID_DETAILS")));
    }

    @Test
    void theSameDeliveryTwiceIsOnePayment() {
        String body = body("TX-" + UUID.randomUUID(), "88837491", 500);
        String first = deliver(body, 202);

        String second = deliver(body, 200);

        org.assertj.core.api.Assertions.assertThat(second).isEqualTo(first);
        asAuditor().get("/payments/" + first).then().statusCode(200)
                .body("timeline.findAll { it.type == 'InboundPaymentReceived' }.size()", equalTo(1));
    }

    @Test
    void theSameTransactionIdWithDifferentDetailsIsAConflict() {
        String transactionId = "TX-" + UUID.randomUUID();
        deliver(body(transactionId, "88837491", 500), 202);

        asScheme().contentType(ContentType.JSON).body(body(transactionId, "88837491", 501))
                .post("/inbound-payments")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("scheme-transaction-reused"));
    }

    @Test
    void aSortCodeThatIsNotSixDigitsIsRefusedNamingTheField() {
        asScheme().contentType(ContentType.JSON)
                .body(body("TX-" + UUID.randomUUID(), "88837491", 500).replace("\"107999\"", "\"10799\""))
                .post("/inbound-payments")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("beneficiary.sortCode"));
    }

    @Test
    void malformedJsonIsRefusedAsABadRequest() {
        asScheme().contentType(ContentType.JSON).body("{\"schemeTransactionId\":").post("/inbound-payments")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void anUnknownPaymentIsNotFound() {
        asAuditor().get("/payments/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aReturnedPaymentIsListedAmongTheReturnedOnes() {
        String paymentId = deliver(body("TX-" + UUID.randomUUID(), "88837492", 700), 202);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> asAuditor().queryParam("status", "RETURNED")
                .get("/payments").then().statusCode(200)
                .body("paymentId", hasItem(paymentId)));
    }

    @Test
    void listingByAStatusThatDoesNotExistIsRefusedNamingTheField() {
        asAuditor().queryParam("status", "TELEPORTED").get("/payments")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("status"));
    }
}
