package com.paystream.infrastructure.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Another service, stood in for by a local HTTP server: it answers the paths it is given and records every call with
 * its {@code Authorization} header (so a test can see which token came with it) and its body.
 */
public final class StandIn implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One call as it arrived. */
    public record Call(String method, String path, String correlationId, String authorization, String body) {
        /** The claims of the bearer token the call carried (not checked here: the service stood in for checks it). */
        public JsonNode tokenClaims() {
            if (authorization == null || !authorization.startsWith("Bearer ")) {
                throw new AssertionError(method + " " + path + " carried no bearer token: " + authorization);
            }
            String[] parts = authorization.substring("Bearer ".length()).split("\\.");
            try {
                return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            } catch (IOException | RuntimeException e) {
                throw new AssertionError("Not a JWT: " + authorization, e);
            }
        }
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    private StandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A stand-in on a free port of the loopback address, answering nothing yet (404). */
    public static StandIn start() {
        StandIn standIn = new StandIn();
        standIn.server.start();
        return standIn;
    }

    /** Answers every call under {@code pathPrefix} with {@code status} and the JSON made from the call. */
    public StandIn answer(String pathPrefix, int status, Function<Call, String> json) {
        server.createContext(pathPrefix, exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Call call = new Call(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("X-Correlation-Id"),
                    exchange.getRequestHeaders().getFirst("Authorization"), new String(body, StandardCharsets.UTF_8));
            calls.add(call);
            respond(exchange, status, json.apply(call));
        });
        return this;
    }

    /** Its address, {@code http://127.0.0.1:port}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The calls made to {@code path} so far. */
    public List<Call> callsTo(String path) {
        return calls.stream().filter(call -> call.path().equals(path)).toList();
    }

    /** Sends {@code json} with {@code status}. */
    public static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
