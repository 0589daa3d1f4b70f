package com.paystream.simulator.outbound;

import com.paystream.events.EventJson;
import com.paystream.infrastructure.security.ServiceTokens;
import com.paystream.simulator.config.SimulatorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Tells the bank's gateway what became of an outbound payment: settled, or returned, with the scheme's own access
 * token (role {@code scheme}). No token to be had is, as no answer is, a notice the bank did not take (told again
 * later).
 */
@ApplicationScoped
public class BankNotifications {
    private final HttpClient http;
    private final URI bank;
    private final Duration timeout;
    private final ServiceTokens tokens;

    @Inject
    public BankNotifications(SimulatorConfig config, ServiceTokens tokens) {
        this.tokens = tokens;
        this.timeout = config.requestTimeout();
        this.bank = config.paymentSchemeUrl();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** Empty when the bank took it; otherwise why not. */
    public Optional<String> settled(String paymentId) {
        return post("/outbound-payments/" + paymentId + "/settlement", Map.of());
    }

    public Optional<String> returned(String paymentId, String reasonCode, String detail) {
        return post("/outbound-payments/" + paymentId + "/return", Map.of("reasonCode", reasonCode,
                "detail", detail));
    }

    private Optional<String> post(String path, Object body) {
        URI uri = bank.resolve(path);
        String authorization;
        try {
            authorization = tokens.authorization();
        } catch (ServiceTokens.TokenUnavailableException e) {
            return Optional.of("Not sent to " + uri + ": " + e.getMessage());
        }
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(timeout)
                    .header("Content-Type", "application/json").header("Authorization", authorization)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(EventJson.mapper().writeValueAsBytes(body)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            return status >= 200 && status < 300 ? Optional.empty()
                    : Optional.of("HTTP " + status + " from " + uri + ": " + response.body());
        } catch (IOException e) {
            return Optional.of("No answer from " + uri + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("Interrupted");
        }
    }
}
