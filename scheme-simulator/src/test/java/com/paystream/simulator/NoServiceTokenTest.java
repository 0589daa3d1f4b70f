package com.paystream.simulator;

import com.paystream.infrastructure.testing.EventStoreTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static com.paystream.infrastructure.testing.Operators.asAuditor;
import static com.paystream.infrastructure.testing.Operators.asGateway;
import static com.paystream.infrastructure.testing.Operators.asScheme;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

/**
 * When the identity provider gives the simulator no token (here: no token endpoint at all), what it sends the bank
 * goes as if the bank did not answer: recorded as failed, told again later, never lost.
 */
@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
class NoServiceTokenTest {

    @Test
    void aDeliveryForWhichNoTokenCanBeHadIsRecordedAsFailed() {
        String transactionId = "TX-NOTOKEN-" + UUID.randomUUID();

        asScheme().contentType(ContentType.JSON).body(Map.of("schemeTransactionId", transactionId))
                .post("/simulator/inbound-payments").then().statusCode(502)
                .body("type", endsWith("scheme-delivery-failed"));

        asAuditor().get("/simulator/inbound-payments/" + transactionId).then().statusCode(200)
                .body("events.size()", equalTo(2))
                .body("events[1].reason", allOf(containsString("Not delivered"), containsString("No access token")));
    }

    @Test
    void aReturnTheBankCannotBeToldForLackOfATokenIsABadGatewayProblemAndNotRecorded() {
        String transactionId = "PSOUT-" + UUID.randomUUID();
        asGateway().contentType(ContentType.JSON).body(Map.of("schemeTransactionId", transactionId,
                        "paymentId", UUID.randomUUID().toString(),
                        "originator", Map.of("name", "JANE DOE", "sortCode", "608371", "accountNumber", "10000009"),
                        "beneficiary", Map.of("name", "NORTHWIND", "sortCode", "089999", "accountNumber", "66374958"),
                        "amount", Map.of("minorUnits", 1_000, "currency", "GBP"), "reference", "INV 1"))
                .post("/simulator/outbound-payments").then().statusCode(201);

        asScheme().contentType(ContentType.JSON).body(Map.of("reasonCode", "B"))
                .post("/simulator/outbound-payments/" + transactionId + "/return").then().statusCode(502)
                .body("type", endsWith("bank-notification-failed"))
                .body("detail", containsString("No access token"));

        asAuditor().get("/simulator/outbound-payments/" + transactionId).then().statusCode(200)
                .body("findAll { it.reasonCode != null }.size()", equalTo(0));
    }
}
