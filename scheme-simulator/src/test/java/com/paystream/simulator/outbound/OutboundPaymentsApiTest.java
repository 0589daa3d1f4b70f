package com.paystream.simulator.outbound;

import com.paystream.infrastructure.testing.EventStoreTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static com.paystream.infrastructure.testing.Operators.asAuditor;
import static com.paystream.infrastructure.testing.Operators.asGateway;
import static com.paystream.infrastructure.testing.Operators.asScheme;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

/** The scheme receiving outbound payments; no bank runs here (its notices fail), the full flow is in system-tests. */
@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
class OutboundPaymentsApiTest {
    private static Map<String, Object> submission(String transactionId, String beneficiarySortCode) {
        Map<String, Object> body = new HashMap<>();
        body.put("schemeTransactionId", transactionId);
        body.put("paymentId", UUID.nameUUIDFromBytes(transactionId.getBytes()).toString());
        body.put("originator", Map.of("name", "JANE DOE", "sortCode", "608371", "accountNumber", "10000009"));
        body.put("beneficiary", Map.of("name", "NORTHWIND", "sortCode", beneficiarySortCode,
                "accountNumber", "66374958"));
        body.put("amount", Map.of("minorUnits", 1_000, "currency", "GBP"));
        body.put("reference", "INV 1");
        return body;
    }

    private static io.restassured.response.ValidatableResponse submit(Map<String, Object> body) {
        return asGateway().contentType(ContentType.JSON).body(body).post("/simulator/outbound-payments").then();
    }

    @Test
    void aSubmissionIsReceivedWithTheDayItEntersTheBeneficiarysAccount() {
        submit(submission("PSOUT-" + UUID.randomUUID(), "089999")).statusCode(201)
                .body("entryDay", notNullValue());
    }

    @Test
    void theSameSubmissionAgainIsAcceptedAsTheSamePayment() {
        Map<String, Object> body = submission("PSOUT-" + UUID.randomUUID(), "089999");
        submit(body).statusCode(201);

        submit(body).statusCode(200).body("paymentId", equalTo(body.get("paymentId")));
    }

    private static void intake(boolean open) {
        asScheme().contentType(ContentType.JSON).body(Map.of("open", open)).put("/simulator/outbound-payments/intake")
                .then().statusCode(200).body("open", equalTo(open));
    }

    @Test
    void aSubmissionDuringASimulatedOutageIsAnsweredUnavailableAndNotRecorded() {
        String transactionId = "PSOUT-" + UUID.randomUUID();
        intake(false);
        try {
            submit(submission(transactionId, "089999")).statusCode(503).contentType("application/problem+json")
                    .body("type", endsWith("scheme-outage"));
        } finally {
            intake(true);
        }

        asAuditor().get("/simulator/outbound-payments/" + transactionId).then().statusCode(404);
    }

    @Test
    void aSubmissionAfterTheOutageIsReceived() {
        intake(false);
        intake(true);

        submit(submission("PSOUT-" + UUID.randomUUID(), "089999")).statusCode(201);
    }

    @Test
    void aSubmissionToASortCodeTheSchemeDoesNotKnowIsRefused() {
        submit(submission("PSOUT-" + UUID.randomUUID(), "000000")).statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("unknown-sort-code"));
    }

    @Test
    void aSubmissionWithoutAnAmountIsRefusedNamingTheField() {
        Map<String, Object> body = submission("PSOUT-" + UUID.randomUUID(), "089999");
        body.remove("amount");

        submit(body).statusCode(400).body("errors.field", hasItem("amount"));
    }

    @Test
    void aReturnWithAnUnknownReasonCodeIsRefused() {
        String transactionId = "PSOUT-" + UUID.randomUUID();
        submit(submission(transactionId, "089999")).statusCode(201);

        asScheme().contentType(ContentType.JSON).body(Map.of("reasonCode", "Z"))
                .post("/simulator/outbound-payments/" + transactionId + "/return")
                .then().statusCode(400).body("errors.field", hasItem("reasonCode"));
    }

    @Test
    void aReturnTheBankDoesNotTakeIsABadGatewayProblem() {
        String transactionId = "PSOUT-" + UUID.randomUUID();
        submit(submission(transactionId, "089999")).statusCode(201);

        asScheme().contentType(ContentType.JSON).body(Map.of("reasonCode", "B"))
                .post("/simulator/outbound-payments/" + transactionId + "/return")
                .then().statusCode(502).body("type", endsWith("bank-notification-failed"));
    }

    @Test
    void aReceivedPaymentIsListed() {
        String transactionId = "PSOUT-" + UUID.randomUUID();
        submit(submission(transactionId, "089999")).statusCode(201);

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                asAuditor().get("/simulator/outbound-payments").then().statusCode(200)
                        .body("schemeTransactionId", hasItem(transactionId)));
    }

    @Test
    void settlingTheDuePaymentsNeedsNoBody() {
        asScheme().post("/simulator/outbound-payments/settle-due?asOf=2026-11-20").then().statusCode(200)
                .body("asOf", equalTo("2026-11-20"));
    }

    @Test
    void theSettlementModeCanBeSwitchedToTheBacsCycleAndBack() {
        asScheme().contentType(ContentType.JSON).body(Map.of("mode", "BACS_CYCLE"))
                .put("/simulator/outbound-payments/settlement-mode").then().statusCode(200);
        asAuditor().get("/simulator/outbound-payments/settlement-mode").then().body("mode", equalTo("BACS_CYCLE"));

        asScheme().contentType(ContentType.JSON).body(Map.of("mode", "IMMEDIATE"))
                .put("/simulator/outbound-payments/settlement-mode").then().statusCode(200)
                .body("mode", equalTo("IMMEDIATE"));
    }

    @Test
    void anUnknownSettlementModeIsRefusedNamingTheField() {
        asScheme().contentType(ContentType.JSON).body(Map.of("mode", "WHENEVER"))
                .put("/simulator/outbound-payments/settlement-mode").then().statusCode(400)
                .body("errors.field", hasItem("mode"));
    }
}
