package com.paystream.emulator.durability;

import com.paystream.emulator.Main;
import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.KurrentDBConnectionString;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A durable emulator in a child process on {@code data}, written to by four writers at once until at least a number
 * of writes were acknowledged, then killed with SIGKILL (as {@code kill -9}) in the middle of writing. The test then
 * starts an emulator on the same data and checks what survived.
 */
final class KilledUnderLoad {
    private static final int WRITERS = 4;

    /** One write; returns once the store acknowledged it, throws when the store is gone. */
    interface Write {
        void once(KurrentDBClient client) throws Exception;
    }

    private KilledUnderLoad() {
    }

    static KurrentDBClient clientFor(int port) {
        return KurrentDBClient.create(KurrentDBConnectionString.parseOrThrow(
                "kurrentdb://localhost:" + port + "?tls=false"));
    }

    /** Writes with {@code write} until {@code acknowledged} reaches {@code atLeast}, then kills the emulator. */
    static void writeThenKill(Path data, IntSupplier acknowledged, int atLeast, Write write) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--data", data.toString(), "--port", Integer.toString(port), "--host", "127.0.0.1")
                .redirectErrorStream(true).redirectOutput(data.resolveSibling(data.getFileName() + "-child.log")
                        .toFile()).start();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try {
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
                try (Socket ignored = new Socket("127.0.0.1", port)) {
                    return true;
                } catch (IOException e) {
                    return false;
                }
            });
            KurrentDBClient client = clientFor(port);
            AtomicBoolean running = new AtomicBoolean(true);
            for (int w = 0; w < WRITERS; w++) {
                writers.submit(() -> {
                    while (running.get()) {
                        try {
                            write.once(client);
                        } catch (Exception e) {
                            return null; // the server is gone
                        }
                    }
                    return null;
                });
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> acknowledged.getAsInt() >= atLeast);

            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            running.set(false);
            writers.shutdown();
            assertThat(writers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            client.shutdown().get();
        } finally {
            child.destroyForcibly();
            writers.shutdownNow();
        }
    }
}
