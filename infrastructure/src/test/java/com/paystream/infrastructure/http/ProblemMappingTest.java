package com.paystream.infrastructure.http;

import com.paystream.infrastructure.fixtures.Payments;
import com.paystream.infrastructure.testing.EventStoreTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
class ProblemMappingTest {
    private static final String PROBLEM_JSON = "application/problem+json";
    private final String paymentId = Payments.newPaymentId();

    private void receive() {
        given().contentType(ContentType.JSON).body("{\"reference\":\"http\",\"amountPence\":100}")
                .post("/test/payments/" + paymentId).then().statusCode(201);
    }

    @Test
    void anInvalidFieldIs400NamingTheField() {
        given().contentType(ContentType.JSON).body("{\"reference\":\" \",\"amountPence\":100}")
                .post("/test/payments/" + paymentId)
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:paystream:problem:validation-failed"))
                .body("status", equalTo(400))
                .body("title", notNullValue())
                .body("instance", equalTo("/test/payments/" + paymentId))
                .body("errors.field", hasItem("reference"));
    }

    @Test
    void aMalformedJsonBodyIs400() {
        given().contentType(ContentType.JSON).body("{\"reference\": ")
                .post("/test/payments/" + paymentId)
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:paystream:problem:malformed-request-body"))
                .body("detail", not(containsString("jackson")));
    }

    @Test
    void aFieldOfTheWrongTypeIs400NamingTheField() {
        given().contentType(ContentType.JSON).body("{\"reference\":\"x\",\"amountPence\":\"lots\"}")
                .post("/test/payments/" + paymentId)
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:paystream:problem:malformed-request-body"))
                .body("errors.field", hasItem("amountPence"));
    }

    @Test
    void anUnknownPaymentIs404() {
        given().get("/test/payments/" + paymentId)
                .then().statusCode(404).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:paystream:problem:not-found"))
                .body("detail", equalTo("No payment " + paymentId));
    }

    @Test
    void anUnknownPathIs404() {
        given().get("/no/such/path")
                .then().statusCode(404).contentType(PROBLEM_JSON)
                .body("status", equalTo(404));
    }

    @Test
    void aViolatedRuleIs409WithTheRulesStableType() {
        given().post("/test/payments/" + paymentId + "/refused")
                .then().statusCode(409).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:paystream:problem:payment-limit-exceeded"))
                .body("title", equalTo("Payment limit exceeded"));
    }

    @Test
    void aStaleIfMatchIs412() {
        receive();
        given().header("If-Match", "\"0\"").post("/test/payments/" + paymentId + "/validated").then().statusCode(200);

        given().header("If-Match", "\"0\"").post("/test/payments/" + paymentId + "/validated")
                .then().statusCode(412).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:paystream:problem:stale-revision"));
    }

    @Test
    void aConcurrentWriteWithoutIfMatchIs409() {
        receive();

        given().queryParam("stale", true).post("/test/payments/" + paymentId + "/validated")
                .then().statusCode(409).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:paystream:problem:concurrent-modification"));
    }

    @Test
    void anUnexpectedFailureIsAGeneric500WithoutInternals() {
        given().header("X-Correlation-Id", "boom-1").get("/test/payments/boom")
                .then().statusCode(500).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:paystream:problem:internal-error"))
                .body("detail", containsString("boom-1"))
                .body(not(containsString("hunter2")))
                .body(not(containsString("IllegalStateException")));
    }

    @Test
    void theSameCommandSentTwiceWritesOnce() {
        receive();
        receive();

        given().get("/test/payments/" + paymentId).then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("events.size()", equalTo(1));
    }
}
