package com.paystream.benchmarks;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryTest {
    private final AtomicInteger calls = new AtomicInteger();
    private HttpServer server;
    private int unavailableAnswers;

    @BeforeEach
    void startGateway() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/inbound-payments", exchange -> {
            int call = calls.incrementAndGet();
            int status = call <= unavailableAnswers ? 503 : 202;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopGateway() {
        server.stop(0);
    }

    private HttpRequest delivery() {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort()
                + "/inbound-payments")).POST(HttpRequest.BodyPublishers.ofString("{}")).build();
    }

    @Test
    void aDeliveryAnsweredUnavailableIsSentAgainUntilItIsTaken() throws Exception {
        unavailableAnswers = 2;

        int status = new Delivery(HttpClient.newHttpClient(), 5, Duration.ofMillis(10)).send(delivery())
                .get(10, TimeUnit.SECONDS).statusCode();

        assertThat(status).isEqualTo(202);
        assertThat(calls).hasValue(3);
    }

    @Test
    void aDeliveryStillUnavailableAfterEveryAttemptAnswersTheLastAnswer() throws Exception {
        unavailableAnswers = 10;

        int status = new Delivery(HttpClient.newHttpClient(), 3, Duration.ofMillis(10)).send(delivery())
                .get(10, TimeUnit.SECONDS).statusCode();

        assertThat(status).isEqualTo(503);
        assertThat(calls).hasValue(3);
    }

    @Test
    void aDeliveryTakenAtOnceIsSentOnce() throws Exception {
        new Delivery(HttpClient.newHttpClient(), 5, Duration.ofMillis(10)).send(delivery()).get(10, TimeUnit.SECONDS);

        assertThat(calls).hasValue(1);
    }
}
