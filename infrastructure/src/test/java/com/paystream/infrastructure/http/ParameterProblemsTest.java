package com.paystream.infrastructure.http;

import com.paystream.infrastructure.testing.EventStoreTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** A query, path or header parameter that does not read is a 400 problem+json naming it, never a bare 404 or 400. */
@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
class ParameterProblemsTest {
    private static final String PROBLEM_JSON = "application/problem+json";

    private static void refused(String path, String parameter, String message) {
        given().get(path).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:paystream:problem:validation-failed"))
                .body("status", equalTo(400))
                .body("detail", equalTo(parameter + ": " + message))
                .body("errors[0].field", equalTo(parameter));
    }

    @Test
    void valuesThatReadArePassedOn() {
        given().header("X-Count", "7").get("/test/parameters/2?limit=10&from=3&flagged=true&colour=GREEN"
                        + "&day=2026-11-24&at=2026-11-24T10:15:30Z&name=anything")
                .then().statusCode(200)
                .body("page", equalTo(2)).body("limit", equalTo(10)).body("from", equalTo(3))
                .body("flagged", equalTo(true)).body("colour", equalTo("GREEN")).body("day", equalTo("2026-11-24"))
                .body("at", equalTo("2026-11-24T10:15:30Z")).body("count", equalTo(7)).body("name", equalTo("anything"));
    }

    @Test
    void aQueryNumberThatIsNotANumberIs400NamingTheParameter() {
        refused("/test/parameters/1?limit=ten", "limit", "must be a whole number");
    }

    @Test
    void aPrimitiveQueryNumberThatIsNotANumberIs400NamingTheParameter() {
        refused("/test/parameters/1?from=1.5", "from", "must be a whole number");
    }

    @Test
    void aPathNumberThatIsNotANumberIs400NamingTheParameter() {
        refused("/test/parameters/first", "page", "must be a whole number");
    }

    @Test
    void aBooleanOtherThanTrueOrFalseIs400RatherThanFalse() {
        refused("/test/parameters/1?flagged=yes", "flagged", "must be true or false");
    }

    @Test
    void anUnknownEnumValueIs400ListingTheValues() {
        refused("/test/parameters/1?colour=BLUE", "colour", "must be one of [RED, GREEN]");
    }

    @Test
    void aDateThatDoesNotParseIs400() {
        refused("/test/parameters/1?day=24/11/2026", "day", "must be a date, YYYY-MM-DD");
    }

    @Test
    void anInstantThatDoesNotParseIs400() {
        refused("/test/parameters/1?at=yesterday", "at", "must be an instant such as 2026-11-24T10:15:30Z");
    }

    @Test
    void aHeaderNumberThatIsNotANumberIs400NamingTheHeader() {
        given().header("X-Count", "many").get("/test/parameters/1")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("detail", equalTo("X-Count: must be a whole number"));
    }
}
