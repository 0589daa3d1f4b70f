package com.paystream.topology;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * An access token for a program that calls the services on its own account (the data seeder, the load benchmark):
 * got from the identity provider by the OAuth 2.0 client-credentials grant, with the client id and secret the
 * provider gave it. The token endpoint is found from the issuer's discovery document
 * ({@code <issuer>/.well-known/openid-configuration}); a token is kept until shortly before it expires.
 */
public final class ClientCredentials {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** A token this close to its expiry is replaced, so it never expires on the way. */
    private static final Duration MARGIN = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final URI issuer;
    private final String clientId;
    private final Supplier<String> secret;
    private final Clock clock;
    private URI tokenEndpoint;
    private String token;
    private Instant renewAt = Instant.MIN;

    public ClientCredentials(URI issuer, String clientId, String secret) {
        this(issuer, clientId, () -> secret, Clock.systemUTC());
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("client " + clientId + " needs its secret");
        }
    }

    /** With the secret read when the first token is needed (e.g. from a file a process starting now will write). */
    public ClientCredentials(URI issuer, String clientId, Supplier<String> secret) {
        this(issuer, clientId, secret, Clock.systemUTC());
    }

    ClientCredentials(URI issuer, String clientId, Supplier<String> secret, Clock clock) {
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("a client id is needed");
        }
        this.issuer = issuer;
        this.clientId = clientId;
        this.secret = secret;
        this.clock = clock;
    }

    /** The client this program signs in as. */
    public String clientId() {
        return clientId;
    }

    /** The {@code Authorization} header value: {@code Bearer <access token>}. */
    public synchronized String authorization() throws IOException, InterruptedException {
        if (token == null || !clock.instant().isBefore(renewAt)) {
            fetch();
        }
        return "Bearer " + token;
    }

    private void fetch() throws IOException, InterruptedException {
        if (tokenEndpoint == null) {
            JsonNode discovery = call(HttpRequest.newBuilder(URI.create(issuer.toString().replaceAll("/+$", "")
                    + "/.well-known/openid-configuration")).GET(), "discovery");
            tokenEndpoint = URI.create(discovery.path("token_endpoint").asText());
        }
        String basic = Base64.getEncoder().encodeToString((encode(clientId) + ":" + encode(secret.get()))
                .getBytes(StandardCharsets.UTF_8));
        JsonNode answer = call(HttpRequest.newBuilder(tokenEndpoint)
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")), "token");
        String accessToken = answer.path("access_token").asText("");
        if (accessToken.isEmpty()) {
            throw new IOException("the identity provider's token answer has no access_token");
        }
        token = accessToken;
        long lifetime = answer.path("expires_in").asLong(60);
        renewAt = clock.instant().plusSeconds(lifetime).minus(MARGIN);
    }

    private JsonNode call(HttpRequest.Builder request, String what) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            String error = "";
            try {
                JsonNode body = JSON.readTree(response.body());
                error = body.path("error_description").asText(body.path("error").asText(""));
            } catch (IOException notJson) {
                // said by the status alone
            }
            throw new IOException("the identity provider refused the " + what + " request of client " + clientId
                    + " (HTTP " + response.statusCode() + (error.isEmpty() ? "" : ": " + error) + ")");
        }
        return JSON.readTree(response.body());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
