package com.paystream.emulator.tls;

import com.paystream.emulator.EventStoreEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP API on a TLS emulator's port: HTTPS only, as on a secure node. */
class TlsHttpTest {
    private static EventStoreEmulator emulator;
    private static SSLContext trustingTheCa;

    @BeforeAll
    static void startTlsEmulator() throws Exception {
        TestCertificates.Authority authority = TestCertificates.Authority.create("Paystream test CA");
        emulator = EventStoreEmulator.inMemory().authentication(true).tls(authority.issue("localhost")).start();
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        trusted.setCertificateEntry("ca", authority.certificate());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        trustingTheCa = SSLContext.getInstance("TLS");
        trustingTheCa.init(null, trust.getTrustManagers(), null);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    /** Java's HTTP client offers h2 and HTTP/1.1 over ALPN, as curl and browsers do. */
    private static HttpResponse<String> https(String method, String path, String body) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(trustingTheCa).build();
        return client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + emulator.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("admin:changeit".getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String exchange(Socket socket, String request) throws IOException {
        try (socket) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(response);
            return response.toString(StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void theLivenessProbeAnswers204OverHttps() throws Exception {
        HttpResponse<String> response = https("GET", "/health/live", null);

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
    }

    @Test
    void theUsersApiAnswersOverHttps() throws Exception {
        HttpResponse<String> created = https("POST", "/users/", "{\"loginName\":\"payments-svc\","
                + "\"fullName\":\"Payments\",\"groups\":[\"services\"],\"password\":\"s3cret-1\"}");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(https("GET", "/users/payments-svc", null).body()).contains("\"loginName\":\"payments-svc\"");
    }

    @Test
    void aClientThatDoesNotNegotiateAProtocolIsServedHttp11() throws Exception {
        SSLSocket socket = (SSLSocket) trustingTheCa.getSocketFactory().createSocket("localhost", emulator.port());

        assertThat(exchange(socket, "GET /health/live HTTP/1.1\r\nHost: localhost\r\n\r\n"))
                .startsWith("HTTP/1.1 204 ");
    }

    @Test
    void plainHttpGetsNoAnswer() throws Exception {
        String response = exchange(new Socket("localhost", emulator.port()),
                "GET /health/live HTTP/1.1\r\nHost: localhost\r\n\r\n");

        assertThat(response).doesNotContain("HTTP/1.1");
    }
}
