package com.paystream.console;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/** The page itself: open to anyone (it offers "Sign in"), served whole by the console, asking for no password. */
@QuarkusTest
@WithTestResource(StubServices.class)
@WithTestResource(StubIdentityProvider.class)
class ConsolePageTest {
    @Test
    void thePageIsServedWithoutSigningInWithNothingFetchedFromElsewhere() {
        String page = given().redirects().follow(false).get("/").then().statusCode(200).contentType(ContentType.HTML)
                .body(containsString("console.js")).extract().asString();
        String script = given().redirects().follow(false).get("/console.js").then().statusCode(200)
                .extract().asString();

        assertThat(page).doesNotContain("src=\"http", "href=\"http", "//cdn");
        assertThat(script).doesNotContain("https://", "http://");
    }

    @Test
    void noPasswordIsEverTypedIntoTheConsolesPageNorSentFromIt() {
        String page = given().get("/").then().statusCode(200).extract().asString();
        String script = given().get("/console.js").then().statusCode(200).extract().asString();

        assertThat(page).doesNotContain("type=\"password\"", "id=\"login\"").contains("id=\"sign-in\"",
                "id=\"sign-out\"");
        assertThat(script).doesNotContain("Basic ", "btoa(", "Authorization", "credentials')")
                .contains("'/sign-in'", "'/sign-out'", "X-Requested-With");
    }
}
