package com.paystream.seeder;

import com.fasterxml.jackson.databind.JsonNode;
import com.paystream.events.EventJson;
import com.paystream.topology.ClientCredentials;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/** JSON over HTTP to one service; an answer other than the expected ones is a {@link Unexpected}. */
final class ServiceApi {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final HttpClient http;
    private final String name;
    private final URI base;
    private final Authorization authorization;
    private final String credentialsHint;

    /** The {@code Authorization} header of each request (made anew for each: a token may be renewed). */
    @FunctionalInterface
    interface Authorization {
        Optional<String> header() throws IOException, InterruptedException;

        /** No {@code Authorization} header. */
        static Authorization none() {
            return Optional::empty;
        }

        /** HTTP basic for {@code login:password} (EventStoreDB's own users), when given. */
        static Authorization basic(Optional<String> credentials) {
            Optional<String> header = credentials.map(value -> "Basic " + Base64.getEncoder()
                    .encodeToString(value.getBytes(StandardCharsets.UTF_8)));
            return () -> header;
        }

        /** The seeder's own access token from the identity provider (client credentials). */
        static Authorization bearer(ClientCredentials client) {
            return () -> Optional.of(client.authorization());
        }
    }

    /** Signed in with {@code authorization}; {@code credentialsHint} is said when refused (401, 403). */
    ServiceApi(String name, URI base, Authorization authorization, String credentialsHint) {
        this(name, base, authorization, credentialsHint, HttpClient.newBuilder().connectTimeout(TIMEOUT).build());
    }

    /** As above, over {@code http} (e.g. one that trusts the store's CA). */
    ServiceApi(String name, URI base, Authorization authorization, String credentialsHint, HttpClient http) {
        this.http = http;
        this.name = name;
        this.base = base;
        this.authorization = authorization;
        this.credentialsHint = credentialsHint;
    }

    record Answer(int status, JsonNode body) {
    }

    /** Thrown for an answer the seeder cannot go on from: the method, URL, status and the problem's detail. */
    static final class Unexpected extends Exception {
        Unexpected(String message) {
            super(message);
        }
    }

    String name() {
        return name;
    }

    URI base() {
        return base;
    }

    /** The same service, signed in otherwise. */
    ServiceApi signedInAs(Authorization other) {
        return new ServiceApi(name, base, other, "", http);
    }

    static Duration timeout() {
        return TIMEOUT;
    }

    Answer get(String path) throws Unexpected, InterruptedException {
        return send("GET", path, HttpRequest.BodyPublishers.noBody());
    }

    Answer post(String path, Object body) throws Unexpected, InterruptedException {
        return send("POST", path, jsonBody(body));
    }

    Answer put(String path, Object body) throws Unexpected, InterruptedException {
        return send("PUT", path, jsonBody(body));
    }

    private static HttpRequest.BodyPublisher jsonBody(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofByteArray(EventJson.mapper().writeValueAsBytes(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The answer must have one of {@code expected} statuses. */
    Answer expect(Answer answer, String method, String path, int... expected) throws Unexpected {
        for (int status : expected) {
            if (answer.status() == status) {
                return answer;
            }
        }
        JsonNode body = answer.body();
        String detail = body == null ? "" : body.path("detail").asText(body.path("title").asText(""));
        String hint = answer.status() == 401 || answer.status() == 403 ? " (" + credentialsHint + ")" : "";
        throw new Unexpected(method + " " + base.resolve(path) + " answered " + answer.status()
                + (detail.isEmpty() ? "" : ": " + detail) + hint);
    }

    private Answer send(String method, String path, HttpRequest.BodyPublisher body)
            throws Unexpected, InterruptedException {
        URI uri = base.resolve(path);
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .method(method, body);
            Optional<String> header;
            try {
                header = authorization.header();
            } catch (IOException e) {
                throw new Unexpected("No access token for " + method + " " + uri + ": " + e.getMessage());
            }
            if (header.isPresent()) {
                request.header("Authorization", header.get());
            }
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), json(response.body()));
        } catch (IOException e) {
            throw new Unexpected(method + " " + uri + " got no answer: " + e);
        }
    }

    private static JsonNode json(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return EventJson.mapper().readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
