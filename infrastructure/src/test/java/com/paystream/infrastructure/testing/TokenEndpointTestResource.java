package com.paystream.infrastructure.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The identity provider's token endpoint, for a service under test that calls other services with its own token
 * (client credentials): it checks the client id and secret the service is configured with and answers a token signed
 * by {@link TestTokens} with the roles given as {@code roles} (comma-separated). Turns the service's OIDC client on.
 */
public class TokenEndpointTestResource implements QuarkusTestResourceLifecycleManager {
    public static final String CLIENT_ID = "service-under-test";
    private static final String SECRET = "test-client-secret";
    /** How many tokens the endpoint has issued (a service should reuse its token, not fetch one per call). */
    public static final AtomicInteger ISSUED = new AtomicInteger();
    private HttpServer server;
    private String[] roles = new String[0];

    @Override
    public void init(Map<String, String> initArgs) {
        String given = initArgs.getOrDefault("roles", "");
        roles = given.isBlank() ? new String[0] : given.split(",");
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/token", this::token);
        server.start();
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.oidc-client.client-enabled", "true");
        config.put("quarkus.oidc-client.auth-server-url", "http://127.0.0.1:" + server.getAddress().getPort());
        config.put("quarkus.oidc-client.discovery-enabled", "false");
        config.put("quarkus.oidc-client.token-path", "/token");
        config.put("quarkus.oidc-client.client-id", CLIENT_ID);
        config.put("quarkus.oidc-client.credentials.secret", SECRET);
        return config;
    }

    private void token(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> form = new HashMap<>();
        Arrays.stream(body.split("&")).map(pair -> pair.split("=", 2)).filter(pair -> pair.length == 2)
                .forEach(pair -> form.put(pair[0], URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
        String basic = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + SECRET)
                .getBytes(StandardCharsets.UTF_8));
        boolean authenticated = basic.equals(exchange.getRequestHeaders().getFirst("Authorization"))
                || (CLIENT_ID.equals(form.get("client_id")) && SECRET.equals(form.get("client_secret")));
        if (!authenticated || !"client_credentials".equals(form.get("grant_type"))) {
            StandIn.respond(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        ISSUED.incrementAndGet();
        StandIn.respond(exchange, 200, "{\"access_token\":\"" + TestTokens.token(CLIENT_ID, roles)
                + "\",\"token_type\":\"Bearer\",\"expires_in\":300}");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
