package com.paystream.console;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * The calls passed on to the services ({@link StubServices}), here by a client showing a bearer token; the page's
 * session is in {@link SignInTest}.
 */
@QuarkusTest
@WithTestResource(StubServices.class)
@WithTestResource(StubIdentityProvider.class)
class ServiceProxyTest {
    @BeforeEach
    void forgetCalls() {
        StubServices.CALLS.clear();
    }

    /** A call by sam, a sanctions officer. */
    private static RequestSpecification asSam() {
        return given().auth().oauth2(StubIdentityProvider.accessToken("sam"));
    }

    @Test
    void aCallIsPassedOnToItsServiceWithItsQueryAndTheAnswerComesBackUnchanged() {
        asSam().get("/api/scheme/payments?schemeTransactionId=SIM-1")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("seen", equalTo("/payments?schemeTransactionId=SIM-1"));
    }

    @Test
    void theCallersAccessTokenAndTheBodyOfAPostArePassedOn() {
        String token = StubIdentityProvider.accessToken("sam");
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("reason", "cleared by phone")).post("/api/accounts/accounts/a1/block")
                .then().statusCode(200);

        assertThat(StubServices.CALLS).singleElement().satisfies(call -> {
            assertThat(call.method()).isEqualTo("POST");
            assertThat(call.uri()).isEqualTo("/accounts/a1/block");
            assertThat(call.authorization()).isEqualTo("Bearer " + token);
            assertThat(call.contentType()).startsWith("application/json");
            assertThat(call.body()).isEqualTo("{\"reason\":\"cleared by phone\"}");
        });
    }

    @Test
    void aDeleteIsPassedOnWithItsQuery() {
        asSam().delete("/api/sanctions/sanctioned-names/e1?reason=delisted").then().statusCode(401);

        assertThat(StubServices.CALLS).singleElement().satisfies(call -> {
            assertThat(call.method()).isEqualTo("DELETE");
            assertThat(call.uri()).isEqualTo("/sanctions-refuses/sanctioned-names/e1?reason=delisted");
        });
    }

    @Test
    void theLinkToANextPageComesBack() {
        asSam().get("/api/scheme/payments?limit=1").then().statusCode(200)
                .header("Link", equalTo("</payments?limit=1&before=p1>; rel=\"next\""));
    }

    @Test
    void aBodilessPostIsPassedOnWithoutABody() {
        asSam().post("/api/scheme/ops/subscriptions/g1/parked/replay").then().statusCode(200);

        assertThat(StubServices.CALLS).singleElement().satisfies(call -> assertThat(call.body()).isEmpty());
    }

    @Test
    void aServicesRefusalComesBackUnchangedWithoutTheBrowsersOwnSignInPrompt() {
        asSam().get("/api/sanctions/held-payments")
                .then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("urn:paystream:problem:unauthenticated"))
                .header("WWW-Authenticate", nullValue());
    }

    @Test
    void withoutATokenNothingIsPassedOn() {
        given().auth().oauth2("not.a.token").get("/api/scheme/payments?schemeTransactionId=SIM-1")
                .then().statusCode(401).contentType("application/problem+json");
        given().header(SignIn.PAGE_HEADER, "XMLHttpRequest").get("/api/scheme/payments?schemeTransactionId=SIM-1")
                .then().statusCode(499).contentType("application/problem+json");

        assertThat(StubServices.CALLS).isEmpty();
    }

    @Test
    void aPathTheConsoleDoesNotUseIsNotPassedOn() {
        asSam().get("/api/accounts/q/health").then().statusCode(404).contentType("application/problem+json")
                .body("type", endsWith("not-found"));

        assertThat(StubServices.CALLS).isEmpty();
    }

    @Test
    void anEventStreamIsNotPassedOnAsACall() {
        asSam().get("/api/scheme/payments/changes").then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("/api/live/"));

        assertThat(StubServices.CALLS).isEmpty();
    }

    @Test
    void anUnknownServiceIsNotFound() {
        asSam().get("/api/eventstore/streams").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aPathClimbingOutOfItsPlaceIsNotPassedOn() {
        asSam().urlEncodingEnabled(false).get("/api/scheme/payments/..%2Fq%2Fhealth").then().statusCode(404);

        assertThat(StubServices.CALLS).isEmpty();
    }

    @Test
    void aServiceThatDoesNotAnswerIsABadGatewayProblem() {
        asSam().get("/api/simulator/ops/subscriptions").then().statusCode(502)
                .contentType("application/problem+json").body("type", endsWith("service-unreachable"))
                .body("detail", containsString("simulator"));
    }
}
