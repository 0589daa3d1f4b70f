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
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Delivers inbound payments to the bank's scheme gateway ({@code POST /inbound-payments}) and Standard 18 files
 * ({@code POST /inbound-files}) over HTTP, with the scheme's own access token (role {@code scheme}). No token to be had is a failure to deliver, as no answer is.
 */
@ApplicationScoped
public class SchemeGateway {
    private static final Logger LOG = Logger.getLogger(SchemeGateway.class);
    private final HttpClient http;
    private final URI inboundPayments;
    private final URI inboundFiles;
    private final Duration timeout;
    private final Duration fileTimeout;
    private final ServiceTokens tokens;

    @Inject
    public SchemeGateway(SimulatorConfig config, ServiceTokens tokens) {
        this.tokens = tokens;
        this.timeout = config.requestTimeout();
        this.fileTimeout = config.files().uploadTimeout();
        this.inboundPayments = config.paymentSchemeUrl().resolve("/inbound-payments");
        this.inboundFiles = config.paymentSchemeUrl().resolve("/inbound-files");
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
        byte[] body;
        try {
            // the gateway's request has the shape of the published details
            body = EventJson.mapper().writeValueAsBytes(details);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the payment as JSON", e);
        }
        Answer answer = post(inboundPayments, "application/json", HttpRequest.BodyPublishers.ofByteArray(body),
                correlationId, timeout);
        if (answer.failure() != null) {
            return Outcome.failed(answer.failure());
        }
        return new Outcome(answer.status(), text(answer.json(), "paymentId"), text(answer.json(), "type"),
                text(answer.json(), "detail"), null);
    }

    /** What came back from a file upload: an answer (any HTTP status below 500) or a failure to deliver. */
    public record FileOutcome(int httpStatus, String outcome, Long paymentsCreated, String problemType, String detail,
                              String failure) {
        public boolean delivered() {
            return failure == null;
        }
    }

    /** Uploads a Standard 18 file ({@code POST /inbound-files}, text/plain), streamed from {@code file}. */
    public FileOutcome upload(Path file, String correlationId) {
        HttpRequest.BodyPublisher body;
        try {
            body = HttpRequest.BodyPublishers.ofFile(file);
        } catch (IOException e) {
            return new FileOutcome(0, null, null, null, null, "The file to send is missing: " + e.getMessage());
        }
        Answer answer = post(inboundFiles, "text/plain", body, correlationId, fileTimeout);
        if (answer.failure() != null) {
            return new FileOutcome(0, null, null, null, null, answer.failure());
        }
        Long created = answer.json().map(node -> node.get("paymentsCreated")).filter(JsonNode::isNumber)
                .map(JsonNode::asLong).orElse(null);
        return new FileOutcome(answer.status(), text(answer.json(), "outcome"), created, text(answer.json(), "type"),
                text(answer.json(), "detail"), null);
    }

    private record Answer(int status, Optional<JsonNode> json, String failure) {
        static Answer failed(String failure) {
            return new Answer(0, Optional.empty(), failure);
        }
    }

    private Answer post(URI target, String contentType, HttpRequest.BodyPublisher body, String correlationId,
                        Duration wait) {
        String authorization;
        try {
            authorization = tokens.authorization();
        } catch (ServiceTokens.TokenUnavailableException e) {
            return Answer.failed("Not delivered to " + target + ": " + e.getMessage());
        }
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(target).timeout(wait)
                    .header("Content-Type", contentType).header("Accept", "application/json")
                    .header("X-Correlation-Id", correlationId).header("Authorization", authorization)
                    .POST(body).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return Answer.failed("No answer from " + target + ": " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.failed("Interrupted while delivering to " + target);
        }
        Optional<JsonNode> json = parse(response.body());
        if (response.statusCode() >= 500) {
            return Answer.failed("HTTP " + response.statusCode() + " from " + target
                    + json.map(node -> ": " + node.path("detail").asText("")).orElse(""));
        }
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            LOG.warnf("The bank refused the scheme's own token (HTTP %d) for %s: check the simulator's client at the "
                    + "identity provider", response.statusCode(), correlationId);
        }
        return new Answer(response.statusCode(), json, null);
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
