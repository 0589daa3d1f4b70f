package com.paystream.scheme.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.paystream.events.EventJson;
import com.paystream.events.OutboundPaymentDetails;
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
 * idempotent on the transaction id, so a retried submission is one payment. No answer, or a server error, is a
 * transient failure (retried); a 4xx is the scheme refusing the payment.
 */
@ApplicationScoped
public class SchemeSubmissions {
    private final HttpClient http;
    private final URI submissions;
    private final Duration timeout;

    @Inject
    public SchemeSubmissions(SchemeConfig config) {
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
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(submissions).timeout(timeout)
                    .header("Content-Type", "application/json").header("X-Correlation-Id", paymentId)
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
