package com.paystream.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.paystream.events.BacsCalendar;
import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.KurrentDBConnectionString;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * One load run against a running suite: opens its own accounts, sends N inbound payments to the bank's gateway at a
 * fixed rate (or as fast as {@code concurrency} allows), releases the ones sanctions hold as an operator would,
 * follows every payment to the end of its story, and checks that each ended as it must, exactly once, with every
 * balance equal to the sum of what was credited to it.
 */
final class LoadBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** The run's settings; {@code generation} and {@code signIn}: how the suite is called. */
    record Settings(int payments, int warmUp, int rate, int concurrency, int accounts, URI scheme, URI sanctions,
                    URI accountsUrl, String connection, Duration settle, long seed, SuiteGeneration generation,
                    SuiteGeneration.SignIn signIn) {
    }

    /** One payment as sent: what, when it was meant to go (epoch µs), and the bank's answer. */
    record Sent(LoadPayments.Payment payment, long intendedMicros, int status, String paymentId) {
    }

    private final Settings settings;
    private final SuiteJvms jvms;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final JsonHttp calls;
    private final ExecutorService operator = Executors.newFixedThreadPool(2, r -> {
        Thread thread = new Thread(r, "operator");
        thread.setDaemon(true);
        return thread;
    });

    /** What each payment of the last run cost the store, by kind of message (null: the store does not count). */
    private Map<String, Double> storeMessagesPerPayment;
    /** The CPU each payment of the last run took, in milliseconds, by process of the suite. */
    private Map<String, Double> cpuMillisPerPayment = Map.of();
    /** The bytes each payment of the last run allocated, by JVM of the suite. */
    private Map<String, Double> allocatedBytesPerPayment = Map.of();

    /** Deliveries without an answer, or answered 5xx, are sent again: 10 attempts, 0.5 s more pause each time. */
    private final Delivery delivery = new Delivery(http, 10, Duration.ofMillis(500));

    /** A run with {@code settings}, reporting what each of {@code jvms} spent on a payment. */
    LoadBenchmark(Settings settings, SuiteJvms jvms) {
        this.settings = settings;
        this.jvms = jvms;
        this.calls = new JsonHttp(http, Duration.ofSeconds(60), settings.signIn().calls());
    }

    LoadResult run(String label) throws Exception {
        String runId = Long.toString(System.currentTimeMillis(), 36);
        progress("setting up " + settings.accounts() + " accounts");
        List<LoadPayments.Account> open = new ArrayList<>();
        for (int i = 0; i < settings.accounts(); i++) {
            open.add(openAccount("LOAD HOLDER " + i));
        }
        LoadPayments.Account closed = openAccount("LOAD CLOSED");
        post(settings.accountsUrl(), "/accounts/" + closed.id() + "/close", "{}", 200);
        LoadPayments.Account blocked = openAccount("LOAD BLOCKED");
        post(settings.accountsUrl(), "/accounts/" + blocked.id() + "/block", "{\"reason\":\"load benchmark\"}", 200);
        String sanctioned = sanctionedName();
        // credited at once: its entry day is the latest one on or before today, whatever the day
        LocalDate processingDate = BacsCalendar.englandAndWales().processingDateForLatestEntry(LocalDate.now(LONDON));
        LoadPayments payments = new LoadPayments(settings.seed(), open, closed, blocked, sanctioned, processingDate,
                runId);

        progress("attaching to the suite's JVMs to count their allocations");
        try (PaymentTracker tracker = new PaymentTracker(() -> KurrentDBClient.create(
                KurrentDBConnectionString.parseOrThrow(settings.connection())), this::release);
             SuiteAllocations allocations = SuiteAllocations.attach(jvms, LoadBenchmark::progress)) {
            List<Sent> warmUp = List.of();
            if (settings.warmUp() > 0) {
                progress("warming up: " + settings.warmUp() + " payments (not measured)");
                warmUp = inject(payments, 0, settings.warmUp());
                awaitEnds(tracker, warmUp);
            }
            progress("sending " + settings.payments() + " payments"
                    + (settings.rate() > 0 ? " at " + settings.rate() + "/s" : " as fast as possible"));
            long eventsBefore = tracker.events();
            StoreMessages storeMessages = StoreMessages.of(settings.connection());
            Optional<Map<String, Long>> messagesBefore = storeMessages.counts();
            Map<String, Map<Long, Long>> allocatedBefore = allocations.snapshot();
            Map<String, SuiteCpu.Reading> cpuBefore = SuiteCpu.snapshot(jvms);
            long started = PaymentTracker.micros(Instant.now());
            List<Sent> sent = inject(payments, settings.warmUp(), settings.payments());
            long injected = PaymentTracker.micros(Instant.now());
            progress("waiting for every payment to end (at most " + settings.settle().toSeconds() + " s)");
            awaitEnds(tracker, sent);
            if (tracker.dropped() != null) {
                throw new IllegalStateException("the subscription to the payment timelines dropped for good: "
                        + tracker.dropped());
            }
            Optional<Map<String, Long>> messagesAfter = storeMessages.counts();
            cpuMillisPerPayment = SuiteCpu.perPayment(cpuBefore, SuiteCpu.snapshot(jvms), settings.payments());
            allocatedBytesPerPayment = SuiteAllocations.perPayment(allocatedBefore, allocations.snapshot(),
                    settings.payments());
            long ownDeliveries = tracker.events() - eventsBefore;
            storeMessagesPerPayment = messagesBefore.isPresent() && messagesAfter.isPresent()
                    ? StoreMessages.perPayment(messagesBefore.get(), messagesAfter.get(), settings.payments(),
                    ownDeliveries) : null;
            Map<String, Long> balances = new HashMap<>();
            Map<String, Integer> transactions = new HashMap<>();
            for (LoadPayments.Account account : open) {
                JsonNode view = JSON.readTree(get(settings.accountsUrl(), "/accounts/" + account.id()).body());
                balances.put(account.id(), view.path("balancePence").asLong());
                transactions.put(account.id(), awaitLedger(account.id(), all(warmUp, sent), tracker));
            }
            return LoadResult.of(label, settings, warmUp, sent, tracker::track, tracker.events() - eventsBefore, started,
                    injected, balances, transactions);
        } finally {
            operator.shutdownNow();
        }
    }

    /** The CPU each payment of the last run took, in milliseconds, by process of the suite on this machine. */
    Map<String, Double> cpuMillisPerPayment() {
        return cpuMillisPerPayment;
    }

    /** The bytes each payment of the last run allocated, by JVM of the suite on this machine. */
    Map<String, Double> allocatedBytesPerPayment() {
        return allocatedBytesPerPayment;
    }

    /** What each payment of the last run cost the store, by kind of message; null when the store does not count. */
    Map<String, Double> storeMessagesPerPayment() {
        return storeMessagesPerPayment;
    }

    private static List<Sent> all(List<Sent> first, List<Sent> then) {
        List<Sent> all = new ArrayList<>(first);
        all.addAll(then);
        return all;
    }

    /** Sends payments {@code from} to {@code from + count - 1} of the sequence, at the rate. */
    private List<Sent> inject(LoadPayments payments, int from, int count) throws InterruptedException, IOException {
        ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
        Semaphore inFlight = new Semaphore(settings.concurrency());
        AtomicInteger failures = new AtomicInteger();
        long start = System.nanoTime();
        long startMicros = PaymentTracker.micros(Instant.now());
        URI inbound = settings.scheme().resolve("/inbound-payments");
        for (int i = 0; i < count; i++) {
            long offsetNanos = settings.rate() > 0 ? (long) (i * 1e9 / settings.rate()) : 0;
            if (settings.rate() > 0) {
                long wait = start + offsetNanos - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
            inFlight.acquire();
            LoadPayments.Payment payment = payments.next(from + i);
            long intended = settings.rate() > 0 ? startMicros + offsetNanos / 1_000
                    : PaymentTracker.micros(Instant.now());
            HttpRequest.Builder request = HttpRequest.newBuilder(inbound).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(payment.body()));
            settings.signIn().deliveries().header().ifPresent(header -> request.header("Authorization", header));
            delivery.send(request.build()).whenComplete((response, error) -> {
                try {
                    if (error != null) {
                        failures.incrementAndGet();
                        sent.add(new Sent(payment, intended, 0, null));
                        return;
                    }
                    String paymentId = null;
                    try {
                        paymentId = JSON.readTree(response.body()).path("paymentId").asText(null);
                    } catch (Exception e) {
                        // no id: counted as not accepted
                    }
                    sent.add(new Sent(payment, intended, response.statusCode(), paymentId));
                } finally {
                    inFlight.release(); // after the record: the last acquire below then sees every payment
                }
            });
        }
        inFlight.acquire(settings.concurrency());
        inFlight.release(settings.concurrency());
        return new ArrayList<>(sent);
    }

    private void awaitEnds(PaymentTracker tracker, List<Sent> sent) throws InterruptedException {
        long deadline = System.nanoTime() + settings.settle().toNanos();
        while (System.nanoTime() < deadline) {
            long open = sent.stream().filter(s -> s.paymentId() != null).filter(s -> {
                PaymentTracker.Track track = tracker.track(s.paymentId());
                return track == null || track.outcome == null;
            }).count();
            if (open == 0) {
                return;
            }
            Thread.sleep(200);
        }
    }

    /** The ledger read model follows the store: wait (a little) until it lists every credit, then count them. */
    private int awaitLedger(String accountId, List<Sent> sent, PaymentTracker tracker) throws Exception {
        long expected = sent.stream().filter(s -> s.payment().beneficiary() != null
                && s.payment().beneficiary().id().equals(accountId) && s.paymentId() != null
                && tracker.track(s.paymentId()) != null
                && "COMPLETED".equals(tracker.track(s.paymentId()).outcome)).count();
        int count = 0;
        for (int attempt = 0; attempt < 50; attempt++) {
            count = JSON.readTree(get(settings.accountsUrl(), "/accounts/" + accountId + "/transactions").body())
                    .size();
            if (count >= expected) {
                return count;
            }
            Thread.sleep(100);
        }
        return count;
    }

    /** An operator releases a held payment (the benchmark's sanctioned originator is a false positive). */
    private void release(String paymentId) {
        operator.execute(() -> {
            try {
                calls.expect(200, settings.sanctions(), "POST", "/held-payments/" + paymentId + "/release",
                        "{\"reason\":\"benchmark: a known false positive\"}");
            } catch (Exception e) {
                progress("could not release " + paymentId + ": " + e.getMessage());
            }
        });
    }

    /** A new account of the benchmark's own (another number when one is taken: runs share a durable store). */
    private LoadPayments.Account openAccount(String holder) throws Exception {
        for (int attempt = 1; ; attempt++) {
            String number = ValidAccountNumbers.at608371('5', ThreadLocalRandom.current());
            HttpResponse<String> response = calls.send(settings.accountsUrl(), "POST", "/accounts",
                    settings.generation().newAccount(ValidAccountNumbers.SORT_CODE, number, holder));
            if (response.statusCode() == 201) {
                return new LoadPayments.Account(JSON.readTree(response.body()).path("accountId").asText(),
                        ValidAccountNumbers.SORT_CODE, number, holder);
            }
            if (response.statusCode() != 409 || attempt == 5) {
                throw new IllegalStateException("POST /accounts answered " + response.statusCode() + ": "
                        + response.body());
            }
        }
    }

    /**
     * A name on the sanctions list, spelt as a Bacs originator name can be (upper case, at most 18 characters: the
     * first listed name or alias that fits), for the payments sanctions must hold.
     */
    private String sanctionedName() throws Exception {
        JsonNode entries = JSON.readTree(get(settings.sanctions(), "/sanctioned-names").body());
        for (JsonNode entry : entries) {
            List<String> spellings = new ArrayList<>();
            spellings.add(entry.path("name").asText());
            entry.path("aliases").forEach(alias -> spellings.add(alias.asText()));
            for (String spelling : spellings) {
                if (spelling.length() <= 18 && spelling.matches("[A-Za-z ]+")) {
                    return spelling.toUpperCase(java.util.Locale.ROOT);
                }
            }
        }
        throw new IllegalStateException("no name on the sanctions list fits a Bacs originator name: seed it "
                + "(./run.sh does)");
    }

    private HttpResponse<String> post(URI base, String path, String body, int expected) throws Exception {
        return calls.expect(expected, base, "POST", path, body);
    }

    private HttpResponse<String> get(URI base, String path) throws Exception {
        return calls.expect(200, base, "GET", path, null);
    }

    static void progress(String message) {
        System.err.println("[load] " + message);
    }

    static Histogram histogram() {
        return new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
    }

    static Map<LoadPayments.Kind, Integer> zeroCounts() {
        Map<LoadPayments.Kind, Integer> counts = new EnumMap<>(LoadPayments.Kind.class);
        for (LoadPayments.Kind kind : LoadPayments.Kind.values()) {
            counts.put(kind, 0);
        }
        return counts;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
