package com.paystream.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The whole suite of a checkout of this repository (at any commit) started by its one-command start
 * ({@code ./run.sh --memory --instances N}, in the checkout) in a fresh in-memory store, on the default ports; stopped
 * (SIGTERM, as Ctrl-C) when closed.
 */
final class SuiteProcess implements AutoCloseable {
    private static final List<Integer> PORTS = List.of(8081, 8082, 8083, 8084);
    private final Process process;
    private final Path log;

    private SuiteProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts the suite of {@code checkout} with its data (passwords, Keycloak's database, logs) in {@code data}, and
     * its store's admin password.
     */
    static SuiteProcess start(Path checkout, int instances, Path data, String storeAdminPassword) throws Exception {
        Path log = data.resolve("run.sh.log");
        ProcessBuilder builder = new ProcessBuilder("./run.sh", "--memory", "--instances",
                Integer.toString(instances)).directory(checkout.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("PAYSTREAM_DATA", data.toString());
        builder.environment().put(SuiteStore.ADMIN_PASSWORD_VARIABLE, storeAdminPassword);
        SuiteProcess suite = new SuiteProcess(builder.start(), log);
        List<Integer> ports = new ArrayList<>(PORTS);
        for (int k = 2; k <= instances; k++) {
            for (int port : List.of(8081, 8082, 8083)) {
                ports.add(port + 100 * (k - 1));
            }
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        for (int port : ports) {
            while (!ready(http, port)) {
                if (!suite.process.isAlive()) {
                    throw new IllegalStateException("./run.sh stopped while starting; see " + log);
                }
                if (System.nanoTime() > deadline) {
                    suite.close();
                    throw new IllegalStateException("the suite did not start in 4 minutes; see " + log);
                }
                Thread.sleep(250);
            }
        }
        // the seeder runs once the services are up: wait for its line
        while (!Files.readString(log).contains("[run.sh] ready")) {
            if (!suite.process.isAlive() || System.nanoTime() > deadline) {
                suite.close();
                throw new IllegalStateException("the suite did not get ready; see " + log);
            }
            Thread.sleep(250);
        }
        return suite;
    }

    private static boolean ready(HttpClient http, int port) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    Path log() {
        return log;
    }

    /** The JVMs this suite runs (and the load generator). */
    SuiteJvms jvms() {
        return SuiteJvms.startedBy(process.toHandle());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
