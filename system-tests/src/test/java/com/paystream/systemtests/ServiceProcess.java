package com.paystream.systemtests;

import com.paystream.topology.StoreConnection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One packaged program run as an operating-system process, its output in a log file. */
final class ServiceProcess {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final List<String> command;
    private final Path log;
    private final URI health;
    private final int healthyStatus;
    private final HttpClient probe;
    /** Set in the process's environment: secrets go there, not on its command line. */
    private final Map<String, String> environment = new HashMap<>();
    private Process process;

    private ServiceProcess(String name, List<String> command, Path log, URI health, int healthyStatus) {
        this(name, command, log, health, healthyStatus, HTTP);
    }

    private ServiceProcess(String name, List<String> command, Path log, URI health, int healthyStatus,
                           HttpClient probe) {
        this.probe = probe;
        this.name = name;
        this.command = List.copyOf(command);
        this.log = log;
        this.health = health;
        this.healthyStatus = healthyStatus;
    }

    /** A Quarkus service from {@code target/quarkus-app}, healthy when {@code /q/health/ready} answers 200. */
    static ServiceProcess quarkus(String name, Path root, Path logs, int port, List<String> properties) {
        Path jar = root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        List<String> command = new ArrayList<>(jvm());
        command.add("-Dquarkus.http.port=" + port);
        properties.forEach(property -> command.add("-D" + property));
        command.add("-jar");
        command.add(existing(jar).toString());
        return new ServiceProcess(name + "-" + port, command, logs.resolve(name + "-" + port + ".log"),
                URI.create("http://localhost:" + port + "/q/health/ready"), 200);
    }

    /** Sets an environment variable of the process (before {@link #start()}). */
    ServiceProcess withEnvironment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /**
     * The emulator, durable in {@code data}, with users and stream ACLs enforced ({@code admin} gets
     * {@code adminPassword} on a new store) and TLS only, with the node certificate in {@code certs} (as
     * {@code eventstore-emulator/make-certificates.sh} makes it), a node on each of {@code ports} (the first leads at
     * the start); healthy when {@code /health/live} answers 204.
     */
    static ServiceProcess emulator(Path root, Path logs, List<Integer> ports, Path data, String adminPassword,
                                   Path certs) {
        Path jar = root.resolve("eventstore-emulator/target/eventstore-emulator.jar");
        List<String> command = new ArrayList<>(jvm());
        command.addAll(List.of("-jar", existing(jar).toString(), "--port", String.valueOf(ports.get(0)), "--data",
                data.toString(), "--auth", "--tls", "--cert-file", certs.resolve("node.crt").toString(),
                "--key-file", certs.resolve("node.key").toString()));
        if (ports.size() > 1) {
            command.addAll(List.of("--cluster-node-ports", ports.subList(1, ports.size()).stream()
                    .map(String::valueOf).collect(java.util.stream.Collectors.joining(","))));
        }
        HttpClient trusting = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
                .sslContext(StoreConnection.trusting(certs.resolve("ca.crt"))).build();
        ServiceProcess emulator = new ServiceProcess("eventstore-emulator", command,
                logs.resolve("eventstore-emulator.log"), URI.create("https://localhost:" + ports.get(0)
                + "/health/live"), 204, trusting);
        return emulator.withEnvironment("EVENTSTORE_DEFAULT_ADMIN_PASSWORD", adminPassword);
    }

    /**
     * The data seeder keeping each consumer group's parked stream readable by its service, as {@code ./run.sh} runs
     * it; it serves no HTTP, so it is never awaited healthy. The admin's connection string goes in its environment.
     */
    static ServiceProcess parkedGrants(Path root, Path logs, String adminConnection) {
        List<String> command = new ArrayList<>(jvm());
        command.addAll(List.of("-jar", existing(root.resolve("data-seeder/target/data-seeder.jar")).toString(),
                "--keep-parked-grants"));
        return new ServiceProcess("parked-grants", command, logs.resolve("parked-grants.log"), null, 0)
                .withEnvironment("EVENTSTORE_CONNECTION_STRING", adminConnection);
    }

    static List<String> jvm() {
        // small heaps and the quick JIT tier: five JVMs share two cores; a common pool of threads for the
        // client's async stages (with under 3 processors the JDK would start a new thread for each one)
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Djava.util.concurrent.ForkJoinPool.common.parallelism=4");
    }

    static Path existing(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw verify builds every module "
                    + "before system-tests; or ./mvnw -B package -DskipTests)");
        }
        return jar;
    }

    ServiceProcess start() {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    void awaitHealthy(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                int status = probe.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == healthyStatus) {
                    return;
                }
                last = "HTTP " + status;
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(200);
        }
        throw new IllegalStateException(name + " not healthy after " + timeout + " (" + last + "); see " + log);
    }

    /** SIGKILL: no shutdown hook runs, nothing in flight is acknowledged. */
    void kill() {
        process.destroyForcibly();
        waitFor();
    }

    /**
     * SIGTERM, as an orchestrator stops a replica, then waits for the process to exit by itself; how long that took.
     * Fails when it has not exited within {@code bound} (it is then killed).
     */
    Duration stopGracefully(Duration bound) {
        long started = System.nanoTime();
        process.destroy();
        try {
            if (!process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new IllegalStateException(name + " did not stop within " + bound + " of SIGTERM; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** SIGTERM without waiting (see {@link #stop}). */
    void signalStop() {
        if (process != null && process.isAlive()) {
            process.destroy();
        }
    }

    /** The port its HTTP API listens on. */
    int port() {
        return health.getPort();
    }

    void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            waitFor();
        }
    }

    String name() {
        return name;
    }

    private void waitFor() {
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
