package com.paystream.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.paystream.topology.StoreConnection;
import io.kurrent.dbclient.Endpoint;
import io.kurrent.dbclient.KurrentDBClientSettings;
import io.kurrent.dbclient.KurrentDBConnectionString;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The store's own count of the messages it handled (appends, reads, deliveries, ...), from the emulator's
 * {@code GET /stats/messages}: read before and after a run, the difference divided by the payments is what each
 * payment costs the store. A server without the endpoint (a real KurrentDB) gives none.
 */
final class StoreMessages {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI uri;
    private final String authorization;

    private StoreMessages(HttpClient http, URI uri, String authorization) {
        this.http = http;
        this.uri = uri;
        this.authorization = authorization;
    }

    /** The counter of the first host of {@code connectionString}, over TLS when it says so, as its user. */
    static StoreMessages of(String connectionString) {
        KurrentDBClientSettings settings = KurrentDBConnectionString.parseOrThrow(connectionString);
        Endpoint host = settings.getHosts()[0];
        HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        if (settings.isTls()) {
            StoreConnection.caFile(connectionString).map(Path::of).map(StoreConnection::trusting)
                    .ifPresent(http::sslContext);
        }
        String authorization = StoreConnection.credentials(connectionString)
                .map(login -> "Basic " + Base64.getEncoder().encodeToString(login.getBytes(StandardCharsets.UTF_8)))
                .orElse(null);
        URI uri = URI.create((settings.isTls() ? "https" : "http") + "://" + host.getHost() + ":" + host.getPort()
                + "/stats/messages");
        return new StoreMessages(http.build(), uri, authorization);
    }

    /** Every count, nested names joined with dots; empty when the store has no such endpoint or refuses. */
    Optional<Map<String, Long>> counts() {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET()
                    .header("Accept", "application/json");
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            Map<String, Long> counts = new LinkedHashMap<>();
            flatten("", JSON.readTree(response.body()), counts);
            return Optional.of(counts);
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** The catch-up deliveries the store counts, the benchmark's own subscription to the timelines among them. */
    static final String CATCH_UP_DELIVERIES = "catchUp.eventsDelivered";

    /**
     * What each payment cost the suite: the counts that moved between {@code before} and {@code after}, per payment,
     * less the {@code ownDeliveries} of the benchmark's own catch-up subscription (it follows every timeline to see
     * each step; the suite does not pay for that). Null when a count went back: the store restarted in between.
     */
    static Map<String, Double> perPayment(Map<String, Long> before, Map<String, Long> after, int payments,
                                          long ownDeliveries) {
        if (after.entrySet().stream().anyMatch(count -> count.getValue() < before.getOrDefault(count.getKey(), 0L))) {
            return null; // counted from zero again: the store restarted during the run
        }
        Map<String, Double> per = new LinkedHashMap<>();
        after.forEach((name, count) -> {
            long own = name.equals(CATCH_UP_DELIVERIES) ? ownDeliveries : 0;
            long moved = count - before.getOrDefault(name, 0L) - own;
            if (moved != 0 && payments > 0) {
                per.put(name, moved / (double) payments);
            }
        });
        return per;
    }

    /**
     * The per-payment counts to print: every kind as counted, but the persistent subscriptions' summed over their
     * groups ({@code persistent.eventsDelivered}, {@code .acks}, {@code .nacks}, ...), and a total of the messages
     * that crossed the wire (requests and deliveries, not the events inside an append).
     */
    static Map<String, Double> summary(Map<String, Double> perPayment) {
        Map<String, Double> summary = new LinkedHashMap<>();
        double total = 0;
        for (Map.Entry<String, Double> count : perPayment.entrySet()) {
            String name = count.getKey();
            String kind = name.startsWith("persistent.") && name.contains("::")
                    ? "persistent." + name.substring(name.lastIndexOf('.') + 1) + " (every group)" : name;
            summary.merge(kind, count.getValue(), Double::sum);
            if (!name.endsWith(".events") && !name.endsWith(".streams")) {
                total += count.getValue();
            }
        }
        summary.put("messages in all", total);
        return summary;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, Long> into) {
        if (node.isNumber()) {
            into.put(prefix, node.asLong());
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), into);
            }
        }
    }
}
