package com.paystream.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kurrent.dbclient.AppendToStreamOptions;
import io.kurrent.dbclient.EventData;
import io.kurrent.dbclient.EventDataBuilder;
import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.KurrentDBConnectionString;
import io.kurrent.dbclient.StreamState;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar benchmarks/target/benchmarks.jar history [options]}: how fast an account with a long history
 * answers its historical queries. Opens a fresh account through accounts-service, writes N credits to its stream,
 * then times each query over HTTP: the first call (which replays the whole history once and leaves snapshots
 * behind), then R timed calls, printing min / median / max.
 * Needs the suite running ({@code ./run.sh --memory}).
 */
final class HistoryBenchmark {
    static final String USAGE = """
            usage: java -jar benchmarks/target/benchmarks.jar history [options]   (with the suite running: ./run.sh --memory)
              --events N           credits written to the account (default 100000)
              --repeat N           timed calls per query (default 5)
              --accounts URL       accounts-service (default http://localhost:8083)
              --connection URL     the store the suite uses, as an admin (default: run.sh's, see load)""";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH = 500;
    /** The data folder of the suite run.sh runs from the current directory. */
    private static final Path DATA = SuiteStore.runShData(Path.of(""));

    private final int events;
    private final int repeat;
    private final URI accounts;
    private final String connection;
    private final JsonHttp calls = new JsonHttp(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .build(), Duration.ofMinutes(2), SuiteGeneration.SIGNED_IN.signIn(DATA).calls());

    private HistoryBenchmark(int events, int repeat, URI accounts, String connection) {
        this.events = events;
        this.repeat = repeat;
        this.accounts = accounts;
        this.connection = connection;
    }

    static HistoryBenchmark parse(List<String> args) {
        int events = 100_000;
        int repeat = 5;
        URI accounts = URI.create("http://localhost:8083");
        String connection = SuiteGeneration.SIGNED_IN.store(DATA, SuiteStore.adminPassword(DATA));
        for (int i = 0; i < args.size(); i += 2) {
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(args.get(i) + " needs a value");
            }
            String value = args.get(i + 1);
            switch (args.get(i)) {
                case "--events" -> events = BenchmarkOptions.positive("--events", value);
                case "--repeat" -> repeat = BenchmarkOptions.positive("--repeat", value);
                case "--accounts" -> accounts = URI.create(value);
                case "--connection" -> connection = value;
                default -> throw new IllegalArgumentException("unknown option " + args.get(i));
            }
        }
        return new HistoryBenchmark(events, repeat, accounts, connection);
    }

    int run() throws Exception {
        String accountNumber = ValidAccountNumbers.at608371('6', ThreadLocalRandom.current());
        HttpResponse<String> opened = send("POST", "/accounts", """
                {"sortCode":"%s","accountNumber":"%s","customerId":"C-BENCHMARK","holderName":"HISTORY BENCHMARK"}"""
                .formatted(ValidAccountNumbers.SORT_CODE, accountNumber));
        if (opened.statusCode() != 201) {
            System.err.println("benchmarks: accounts-service did not open the account: HTTP " + opened.statusCode()
                    + " " + opened.body());
            return 1;
        }
        String accountId = JSON.readTree(opened.body()).path("accountId").asText();
        Instant middle;
        Instant lastThousand;
        long started = System.nanoTime();
        KurrentDBClient client = KurrentDBClient.create(KurrentDBConnectionString.parseOrThrow(connection));
        try {
            middle = null;
            lastThousand = null;
            long balance = 0;
            for (int written = 0; written < events; ) {
                if (middle == null && written >= events / 2) {
                    middle = Instant.now();
                }
                if (lastThousand == null && written >= events - Math.min(1_000, events)) {
                    lastThousand = Instant.now();
                }
                int size = Math.min(BATCH, events - written);
                List<EventData> batch = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    balance += 100;
                    batch.add(credit(accountId, balance));
                }
                client.appendToStream("account-" + accountId, AppendToStreamOptions.get()
                        .streamState(StreamState.any()), batch.iterator()).get(60, TimeUnit.SECONDS);
                written += size;
            }
        } finally {
            client.shutdown().get(10, TimeUnit.SECONDS);
        }
        double seedSeconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "account %s: %,d credits written in %.1f s%n%n", accountId, events,
                seedSeconds);
        String account = "/accounts/" + accountId;
        List<String[]> queries = List.of(
                new String[] {"the account now", account},
                new String[] {"as of revision " + events / 2, account + "?revision=" + events / 2},
                new String[] {"as of an instant half-way", account + "?asOf=" + middle},
                new String[] {"statement of the last 1,000 credits", account + "/transactions?from=" + encode(
                        lastThousand.toString())},
                new String[] {"raw events, the last page of 100", account + "/events?from=" + (events - 99)
                        + "&limit=100"},
                new String[] {"all " + events + " transactions (ledger read model)", account + "/transactions"});
        System.out.printf("%-45s %10s %10s %10s %10s%n", "query (1st call, then " + repeat + " timed)", "1st ms",
                "min ms", "median ms", "max ms");
        int status = 0;
        for (String[] query : queries) {
            long[] millis = new long[repeat];
            if (query[1].endsWith("/transactions")) {
                awaitLedger(query[1]);
            }
            long first = System.nanoTime();
            HttpResponse<String> warm = send("GET", query[1], null);
            long firstMillis = (System.nanoTime() - first) / 1_000_000;
            if (warm.statusCode() != 200) {
                System.err.println("benchmarks: " + query[0] + ": HTTP " + warm.statusCode() + " " + warm.body());
                status = 1;
                continue;
            }
            for (int i = 0; i < repeat; i++) {
                long t = System.nanoTime();
                send("GET", query[1], null);
                millis[i] = (System.nanoTime() - t) / 1_000_000;
            }
            Arrays.sort(millis);
            System.out.printf(Locale.ROOT, "%-45s %10d %10d %10d %10d%n", query[0], firstMillis, millis[0],
                    millis[repeat / 2], millis[repeat - 1]);
        }
        return status;
    }

    /** The ledger follows the store: wait until it has every credit. */
    private void awaitLedger(String path) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = send("GET", path, null);
            if (response.statusCode() == 200 && JSON.readTree(response.body()).size() >= events) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the ledger did not catch up with " + events + " credits in 5 minutes");
    }

    private EventData credit(String accountId, long balanceAfter) {
        ObjectNode data = JSON.createObjectNode();
        data.put("accountId", accountId);
        data.put("paymentId", UUID.randomUUID().toString());
        data.putObject("amount").put("minorUnits", 100).put("currency", "GBP");
        data.putObject("balanceAfter").put("minorUnits", balanceAfter).put("currency", "GBP");
        data.put("creditedAt", Instant.now().toString());
        ObjectNode metadata = JSON.createObjectNode();
        metadata.put("$correlationId", "history-benchmark");
        metadata.put("$causationId", "history-benchmark");
        metadata.put("schemaVersion", 1);
        return EventDataBuilder.json(UUID.randomUUID(), "AccountCredited", data.toString().getBytes(
                StandardCharsets.UTF_8)).metadataAsBytes(metadata.toString().getBytes(StandardCharsets.UTF_8))
                .build();
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return calls.send(accounts, method, path, body);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
