package com.paystream.simulator.security;

import com.paystream.infrastructure.testing.EventStoreTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static com.paystream.infrastructure.testing.Operators.asAuditor;
import static com.paystream.infrastructure.testing.Operators.asCustomer;
import static com.paystream.infrastructure.testing.Operators.asGateway;
import static com.paystream.infrastructure.testing.Operators.asScheme;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Who may work the simulator: only the bank's gateway submits, only the scheme works the controls. */
@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
class AccessTest {
    private static final String PROBLEM = "application/problem+json";

    /** Submits an outbound payment with the request given; the answer, once checked that the scheme recorded none. */
    private static ValidatableResponse submit(RequestSpecification request) {
        String transactionId = "PSOUT-" + UUID.randomUUID();
        ValidatableResponse response = request.contentType(ContentType.JSON).body(Map.of(
                        "schemeTransactionId", transactionId, "paymentId", UUID.randomUUID().toString(),
                        "originator", Map.of("name", "JANE DOE", "sortCode", "608371", "accountNumber", "10000009"),
                        "beneficiary", Map.of("name", "NORTHWIND", "sortCode", "089999", "accountNumber", "66374958"),
                        "amount", Map.of("minorUnits", 1_000, "currency", "GBP"), "reference", "INV 1"))
                .post("/simulator/outbound-payments").then();
        asAuditor().get("/simulator/outbound-payments/" + transactionId).then().statusCode(404);
        return response;
    }

    @Test
    void theSchemesOwnTokenCannotSubmitAnOutboundPaymentAndNothingIsRecorded() {
        submit(asScheme()).statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("urn:paystream:problem:forbidden"));
    }

    @Test
    void aCustomersTokenCannotSubmitAnOutboundPaymentAndNothingIsRecorded() {
        submit(asCustomer("C-1001")).statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("urn:paystream:problem:forbidden"));
    }

    @Test
    void aSubmissionWithoutATokenIsUnauthenticatedAndNothingIsRecorded() {
        submit(given()).statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", "Bearer realm=\"paystream\"")
                .body("type", equalTo("urn:paystream:problem:unauthenticated"));
    }

    @Test
    void theBanksGatewayCannotSendInboundPaymentsInTheSchemesName() {
        asGateway().contentType(ContentType.JSON).body("{}").post("/simulator/inbound-payments").then()
                .statusCode(403).contentType(PROBLEM);
    }

    @Test
    void anAuditorReadsTheIntakeButCannotCloseIt() {
        asAuditor().get("/simulator/outbound-payments/intake").then().statusCode(200).body("open", equalTo(true));

        asAuditor().contentType(ContentType.JSON).body(Map.of("open", false)).put("/simulator/outbound-payments/intake")
                .then().statusCode(403).contentType(PROBLEM);
        asAuditor().get("/simulator/outbound-payments/intake").then().statusCode(200).body("open", equalTo(true));
    }
}
