package com.paystream.systemtests;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rolling update, as an orchestrator makes it: two instances of each consumer service behind a load balancer that
 * sends requests to the instances that report themselves ready, and each service's first instance stopped with
 * SIGTERM and started again in turn, under a steady load of deliveries and queries. Every answer is a success (no
 * 5xx, no request left without an answer), every payment ends once, nothing is credited twice.
 */
@ExtendWith(Suite.class)
class RollingRestartSystemTest {
    private static final List<String> SERVICES = List.of("payment-scheme-service", "sanctions-service",
            "accounts-service");
    private static final HttpClient PROBE = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final Suite suite = Suite.get();
    private final Bank bank = new Bank(suite);

    /**
     * A load balancer in front of a service's instances, as a Kubernetes Service is: it asks every instance's
     * readiness every 100 ms and sends each request to the next ready one.
     */
    private static final class Balancer implements AutoCloseable {
        private final List<Integer> ports;
        private final Map<Integer, Boolean> ready = new ConcurrentHashMap<>();
        private final AtomicInteger next = new AtomicInteger();
        private final ScheduledExecutorService probes = Executors.newSingleThreadScheduledExecutor();

        Balancer(List<Integer> ports) {
            this.ports = List.copyOf(ports);
            probes.scheduleWithFixedDelay(this::probe, 0, 100, TimeUnit.MILLISECONDS);
        }

        private void probe() {
            for (int port : ports) {
                boolean up;
                try {
                    up = PROBE.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready"))
                            .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.discarding())
                            .statusCode() == 200;
                } catch (Exception e) {
                    up = false;
                }
                ready.put(port, up);
            }
        }

        /** The base URL of the next ready instance. */
        String next() {
            for (int i = 0; i < ports.size(); i++) {
                int port = ports.get(Math.floorMod(next.getAndIncrement(), ports.size()));
                if (ready.getOrDefault(port, false)) {
                    return "http://localhost:" + port;
                }
            }
            throw new AssertionError("No instance of " + ports + " is ready");
        }

        @Override
        public void close() {
            probes.shutdownNow();
        }
    }

    /** What the load's requests were answered, by status ({@code -1}: no answer at all). */
    private final Map<Integer, AtomicInteger> answers = new ConcurrentHashMap<>();

    @Test
    void restartingEachServiceInTurnUnderLoadAnswersNoErrorAndLosesNoPayment() throws Exception {
        Bank.Account account = bank.openAccount("ROLLING RESTART");
        List<ServiceProcess> seconds = SERVICES.parallelStream().map(suite::startAnotherInstance).toList();
        Map<String, Balancer> balancers = new ConcurrentHashMap<>();
        balancers.put("payment-scheme-service", new Balancer(List.of(suite.schemePort, seconds.get(0).port())));
        balancers.put("sanctions-service", new Balancer(List.of(suite.sanctionsPort, seconds.get(1).port())));
        balancers.put("accounts-service", new Balancer(List.of(suite.accountsPort, seconds.get(2).port())));
        List<String> delivered = new CopyOnWriteArrayList<>();
        AtomicLong credited = new AtomicLong();
        AtomicBoolean restarting = new AtomicBoolean(true);
        try {
            Thread.sleep(300); // the balancers' first probes
            CompletableFuture<Void> load = CompletableFuture.runAsync(() -> {
                int i = 0;
                while (restarting.get() || i < 60) {
                    Map<String, Object> delivery = Bank.delivery(account, "TX-ROLL-" + UUID.randomUUID(), 100 + i);
                    String paymentId = send(Suite.asScheme().contentType(ContentType.JSON).body(delivery),
                            balancers.get("payment-scheme-service").next() + "/inbound-payments");
                    if (paymentId != null) {
                        delivered.add(paymentId);
                        credited.addAndGet(100 + i);
                    }
                    query(Suite.asAuditor(), balancers.get("accounts-service").next() + "/accounts/" + account.id());
                    query(Suite.asOfficer(), balancers.get("sanctions-service").next() + "/held-payments");
                    i++;
                    ServiceProcess.sleep(100);
                }
            });
            List<String> stops = new ArrayList<>();
            for (String service : SERVICES) {
                ServiceProcess.sleep(1_000);
                stops.add(service + " stopped in " + suite.restartGracefully(service).toMillis() + " ms");
            }
            restarting.set(false);
            load.get(120, TimeUnit.SECONDS);

            delivered.forEach(paymentId -> bank.awaitStatus(paymentId, "COMPLETED"));
            Map<Integer, Integer> byStatus = answers.entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get()));
            System.out.printf("[rolling restart] %s; %d payments delivered, answers by status %s; all completed "
                    + "once%n", stops, delivered.size(), byStatus);
            assertThat(byStatus).as("the load's answers by status (-1: none)").containsOnlyKeys(200, 202);
            assertThat(delivered).doesNotHaveDuplicates();
            assertThat(bank.balance(account)).isEqualTo(credited.get());
            assertThat(delivered).allSatisfy(paymentId -> assertThat(bank.timeline(paymentId)
                    .stream().filter("InboundPaymentBalanceUpdated"::equals).count()).isEqualTo(1));
        } finally {
            restarting.set(false);
            balancers.values().forEach(Balancer::close);
            seconds.forEach(ServiceProcess::signalStop);
            seconds.forEach(ServiceProcess::stop);
        }
    }

    /** A delivery through the balancer; the payment's id when it was taken. */
    private String send(RequestSpecification request, String url) {
        int status;
        String paymentId = null;
        try {
            var response = request.post(url);
            status = response.statusCode();
            if (status == 202 || status == 200) {
                paymentId = response.path("paymentId");
            }
        } catch (Exception noAnswer) {
            status = -1;
        }
        answers.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
        return paymentId;
    }

    private void query(RequestSpecification request, String url) {
        int status;
        try {
            status = request.get(url).statusCode();
        } catch (Exception noAnswer) {
            status = -1;
        }
        answers.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
    }
}
