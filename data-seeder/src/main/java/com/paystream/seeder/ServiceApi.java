package com.paystream.seeder;

import com.fasterxml.jackson.databind.JsonNode;
import com.paystream.events.EventJson;

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
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final String name;
    private final URI base;
    private final Optional<String> authorization;
    private final String credentialsHint;

    ServiceApi(String name, URI base) {
        this(name, base, Optional.empty());
    }

    /** Every request signed in as {@code operator} ({@code login:password}, HTTP basic) when there is one. */
    ServiceApi(String name, URI base, Optional<String> operator) {
        this(name, base, operator,
                "SEEDER_OPERATOR must be the login:password of an operator with the role this needs");
    }

    /** Signed in as {@code credentials} when given; {@code credentialsHint} is said when refused (401, 403). */
    ServiceApi(String name, URI base, Optional<String> credentials, String credentialsHint) {
        this.name = name;
        this.base = base;
        this.authorization = credentials.map(value -> "Basic " + Base64.getEncoder()
                .encodeToString(value.getBytes(StandardCharsets.UTF_8)));
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
            authorization.ifPresent(value -> request.header("Authorization", value));
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
