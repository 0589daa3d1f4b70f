package com.paystream.console;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

/** The services' live updates passed on to the page ({@link StubServices} stands in for the services). */
@QuarkusTest
@WithTestResource(StubServices.class)
@WithTestResource(StubIdentityProvider.class)
class LiveUpdatesTest {
    @BeforeEach
    void forgetCalls() {
        StubServices.CALLS.clear();
    }

    /** Sam's token lasting 32 s: the console ends a stream 30 s before a token does, so after 2 s. */
    private static final Duration SHORT = Duration.ofSeconds(32);

    private static RequestSpecification asSam() {
        return given().auth().oauth2(StubIdentityProvider.accessToken("sam", SHORT)).accept("text/event-stream");
    }

    @Test
    void aServicesEventsComeThroughWithTheCallersTokenPassedOn() {
        String token = StubIdentityProvider.accessToken("sam", SHORT);
        given().auth().oauth2(token).accept("text/event-stream").get("/api/live/payments")
                .then().statusCode(200).contentType(containsString("text/event-stream"))
                .body(containsString("data: {\"seen\":\"/payments/changes\"}"));

        assertThat(StubServices.CALLS).singleElement().satisfies(call -> {
            assertThat(call.uri()).isEqualTo("/payments/changes");
            assertThat(call.authorization()).isEqualTo("Bearer " + token);
        });
    }

    @Test
    void aStreamEndsWhenTheCallersTokenIsAboutTo() {
        Instant start = Instant.now();

        asSam().get("/api/live/payments").then().statusCode(200);

        // the service would go on for half a minute
        assertThat(Duration.between(start, Instant.now())).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(15));
    }

    @Test
    void aServicesRefusalComesBackWithItsStatus() {
        asSam().get("/api/live/held-payments").then().statusCode(401);
    }

    @Test
    void aStreamThePageDoesNotUseIsNotPassedOn() {
        asSam().get("/api/live/accounts").then().statusCode(404).contentType("application/problem+json")
                .body("type", endsWith("not-found"));

        assertThat(StubServices.CALLS).isEmpty();
    }

    @Test
    void withoutATokenNoStreamIsFollowed() {
        given().auth().oauth2("not.a.token").get("/api/live/payments").then().statusCode(401);

        assertThat(StubServices.CALLS).isEmpty();
    }
}
