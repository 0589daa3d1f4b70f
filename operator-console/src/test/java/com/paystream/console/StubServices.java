package com.paystream.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * Stands in for the services behind the console: one HTTP server that records every call and answers as a service
 * would ({@code /sanctions-refuses/...} with a 401 and {@code WWW-Authenticate}, anything else with 200 and JSON, and
 * a next page's {@code Link} when asked for a {@code limit}; {@code .../changes} with one server-sent event, then
 * nothing but comments for half a minute).
 * The simulator's address is a port nobody listens on.
 */
public class StubServices implements QuarkusTestResourceLifecycleManager {
    record Call(String method, String uri, String authorization, String contentType, String cookie, String body) {
    }

    static final List<Call> CALLS = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", StubServices::answer);
        server.setExecutor(Executors.newCachedThreadPool()); // a stream open does not hold up the other calls
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("console.payment-scheme-url", base, "console.sanctions-url", base + "/sanctions-refuses",
                "console.accounts-url", base, "console.simulator-url", "http://127.0.0.1:" + closedPort());
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        CALLS.add(new Call(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Content-Type"), exchange.getRequestHeaders().getFirst("Cookie"),
                body));
        byte[] answer;
        if (exchange.getRequestURI().getPath().startsWith("/sanctions-refuses/")) {
            answer = "{\"type\":\"urn:paystream:problem:unauthenticated\",\"status\":401}".getBytes(
                    StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
            exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer");
            exchange.sendResponseHeaders(401, answer.length);
        } else if (exchange.getRequestURI().getPath().endsWith("/changes")) {
            streamEvents(exchange);
            return;
        } else {
            answer = ("{\"seen\":\"" + exchange.getRequestURI() + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            if (exchange.getRequestURI().getQuery() != null && exchange.getRequestURI().getQuery().contains("limit=")) {
                exchange.getResponseHeaders().add("Link", "</payments?limit=1&before=p1>; rel=\"next\"");
            }
            exchange.sendResponseHeaders(200, answer.length);
        }
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    /** One event, then a comment every half second for half a minute, or until the listener goes. */
    private static void streamEvents(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (var out = exchange.getResponseBody()) {
            out.write(("data: {\"seen\":\"" + exchange.getRequestURI() + "\"}\n\n").getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 60; i++) {
                out.flush();
                Thread.sleep(500);
                out.write(": still here\n\n".getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException gone) {
            // the listener went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
