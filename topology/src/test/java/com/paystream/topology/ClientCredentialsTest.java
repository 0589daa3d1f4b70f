package com.paystream.topology;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A program's token by client credentials, against an identity provider played by a local HTTP server. */
class ClientCredentialsTest {
    private HttpServer server;
    private URI issuer;
    private final AtomicInteger issued = new AtomicInteger();
    private final AtomicReference<String> lastAuthorization = new AtomicReference<>();

    @BeforeEach
    void identityProvider() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/realms/paystream");
        server.createContext("/realms/paystream/.well-known/openid-configuration", exchange -> {
            byte[] body = ("{\"token_endpoint\":\"" + issuer + "/protocol/openid-connect/token\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/realms/paystream/protocol/openid-connect/token", exchange -> {
            lastAuthorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            boolean known = ("Basic " + Base64.getEncoder().encodeToString("data-seeder:s3cret".getBytes(
                    StandardCharsets.UTF_8))).equals(lastAuthorization.get());
            byte[] body = (known ? "{\"access_token\":\"token-" + issued.incrementAndGet() + "\",\"expires_in\":300}"
                    : "{\"error\":\"unauthorized_client\",\"error_description\":\"Invalid client credentials\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(known ? 200 : 401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void theClientSignsInWithItsIdAndSecretAndGetsABearerToken() throws Exception {
        assertThat(new ClientCredentials(issuer, "data-seeder", "s3cret").authorization()).isEqualTo("Bearer token-1");
    }

    @Test
    void aTokenIsReusedUntilShortlyBeforeItExpires() throws Exception {
        MovableClock clock = new MovableClock();
        ClientCredentials credentials = new ClientCredentials(issuer, "data-seeder", () -> "s3cret", clock);
        credentials.authorization();
        clock.now = clock.now.plusSeconds(200);
        assertThat(credentials.authorization()).isEqualTo("Bearer token-1");
        clock.now = clock.now.plusSeconds(80);
        assertThat(credentials.authorization()).isEqualTo("Bearer token-2");
    }

    @Test
    void aRefusedClientIsAnErrorSayingWhichClientAndWhy() {
        assertThatThrownBy(() -> new ClientCredentials(issuer, "data-seeder", "wrong").authorization())
                .hasMessageContaining("data-seeder").hasMessageContaining("401")
                .hasMessageContaining("Invalid client credentials");
    }

    private static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-12-06T10:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
