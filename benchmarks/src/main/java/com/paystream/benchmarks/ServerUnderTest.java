package com.paystream.benchmarks;

import com.paystream.benchmarks.BenchmarkOptions.ServerMode;
import com.paystream.emulator.EventStoreEmulator;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The server the load goes to: an emulator process we start, an emulator in this JVM, or a server already running. */
interface ServerUnderTest extends AutoCloseable {

    String connectionString();

    /** What was measured, for the report. */
    String description();

    @Override
    void close();

    static ServerUnderTest external(String connection) {
        return new ServerUnderTest() {
            @Override
            public String connectionString() {
                return connection;
            }

            @Override
            public String description() {
                return "already running server at " + connection;
            }

            @Override
            public void close() {
            }
        };
    }

    static ServerUnderTest inProcess(ServerMode mode) throws IOException {
        Path data = Files.createTempDirectory("emulator-benchmark-");
        EventStoreEmulator emulator = (mode == ServerMode.DURABLE ? EventStoreEmulator.durable(data)
                : EventStoreEmulator.inMemory()).start();
        return new ServerUnderTest() {
            @Override
            public String connectionString() {
                return "kurrentdb://127.0.0.1:" + emulator.port() + "?tls=false";
            }

            @Override
            public String description() {
                return "emulator in the benchmark's JVM, " + (mode == ServerMode.DURABLE ? "durable in " + data : "in memory");
            }

            @Override
            public void close() {
                emulator.close();
                deleteRecursively(data);
            }
        };
    }

    /** Starts {@code java -jar <jar>} on a free loopback port and waits until {@code GET /health/live} answers 204. */
    static ServerUnderTest process(Path jar, ServerMode mode, List<String> javaOptions)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no emulator jar at " + jar.toAbsolutePath() + ": build it with "
                    + "./mvnw -B -q -ntp package -DskipTests -pl benchmarks -am, or pass --emulator-jar");
        }
        Path work = Files.createTempDirectory("emulator-benchmark-");
        Path data = work.resolve("data");
        Path log = work.resolve("emulator.log");
        int port = freeLoopbackPort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOptions);
        command.addAll(List.of("-jar", jar.toString(), "--host", "127.0.0.1", "--port", Integer.toString(port)));
        command.addAll(mode == ServerMode.DURABLE ? List.of("--data", data.toString()) : List.of("--memory"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Thread killOnExit = new Thread(process::destroyForcibly, "kill-emulator");
        Runtime.getRuntime().addShutdownHook(killOnExit);
        ServerUnderTest server = new ServerUnderTest() {
            @Override
            public String connectionString() {
                return "kurrentdb://127.0.0.1:" + port + "?tls=false";
            }

            @Override
            public String description() {
                return "emulator process (pid " + process.pid() + "), "
                        + (mode == ServerMode.DURABLE ? "durable in " + data : "in memory") + ", " + String.join(" ", command.subList(1, command.size()));
            }

            @Override
            public void close() {
                process.destroy();
                try {
                    if (!process.waitFor(15, TimeUnit.SECONDS)) {
                        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                    }
                } catch (InterruptedException e) {
                    process.destroyForcibly();
                    Thread.currentThread().interrupt();
                }
                try {
                    Runtime.getRuntime().removeShutdownHook(killOnExit);
                } catch (IllegalStateException shuttingDown) {
                    // the hook runs anyway
                }
                deleteRecursively(work);
            }
        };
        try {
            awaitLive(process, port, log);
            return server;
        } catch (RuntimeException | InterruptedException e) {
            server.close();
            throw e;
        }
    }

    private static void awaitLive(Process process, int port, Path log) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/live"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the emulator exited with " + process.exitValue() + ":\n" + tail(log));
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 204) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the emulator did not answer /health/live within 30 s:\n" + tail(log));
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            System.err.println("benchmarks: cannot delete " + root + ": " + e.getMessage());
        }
    }
}
