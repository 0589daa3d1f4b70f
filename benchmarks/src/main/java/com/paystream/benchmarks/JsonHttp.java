package com.paystream.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** JSON calls to the suite's services, for a benchmark's set-up and checks (the load itself is sent elsewhere). */
final class JsonHttp {
    private final HttpClient http;
    private final Duration timeout;
    private final SuiteGeneration.Authorization authorization;

    /** Every call signed in with {@code authorization}'s header. */
    JsonHttp(HttpClient http, Duration timeout, SuiteGeneration.Authorization authorization) {
        this.http = http;
        this.timeout = timeout;
        this.authorization = authorization;
    }

    /** {@code method path} on {@code base}, with a JSON body (or none when null); any answer. */
    HttpResponse<String> send(URI base, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                .header("Accept", "application/json");
        authorization.header().ifPresent(header -> request.header("Authorization", header));
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** As {@link #send}, failing unless the answer has the {@code expected} status. */
    HttpResponse<String> expect(int expected, URI base, String method, String path, String body) throws Exception {
        HttpResponse<String> response = send(base, method, path, body);
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response;
    }
}
