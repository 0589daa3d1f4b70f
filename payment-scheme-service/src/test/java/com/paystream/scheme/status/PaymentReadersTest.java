package com.paystream.scheme.status;

import com.paystream.scheme.Deliveries;
import com.paystream.infrastructure.security.Roles;
import com.paystream.infrastructure.testing.EventStoreTestResource;
import com.paystream.infrastructure.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;


import static com.paystream.infrastructure.testing.Operators.asCustomer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Payments and their timelines are read by the bank's staff, and no one else. */
@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
class PaymentReadersTest {
    private static String deliveredPayment() {
        return Deliveries.delivered();
    }

    @Test
    void aTimelineReadWithoutATokenIsUnauthenticated() {
        given().get("/payments/" + deliveredPayment() + "/timeline").then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:paystream:problem:unauthenticated"));
    }

    @Test
    void aCustomerCannotReadAPaymentsTimeline() {
        asCustomer("C-1001").get("/payments/" + deliveredPayment() + "/timeline").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {Roles.AUDITOR, Roles.OPS, Roles.SANCTIONS_OFFICER, Roles.ACCOUNT_OFFICER})
    void eachOfTheBanksStaffReadersMayReadAPayment(String role) {
        String paymentId = deliveredPayment();

        TestTokens.as("staff-" + role, role).get("/payments/" + paymentId).then().statusCode(200)
                .body("paymentId", equalTo(paymentId));
    }
}
