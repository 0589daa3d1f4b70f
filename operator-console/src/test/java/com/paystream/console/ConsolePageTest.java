package com.paystream.console;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/** The page itself: open to anyone (it offers "Sign in"), served whole by the console, asking for no password. */
@QuarkusTest
@WithTestResource(StubServices.class)
@WithTestResource(StubIdentityProvider.class)
class ConsolePageTest {
    private static final Pattern IMPORT = Pattern.compile("from '\\./([\\w-]+\\.js)'");

    /** Every script of the page: console.js and each module it imports, and they import, by name. */
    private static Map<String, String> scripts() {
        Map<String, String> scripts = new LinkedHashMap<>();
        Deque<String> toRead = new ArrayDeque<>();
        toRead.add("console.js");
        while (!toRead.isEmpty()) {
            String name = toRead.pop();
            if (scripts.containsKey(name)) {
                continue;
            }
            String script = given().redirects().follow(false).get("/" + name).then().statusCode(200).extract()
                    .asString();
            scripts.put(name, script);
            Matcher imported = IMPORT.matcher(script);
            while (imported.find()) {
                toRead.add(imported.group(1));
            }
        }
        return scripts;
    }

    @Test
    void thePageIsServedWithoutSigningInWithNothingFetchedFromElsewhere() {
        String page = given().redirects().follow(false).get("/").then().statusCode(200).contentType(ContentType.HTML)
                .body(containsString("console.js")).extract().asString();
        Map<String, String> scripts = scripts();

        assertThat(page).doesNotContain("src=\"http", "href=\"http", "//cdn");
        assertThat(scripts).containsKeys("api.js", "held.js", "payments.js", "accounts.js", "sanctions.js",
                "subscriptions.js").allSatisfy((name, script) -> assertThat(script).as(name)
                .doesNotContain("https://", "http://"));
    }

    @Test
    void noPasswordIsEverTypedIntoTheConsolesPageNorSentFromIt() {
        String page = given().get("/").then().statusCode(200).extract().asString();
        String script = String.join("\n", scripts().values());

        assertThat(page).doesNotContain("type=\"password\"", "id=\"login\"").contains("id=\"sign-in\"",
                "id=\"sign-out\"");
        assertThat(script).doesNotContain("Basic ", "btoa(", "Authorization", "credentials')")
                .contains("'/sign-in'", "'/sign-out'", "X-Requested-With");
    }
}
