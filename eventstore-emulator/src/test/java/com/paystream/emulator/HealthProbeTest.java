package com.paystream.emulator;

import io.kurrent.dbclient.ReadStreamOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static com.paystream.emulator.EmulatorExtension.newStream;
import static com.paystream.emulator.TestEvents.await;
import static com.paystream.emulator.TestEvents.json;
import static org.assertj.core.api.Assertions.assertThat;

class HealthProbeTest {
    @RegisterExtension
    static final EmulatorExtension emulator = new EmulatorExtension();

    /** Sends one plain HTTP/1.1 request to the gRPC port and returns the whole response. */
    private static String http(String method, String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", emulator.emulator().port())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write((method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            in.transferTo(response);
            return response.toString(StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void theLivenessProbeAnswers204OverPlainHttpOnTheGrpcPort() throws IOException {
        assertThat(http("GET", "/health/live")).startsWith("HTTP/1.1 204 ");
    }

    @Test
    void anUnknownPathAnswers404() throws IOException {
        assertThat(http("GET", "/no/such/thing")).startsWith("HTTP/1.1 404 ");
    }

    @Test
    void grpcKeepsWorkingOnThePortAfterProbes() throws Exception {
        http("GET", "/health/live");
        String stream = newStream("probe");

        await(emulator.client().appendToStream(stream, json("Probed")));

        assertThat(await(emulator.client().readStream(stream, ReadStreamOptions.get())).getEvents()).hasSize(1);
    }
}
