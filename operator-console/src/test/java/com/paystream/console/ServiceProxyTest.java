package com.paystream.console;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(StubServices.class)
class ServiceProxyTest {
    @BeforeEach
    void forgetCalls() {
        StubServices.CALLS.clear();
    }

    @Test
    void aCallIsPassedOnToItsServiceWithItsQueryAndTheAnswerComesBackUnchanged() {
        given().get("/api/scheme/payments?schemeTransactionId=SIM-1")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("seen", equalTo("/payments?schemeTransactionId=SIM-1"));
    }

    @Test
    void theOperatorsCredentialsAndTheBodyOfAPostArePassedOn() {
        given().auth().preemptive().basic("officer", "secret").contentType(ContentType.JSON)
                .body(Map.of("reason", "cleared by phone")).post("/api/accounts/accounts/a1/block")
                .then().statusCode(200);

        assertThat(StubServices.CALLS).singleElement().satisfies(call -> {
            assertThat(call.method()).isEqualTo("POST");
            assertThat(call.uri()).isEqualTo("/accounts/a1/block");
            assertThat(call.authorization()).startsWith("Basic ");
            assertThat(call.contentType()).startsWith("application/json");
            assertThat(call.body()).isEqualTo("{\"reason\":\"cleared by phone\"}");
        });
    }

    @Test
    void aBodilessPostIsPassedOnWithoutABody() {
        given().post("/api/scheme/ops/subscriptions/g1/parked/replay").then().statusCode(200);

        assertThat(StubServices.CALLS).singleElement().satisfies(call -> assertThat(call.body()).isEmpty());
    }

    @Test
    void aServicesRefusalComesBackWithoutTheBrowsersOwnSignInPrompt() {
        given().get("/api/sanctions/held-payments")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", nullValue());
    }

    @Test
    void aPathTheConsoleDoesNotUseIsNotPassedOn() {
        given().get("/api/accounts/q/health").then().statusCode(404).contentType("application/problem+json")
                .body("type", endsWith("not-found"));

        assertThat(StubServices.CALLS).isEmpty();
    }

    @Test
    void anUnknownServiceIsNotFound() {
        given().get("/api/eventstore/streams").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aPathClimbingOutOfItsPlaceIsNotPassedOn() {
        given().urlEncodingEnabled(false).get("/api/scheme/payments/..%2Fq%2Fhealth").then().statusCode(404);

        assertThat(StubServices.CALLS).isEmpty();
    }

    @Test
    void aServiceThatDoesNotAnswerIsABadGatewayProblem() {
        given().get("/api/simulator/ops/subscriptions").then().statusCode(502)
                .contentType("application/problem+json").body("type", endsWith("service-unreachable"))
                .body("detail", containsString("simulator"));
    }

    @Test
    void theConsolePageIsServedWithNothingFetchedFromElsewhere() {
        String page = given().get("/").then().statusCode(200).contentType(ContentType.HTML)
                .body(containsString("console.js")).extract().asString();

        assertThat(page).doesNotContain("src=\"http", "href=\"http", "//cdn");
        given().get("/console.js").then().statusCode(200).body(not(containsString("https://")));
    }
}
