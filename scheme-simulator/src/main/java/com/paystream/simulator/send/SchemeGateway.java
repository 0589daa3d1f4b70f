package com.paystream.simulator.send;

import com.fasterxml.jackson.databind.JsonNode;
import com.paystream.events.EventJson;
import com.paystream.events.InboundPaymentDetails;
import com.paystream.infrastructure.security.ServiceTokens;
import com.paystream.simulator.config.SimulatorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Delivers inbound payments to the bank's scheme gateway ({@code POST /inbound-payments}) over HTTP, with the scheme's
 * own access token (role {@code scheme}). No token to be had is a failure to deliver, as no answer is.
 */
@ApplicationScoped
public class SchemeGateway {
    private static final Logger LOG = Logger.getLogger(SchemeGateway.class);
    private final HttpClient http;
    private final URI inboundPayments;
    private final Duration timeout;
    private final ServiceTokens tokens;

    @Inject
    public SchemeGateway(SimulatorConfig config, ServiceTokens tokens) {
        this.tokens = tokens;
        this.timeout = config.requestTimeout();
        this.inboundPayments = config.paymentSchemeUrl().resolve("/inbound-payments");
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** What came back: an answer (any HTTP status below 500) or a failure to deliver. */
    public record Outcome(int httpStatus, String paymentId, String problemType, String detail, String failure) {
        static Outcome failed(String failure) {
            return new Outcome(0, null, null, null, failure);
        }

        public boolean delivered() {
            return failure == null;
        }
    }

    public Outcome deliver(InboundPaymentDetails details, String correlationId) {
        String authorization;
        try {
            authorization = tokens.authorization();
        } catch (ServiceTokens.TokenUnavailableException e) {
            return Outcome.failed("Not delivered to " + inboundPayments + ": " + e.getMessage());
        }
        HttpResponse<String> response;
        try {
            // the gateway's request has the shape of the published details
            byte[] body = EventJson.mapper().writeValueAsBytes(details);
            response = http.send(HttpRequest.newBuilder(inboundPayments).timeout(timeout)
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .header("X-Correlation-Id", correlationId).header("Authorization", authorization)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return Outcome.failed("No answer from " + inboundPayments + ": " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failed("Interrupted while delivering to " + inboundPayments);
        }
        Optional<JsonNode> json = parse(response.body());
        if (response.statusCode() >= 500) {
            return Outcome.failed("HTTP " + response.statusCode() + " from " + inboundPayments
                    + json.map(node -> ": " + node.path("detail").asText("")).orElse(""));
        }
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            LOG.warnf("The bank refused the scheme's own token (HTTP %d) for %s: check the simulator's client at the "
                    + "identity provider", response.statusCode(), correlationId);
        }
        return new Outcome(response.statusCode(), text(json, "paymentId"), text(json, "type"),
                text(json, "detail"), null);
    }

    private static String describe(IOException e) {
        return e.getMessage() != null ? e.getClass().getSimpleName() + " " + e.getMessage()
                : e.getClass().getSimpleName();
    }

    private static Optional<JsonNode> parse(String body) {
        try {
            return body == null || body.isBlank() ? Optional.empty()
                    : Optional.of(EventJson.mapper().readTree(body));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String text(Optional<JsonNode> json, String field) {
        return json.map(node -> node.get(field)).filter(JsonNode::isTextual).map(JsonNode::asText).orElse(null);
    }
}
