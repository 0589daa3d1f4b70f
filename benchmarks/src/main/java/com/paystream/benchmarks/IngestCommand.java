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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * {@code java -jar benchmarks/target/benchmarks.jar ingest [options]}: the rate at which the running suite takes a
 * Bacs Standard 18 file. The scheme simulator makes a file (its sample, which takes a serial number of its own), the
 * benchmark uploads it to payment-scheme-service as the scheme does, and prints how long the upload took (the two
 * readings and every payment made) and the payments made a second; with {@code --until completed}, also how long until
 * every payment of the file has ended (completed, returned, failed or held), then that every account's balance moved
 * by exactly what its completed payments credited, and that the same file sent again creates no payment and moves no
 * balance. Exit status 0 when the file was taken (and, with {@code --until completed}, every check held), 1 when not,
 * 2 on a usage error.
 */
final class IngestCommand {
    static final String USAGE = """
            usage: java -jar benchmarks/target/benchmarks.jar ingest [options]
              --records N           credit records in the file (default 100000)
              --originators N       originators' groups the credits are spread over (default 5)
              --until completed     also wait until every payment of the file has ended, check that each
                                    account's balance moved by what its payments credited, send the file
                                    again and check that nothing more is created or credited
              --settle-seconds N    how long to wait for that (default 1800)
              --scheme URL          payment-scheme-service (default http://localhost:8081)
              --simulator URL       scheme-simulator (default http://localhost:8084)
              --accounts-url URL    accounts-service (default http://localhost:8083)
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
        URI accounts = URI.create("http://localhost:8083");
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
                    case "--accounts-url" -> accounts = URI.create(value);
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
            Map<String, Long> balancesBefore = untilCompleted ? balances(http, client, accounts) : Map.of();
            start = System.nanoTime();
            HttpResponse<String> taken = upload(http, client, scheme, file, correlationId);
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
            if (!untilCompleted) {
                return 0;
            }
            int ended = awaitEnded(http, client, scheme, correlationId, created, settleSeconds, start);
            if (ended != 0) {
                return ended;
            }
            Map<String, Long> credited = credited(http, client, scheme, correlationId);
            if (!balancesMoveBy(http, client, accounts, balancesBefore, credited, Duration.ofSeconds(120))) {
                return 1;
            }
            HttpResponse<String> again = upload(http, client, scheme, file, "INGEST-" + UUID.randomUUID());
            long createdAgain = JSON.readTree(again.body()).path("paymentsCreated").asLong(-1);
            if (again.statusCode() != 200 || createdAgain != 0) {
                System.err.println("benchmarks: ingest: the same file again answered HTTP " + again.statusCode()
                        + " with " + createdAgain + " payments created: " + again.body());
                return 1;
            }
            Thread.sleep(10_000);
            if (!balancesMoveBy(http, client, accounts, balancesBefore, credited, Duration.ZERO)) {
                return 1;
            }
            System.out.printf(Locale.ROOT, "balances: %d accounts moved by exactly the %,d pence their completed "
                    + "payments credited; the same file sent again created no payment and moved no balance%n",
                    credited.size(), credited.values().stream().mapToLong(Long::longValue).sum());
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

    private static HttpResponse<String> upload(HttpClient http, ClientCredentials client, URI scheme, Path file,
                                               String correlationId) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(scheme.resolve("/inbound-files"))
                .header("Authorization", client.authorization()).header("Content-Type", "text/plain")
                .header("X-Correlation-Id", correlationId).timeout(Duration.ofMinutes(30))
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Every account's balance in pence, by sort code and account number, from accounts-service. */
    private static Map<String, Long> balances(HttpClient http, ClientCredentials client, URI accounts)
            throws IOException, InterruptedException {
        Map<String, Long> balances = new TreeMap<>();
        for (JsonNode account : get(http, client, accounts.resolve("/accounts")).body()) {
            balances.put(account.path("sortCode").asText() + " " + account.path("accountNumber").asText(),
                    account.path("balancePence").asLong());
        }
        return balances;
    }

    /** What the file's completed payments credited, by beneficiary, read page by page from the payments list. */
    private static Map<String, Long> credited(HttpClient http, ClientCredentials client, URI scheme,
                                              String correlationId) throws IOException, InterruptedException {
        Map<String, Long> credited = new TreeMap<>();
        forEachCompleted(http, client, scheme, correlationId, payment -> credited.merge(
                payment.path("beneficiary").path("sortCode").asText() + " "
                        + payment.path("beneficiary").path("accountNumber").asText(),
                payment.path("amount").path("minorUnits").asLong(), Long::sum));
        return credited;
    }

    private static void forEachCompleted(HttpClient http, ClientCredentials client, URI scheme, String correlationId,
                                         java.util.function.Consumer<JsonNode> each)
            throws IOException, InterruptedException {
        URI page = scheme.resolve("/payments?status=COMPLETED&limit=500&correlationId="
                + URLEncoder.encode(correlationId, StandardCharsets.UTF_8));
        while (page != null) {
            Page answer = get(http, client, page);
            answer.body().forEach(each);
            page = answer.next() == null ? null : scheme.resolve(answer.next());
        }
    }

    /**
     * Whether each account's balance is its balance before plus what was credited to it (and no other moved), waiting
     * up to {@code patience} for the ledger, which may trail the latest credits briefly; says which differ when not.
     */
    private static boolean balancesMoveBy(HttpClient http, ClientCredentials client, URI accounts,
                                          Map<String, Long> before, Map<String, Long> credited, Duration patience)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        List<String> wrong;
        do {
            Map<String, Long> now = balances(http, client, accounts);
            wrong = new ArrayList<>();
            for (Map.Entry<String, Long> account : now.entrySet()) {
                long expected = before.getOrDefault(account.getKey(), 0L)
                        + credited.getOrDefault(account.getKey(), 0L);
                if (account.getValue() != expected) {
                    wrong.add(account.getKey() + ": " + account.getValue() + " pence, expected " + expected);
                }
            }
            if (wrong.isEmpty()) {
                return true;
            }
            Thread.sleep(2_000);
        } while (System.nanoTime() < deadline);
        System.err.println("benchmarks: ingest: balances did not move by what was credited: " + wrong);
        return false;
    }

    private record Page(JsonNode body, String next) {
    }

    private static Page get(HttpClient http, ClientCredentials client, URI uri)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                .header("Authorization", client.authorization()).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + uri + " answered HTTP " + response.statusCode() + ": " + response.body());
        }
        String next = response.headers().allValues("Link").stream()
                .filter(link -> link.contains("rel=\"next\""))
                .map(link -> link.substring(link.indexOf('<') + 1, link.indexOf('>'))).findFirst().orElse(null);
        return new Page(JSON.readTree(response.body()), next);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
