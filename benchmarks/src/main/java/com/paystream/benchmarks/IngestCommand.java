package com.paystream.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.paystream.topology.ClientCredentials;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * {@code java -jar benchmarks/target/benchmarks.jar ingest [options]}: the rate at which the running suite takes a
 * Bacs Standard 18 file. The scheme simulator makes a file (its sample, which takes a serial number of its own), the
 * benchmark uploads it to payment-scheme-service as the scheme does, and prints how long the upload took (the two
 * readings and every payment made) and the payments made a second; with {@code --until completed}, also how long until
 * every payment of the file has ended (completed, returned, failed or held). Exit status 0 when the file was taken, 1
 * when not, 2 on a usage error.
 */
final class IngestCommand {
    static final String USAGE = """
            usage: java -jar benchmarks/target/benchmarks.jar ingest [options]
              --records N           credit records in the file (default 100000)
              --originators N       originators' groups the credits are spread over (default 5)
              --until completed     also wait until every payment of the file has ended
              --settle-seconds N    how long to wait for that (default 1800)
              --scheme URL          payment-scheme-service (default http://localhost:8081)
              --simulator URL       scheme-simulator (default http://localhost:8084)
            Calls the services as the identity provider's client load-benchmark (role scheme): its secret from
            PAYSTREAM_LOAD_CLIENT_SECRET or run.sh's data folder (keycloak.credentials).""";
    private static final Set<String> ENDED = Set.of("COMPLETED", "RETURNED", "FAILED", "HELD");
    private static final ObjectMapper JSON = new ObjectMapper();

    private IngestCommand() {
    }

    static int run(List<String> args) {
        int records = 100_000;
        int originators = 5;
        boolean untilCompleted = false;
        int settleSeconds = 1800;
        URI scheme = URI.create("http://localhost:8081");
        URI simulator = URI.create("http://localhost:8084");
        try {
            for (int i = 0; i < args.size(); i++) {
                String option = args.get(i);
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException(option + " needs a value");
                }
                String value = args.get(++i);
                switch (option) {
                    case "--records" -> records = BenchmarkOptions.positive(option, value);
                    case "--originators" -> originators = BenchmarkOptions.positive(option, value);
                    case "--until" -> {
                        if (!value.equals("completed")) {
                            throw new IllegalArgumentException("--until takes 'completed'");
                        }
                        untilCompleted = true;
                    }
                    case "--settle-seconds" -> settleSeconds = BenchmarkOptions.positive(option, value);
                    case "--scheme" -> scheme = URI.create(value);
                    case "--simulator" -> simulator = URI.create(value);
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("benchmarks: " + e.getMessage());
            System.err.println(USAGE);
            return 2;
        }
        ClientCredentials client = SuiteStore.client(SuiteStore.runShData(Path.of("")));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        Path file = null;
        try {
            file = Files.createTempFile("paystream-ingest-", ".s18");
            long start = System.nanoTime();
            HttpResponse<Path> made = http.send(HttpRequest.newBuilder(simulator.resolve(
                            "/simulator/inbound-files/sample?credits=" + records + "&originators=" + originators))
                    .header("Authorization", client.authorization()).timeout(Duration.ofMinutes(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofFile(file));
            if (made.statusCode() != 200) {
                System.err.println("benchmarks: ingest: the simulator made no file: HTTP " + made.statusCode());
                return 1;
            }
            double makeSeconds = seconds(start);
            String correlationId = "INGEST-" + UUID.randomUUID();
            start = System.nanoTime();
            HttpResponse<String> taken = http.send(HttpRequest.newBuilder(scheme.resolve("/inbound-files"))
                    .header("Authorization", client.authorization()).header("Content-Type", "text/plain")
                    .header("X-Correlation-Id", correlationId).timeout(Duration.ofMinutes(30))
                    .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
            double uploadSeconds = seconds(start);
            if (taken.statusCode() != 201 && taken.statusCode() != 200) {
                System.err.println("benchmarks: ingest: the file was refused: HTTP " + taken.statusCode() + " "
                        + taken.body());
                return 1;
            }
            JsonNode answer = JSON.readTree(taken.body());
            long created = answer.path("paymentsCreated").asLong();
            System.out.printf(Locale.ROOT, "file %s: %,d credit records (%,d bytes), made by the simulator in %.1f s%n",
                    answer.path("file").path("serialNumber").asText(), records, Files.size(file), makeSeconds);
            System.out.printf(Locale.ROOT, "upload, checks and payments: %.1f s; %,d payments created, %,.0f a second%n",
                    uploadSeconds, created, created / uploadSeconds);
            if (untilCompleted) {
                return awaitEnded(http, client, scheme, correlationId, created, settleSeconds, start);
            }
            return 0;
        } catch (IOException e) {
            System.err.println("benchmarks: ingest: " + Measurements.describe(e));
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    file.toFile().deleteOnExit();
                }
            }
        }
    }

    /** Polls the payments' counts (by the upload's correlation id) until every one has ended. */
    private static int awaitEnded(HttpClient http, ClientCredentials client, URI scheme, String correlationId,
                                  long payments, int settleSeconds, long uploadStart)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + settleSeconds * 1_000_000_000L;
        URI counts = scheme.resolve("/payments/counts?correlationId="
                + URLEncoder.encode(correlationId, StandardCharsets.UTF_8));
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(counts)
                    .header("Authorization", client.authorization()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode byStatus = JSON.readTree(response.body()).path("byStatus");
            long ended = 0;
            for (String status : ENDED) {
                ended += byStatus.path(status).asLong();
            }
            if (ended >= payments) {
                System.out.printf(Locale.ROOT, "every payment ended %.1f s after the upload began (%,.0f a second): "
                        + "%s%n", seconds(uploadStart), payments / seconds(uploadStart), byStatus);
                return 0;
            }
            Thread.sleep(2_000);
        }
        System.err.println("benchmarks: ingest: not every payment ended within " + settleSeconds + " s");
        return 1;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
