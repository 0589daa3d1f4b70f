package com.paystream.console;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** {@code /api/me}: who the page's header shows, from a bearer token here (from a session in {@link SignInTest}). */
@QuarkusTest
@WithTestResource(StubServices.class)
@WithTestResource(StubIdentityProvider.class)
class WhoIsSignedInTest {
    @Test
    void whoIsSignedInIsTheTokensNameSubjectAndRealmRoles() {
        given().auth().oauth2(StubIdentityProvider.accessToken("operator")).get("/api/me")
                .then().statusCode(200).contentType(ContentType.JSON).header("Cache-Control", "no-store")
                .body("username", equalTo("operator")).body("name", equalTo("Paystream Operator"))
                .body("subject", equalTo(StubIdentityProvider.PEOPLE.get("operator").subject()))
                .body("roles", contains("ops", "sanctions-officer"));
    }

    @Test
    void thePageWithNobodySignedInIsToldToSignIn() {
        given().header(SignIn.PAGE_HEADER, "XMLHttpRequest").get("/api/me")
                .then().statusCode(499).contentType("application/problem+json")
                .body("type", equalTo("urn:paystream:problem:sign-in-required")).body("status", equalTo(499));
    }

    @Test
    void anExpiredBearerTokenIsRefused() {
        given().auth().oauth2(StubIdentityProvider.accessToken("sam", Duration.ofMinutes(-5))).get("/api/me")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aBearerTokenThatIsNotValidIsRefusedAsAProblem() {
        given().auth().oauth2("not.a.token").get("/api/me")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("urn:paystream:problem:unauthenticated"));
    }
}
