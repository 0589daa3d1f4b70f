package com.paystream.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in through the identity provider (the authorization code flow with PKCE, against {@link StubIdentityProvider}),
 * the session it leaves in the browser, and signing out, as a browser ({@link Browser}) goes through them.
 */
@QuarkusTest
@WithTestResource(StubServices.class)
@WithTestResource(StubIdentityProvider.class)
class SignInTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URI root;

    private final Browser browser = new Browser();

    @BeforeEach
    void forgetEverything() {
        StubIdentityProvider.reset();
        StubServices.CALLS.clear();
    }

    private List<HttpResponse<String>> signIn(String person) {
        StubIdentityProvider.signsInNext = person;
        return browser.navigate(root.resolve("/sign-in"));
    }

    private URI console(String path) {
        return root.resolve(path);
    }

    @Test
    void signingInGoesToTheIdentityProviderWithPkceAndComesBackToThePage() {
        List<HttpResponse<String>> steps = signIn("sam");

        assertThat(steps.get(0).statusCode()).isEqualTo(302);
        assertThat(steps.get(0).headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).startsWith(StubIdentityProvider.issuer() + "/protocol/openid-connect/auth?"));
        Map<String, String> authorization = single(StubIdentityProvider.AUTHORIZATIONS);
        assertThat(authorization).containsEntry("client_id", "operator-console").containsEntry("response_type", "code")
                .containsEntry("code_challenge_method", "S256")
                .containsEntry("redirect_uri", console("/sign-in").toString());
        assertThat(authorization.get("scope")).contains("openid");
        Map<String, String> exchange = single(StubIdentityProvider.TOKEN_REQUESTS);
        assertThat(exchange).containsEntry("grant_type", "authorization_code").doesNotContainKey("client_secret");
        assertThat(StubIdentityProvider.s256(exchange.get("code_verifier"))).isEqualTo(authorization.get("code_challenge"));
        HttpResponse<String> page = steps.get(steps.size() - 1);
        assertThat(page.uri().getPath()).isEqualTo("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("console.js");
    }

    @Test
    void oncePastTheIdentityProviderThePageShowsWhoIsSignedIn() throws IOException {
        signIn("sam");

        HttpResponse<String> me = browser.call(console("/api/me"));

        assertThat(me.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(me.body());
        assertThat(body.get("username").asText()).isEqualTo("sam");
        assertThat(body.get("name").asText()).isEqualTo("Sam Sato");
        assertThat(body.get("subject").asText()).isEqualTo(StubIdentityProvider.PEOPLE.get("sam").subject());
        assertThat(body.get("roles")).extracting(JsonNode::asText).containsExactly("sanctions-officer");
    }

    @Test
    void theBrowserGetsNoTokenOnlyAnEncryptedSessionCookieNoScriptCanRead() {
        List<HttpResponse<String>> steps = signIn("sam");
        HttpResponse<String> me = browser.call(console("/api/me"));

        StubIdentityProvider.Issued issued = single(StubIdentityProvider.ISSUED);
        List<String> secrets = List.of(payload(issued.accessToken()), payload(issued.idToken()), issued.refreshToken());
        List<HttpCookie> session = browser.cookies().stream().filter(c -> c.getName().startsWith("q_session")).toList();
        assertThat(session).isNotEmpty().allSatisfy(cookie -> {
            assertThat(cookie.isHttpOnly()).isTrue();
            assertThat(cookie.getValue()).doesNotContain(secrets);
        });
        assertThat(steps.stream().filter(step -> step.uri().getPort() == root.getPort()))
                .allSatisfy(step -> assertThat(step.body() + step.headers().map()).doesNotContain(secrets));
        assertThat(me.body() + me.headers().map()).doesNotContain(secrets);
    }

    @Test
    void theProxyPassesOnTheSessionsAccessTokenNeverTheIdTokenNorACookie() {
        signIn("sam");

        HttpResponse<String> answer = browser.post(console("/api/accounts/accounts/a1/block"),
                "{\"reason\":\"cleared by phone\"}", true);

        assertThat(answer.statusCode()).isEqualTo(200);
        StubIdentityProvider.Issued issued = single(StubIdentityProvider.ISSUED);
        assertThat(single(StubServices.CALLS)).satisfies(call -> {
            assertThat(call.authorization()).isEqualTo("Bearer " + issued.accessToken());
            assertThat(call.cookie()).isNull();
            assertThat(call.body()).isEqualTo("{\"reason\":\"cleared by phone\"}");
        });
    }

    @Test
    void aChangeThroughTheSessionFromAnythingButThePageIsRefusedAndNotPassedOn() {
        signIn("sam");

        HttpResponse<String> answer = browser.post(console("/api/sanctions/held-payments/p1/release"),
                "{\"reason\":\"forged\"}", false);

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(answer.body()).contains("urn:paystream:problem:not-from-the-page");
        assertThat(StubServices.CALLS).isEmpty();
    }

    @Test
    void aCallFromThePageWithoutASessionIsA499ProblemNotARedirect() {
        HttpResponse<String> answer = browser.call(console("/api/sanctions/held-payments"));

        assertThat(answer.statusCode()).isEqualTo(499);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(answer.body()).contains("urn:paystream:problem:sign-in-required");
        assertThat(answer.headers().firstValue("Location")).isEmpty();
        assertThat(answer.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(StubServices.CALLS).isEmpty();
        assertThat(StubIdentityProvider.AUTHORIZATIONS).isEmpty();
    }

    @Test
    void aSessionCookieTheConsoleDidNotMakeIsNoSession() {
        browser.setCookie(root, "q_session", "eyJhbGciOiJub25lIn0.e30.");

        HttpResponse<String> answer = browser.call(console("/api/me"));

        assertThat(answer.statusCode()).isEqualTo(499);
        assertThat(answer.body()).contains("urn:paystream:problem:sign-in-required");
    }

    @Test
    void aNavigationToTheApiWithoutASessionGoesToTheIdentityProvidersLoginPage() {
        HttpResponse<String> answer = browser.open(console("/api/scheme/payments?schemeTransactionId=SIM-1"));

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
                .startsWith(StubIdentityProvider.issuer() + "/protocol/openid-connect/auth?")
                .contains("client_id=operator-console", "code_challenge_method=S256"));
        assertThat(StubServices.CALLS).isEmpty();
    }

    @Test
    void anAccessTokenAboutToExpireIsRefreshedBeforeItIsPassedOn() {
        // the console wants 30 s left on a token it passes on: these have 20
        StubIdentityProvider.tokenLifetime = Duration.ofSeconds(20);
        signIn("sam");
        StubIdentityProvider.tokenLifetime = Duration.ofMinutes(5);

        HttpResponse<String> answer = browser.call(console("/api/scheme/payments?schemeTransactionId=SIM-2"));

        assertThat(answer.statusCode()).isEqualTo(200);
        StubIdentityProvider.Issued latest = StubIdentityProvider.ISSUED.get(StubIdentityProvider.ISSUED.size() - 1);
        assertThat(latest.grant()).isEqualTo("refresh_token");
        assertThat(single(StubServices.CALLS).authorization()).isEqualTo("Bearer " + latest.accessToken())
                .isNotEqualTo("Bearer " + StubIdentityProvider.ISSUED.get(0).accessToken());
    }

    @Test
    void signingOutEndsTheIdentityProvidersSessionForgetsTheCookieAndReturnsToThePage() {
        signIn("olivia");
        StubIdentityProvider.Issued issued = single(StubIdentityProvider.ISSUED);

        List<HttpResponse<String>> steps = browser.navigate(console("/sign-out"));

        Map<String, String> logout = single(StubIdentityProvider.LOGOUTS);
        assertThat(logout).containsEntry("id_token_hint", issued.idToken())
                .containsEntry("post_logout_redirect_uri", console("/signed-out").toString());
        assertThat(logout.get("state")).isNotBlank();
        HttpResponse<String> page = steps.get(steps.size() - 1);
        assertThat(page.uri().getPath()).isEqualTo("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(browser.cookies()).extracting(HttpCookie::getName)
                .noneMatch(name -> name.startsWith("q_session") || name.startsWith("q_post_logout"));
        assertThat(browser.call(console("/api/me")).statusCode()).isEqualTo(499);
    }

    private static <T> T single(List<T> items) {
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    /** A JWT's claims part: what would give it away, in whatever it is embedded. */
    private static String payload(String jwt) {
        return jwt.split("\\.")[1];
    }
}
