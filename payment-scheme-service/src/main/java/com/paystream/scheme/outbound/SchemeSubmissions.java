package com.paystream.scheme.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.paystream.events.EventJson;
import com.paystream.events.OutboundPaymentDetails;
import com.paystream.infrastructure.security.ServiceTokens;
import com.paystream.infrastructure.subscription.TransientFailure;
import com.paystream.scheme.config.SchemeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Submits outbound payments to the scheme over HTTP ({@code POST /simulator/outbound-payments}). The scheme is
 * idempotent on the transaction id, so a retried submission is one payment. Each submission carries this service's own
 * access token (role {@code bank-gateway}). No answer, a server error, no token to be had, or the scheme refusing the
 * token (401 / 403: a fault of set-up, not of the payment) is a transient failure (retried, then parked for a replay);
 * any other 4xx is the scheme refusing the payment.
 */
@ApplicationScoped
public class SchemeSubmissions {
    private final HttpClient http;
    private final URI submissions;
    private final Duration timeout;
    private final ServiceTokens tokens;

    @Inject
    public SchemeSubmissions(SchemeConfig config, ServiceTokens tokens) {
        this.tokens = tokens;
        this.timeout = config.outbound().requestTimeout();
        this.submissions = config.outbound().schemeUrl().resolve("/simulator/outbound-payments");
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** Accepted, or refused with the scheme's reason. */
    public record Answer(boolean accepted, String detail) {
    }

    public Answer submit(String paymentId, String schemeTransactionId, OutboundPaymentDetails details) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("schemeTransactionId", schemeTransactionId);
        body.put("paymentId", paymentId);
        body.put("originator", details.originator());
        body.put("beneficiary", details.beneficiary());
        body.put("amount", details.amount());
        body.put("reference", details.reference());
        String authorization;
        try {
            authorization = tokens.authorization();
        } catch (ServiceTokens.TokenUnavailableException e) {
            throw new TransientFailure("Not submitted " + paymentId + " to the scheme: " + e.getMessage(), e);
        }
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(submissions).timeout(timeout)
                    .header("Content-Type", "application/json").header("X-Correlation-Id", paymentId)
                    .header("Authorization", authorization)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(EventJson.mapper().writeValueAsBytes(body)))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TransientFailure("The scheme did not answer the submission of " + paymentId + " at "
                    + submissions + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientFailure("Interrupted while submitting " + paymentId);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new Answer(true, null);
        }
        if (status >= 500) {
            throw new TransientFailure("The scheme answered " + status + " to the submission of " + paymentId);
        }
        if (status == 401 || status == 403) {
            throw new TransientFailure("The scheme refused this service's access token (HTTP " + status
                    + ") for the submission of " + paymentId + ": " + detail(response.body()));
        }
        return new Answer(false, "HTTP " + status + ": " + detail(response.body()));
    }

    private static String detail(String body) {
        try {
            JsonNode json = EventJson.mapper().readTree(body);
            return json.path("detail").asText(json.path("title").asText(body));
        } catch (IOException e) {
            return body;
        }
    }
}
