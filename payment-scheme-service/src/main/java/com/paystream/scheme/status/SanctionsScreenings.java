package com.paystream.scheme.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.paystream.events.EventJson;
import com.paystream.infrastructure.security.ServiceTokens;
import com.paystream.scheme.config.SchemeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Asks sanctions-service for a payment's screening ({@code GET /screenings/{id}}): the decision with every match and
 * score, and the operator's release or reject. The screening streams are private to sanctions-service. The request
 * carries this service's own access token (role {@code auditor}); no token to be had is, like no answer, a note.
 */
@ApplicationScoped
public class SanctionsScreenings {
    private final HttpClient http;
    private final URI sanctions;
    private final Duration timeout;
    private final ServiceTokens tokens;

    /** The screening as sanctions-service shows it, or why there is none to show. */
    public record Answer(JsonNode screening, String note) {
    }

    @Inject
    public SanctionsScreenings(SchemeConfig config, ServiceTokens tokens) {
        this.tokens = tokens;
        this.sanctions = config.sanctions().url();
        this.timeout = config.sanctions().requestTimeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    public Answer of(String paymentId) {
        URI uri = sanctions.resolve("/screenings/" + URLEncoder.encode(paymentId, StandardCharsets.UTF_8));
        String authorization;
        try {
            authorization = tokens.authorization();
        } catch (ServiceTokens.TokenUnavailableException e) {
            return new Answer(null, "sanctions-service was not asked: " + e.getMessage());
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json")
                    .header("Authorization", authorization).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            return new Answer(null, "sanctions-service did not answer at " + uri + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(null, "interrupted while asking sanctions-service");
        }
        if (response.statusCode() == 404) {
            return new Answer(null, "not screened");
        }
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            return new Answer(null, "sanctions-service refused this service's access token (HTTP "
                    + response.statusCode() + ")");
        }
        if (response.statusCode() != 200) {
            return new Answer(null, "sanctions-service answered HTTP " + response.statusCode());
        }
        try {
            return new Answer(EventJson.mapper().readTree(response.body()), null);
        } catch (IOException e) {
            return new Answer(null, "sanctions-service answered something that is not JSON");
        }
    }
}
