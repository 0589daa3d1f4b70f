package com.paystream.systemtests;

import com.paystream.events.BacsCalendar;
import com.paystream.events.EventTypes;
import com.paystream.events.PaymentStreams;
import com.paystream.topology.ConsumerGroup;
import io.kurrent.dbclient.AppendToStreamOptions;
import io.kurrent.dbclient.EventDataBuilder;
import io.kurrent.dbclient.StreamState;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Drives the running suite over HTTP the way its users do. */
final class Bank {
    static final Set<String> SETTLED = Set.of("COMPLETED", "RETURNED", "FAILED", "HELD");
    private static final Duration FLOW_TIMEOUT = Duration.ofSeconds(60);

    private final Suite suite;

    Bank(Suite suite) {
        this.suite = suite;
    }

    record Account(String id, String sortCode, String accountNumber, String holderName) {
        /** The account as the beneficiary field of a payment the scheme sends. */
        Map<String, Object> asBeneficiary() {
            return Map.of("name", holderName, "sortCode", sortCode, "accountNumber", accountNumber);
        }
    }

    record Sent(String schemeTransactionId, String paymentId, int httpStatus) {
    }

    /** The customer id of the suite's customer (carol in the realm), who owns the accounts the tests open. */
    static final String CUSTOMER_ID = "C-1001";

    /**
     * 608371's row of Vocalink's modulus table is {@code MOD11 0 0 0 0 0 0 2 8 4 3 7 5 6 1}: its account numbers'
     * digits times these weights add up to a multiple of 11, or the scheme returns a payment to them.
     */
    private static final int[] WEIGHTS_608371 = {2, 8, 4, 3, 7, 5, 6, 1};

    static boolean passesModulusCheckAt608371(String accountNumber) {
        return IntStream.range(0, 8).map(i -> (accountNumber.charAt(i) - '0') * WEIGHTS_608371[i]).sum() % 11 == 0;
    }

    /** A new open account of its own (the suite's customer's), so a test can assert its balance exactly. */
    Account openAccount(String holderName) {
        String number;
        do {
            number = "4" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
        } while (!passesModulusCheckAt608371(number));
        String id = Suite.asAccountOfficer().contentType(ContentType.JSON)
                .body(Map.of("sortCode", "608371", "accountNumber", number, "customerId", CUSTOMER_ID,
                        "holderName", holderName))
                .post(suite.accounts("/accounts"))
                .then().statusCode(201).extract().path("accountId");
        return new Account(id, "608371", number, holderName);
    }

    /** The scheme (simulator) sends one payment of a kind, with some fields given. */
    Sent send(String kind, Map<String, Object> fields) {
        Map<String, Object> body = new java.util.HashMap<>(fields);
        body.put("kind", kind);
        JsonPath answer = Suite.asScheme().contentType(ContentType.JSON).body(body)
                .post(suite.simulator("/simulator/inbound-payments"))
                .then().statusCode(201).extract().jsonPath();
        if (answer.getString("paymentId") == null) {
            throw new AssertionError("The bank did not take the scheme's delivery: " + answer.prettify());
        }
        return new Sent(answer.getString("schemeTransactionId"), answer.getString("paymentId"),
                answer.getInt("httpStatus"));
    }

    /** A valid payment of {@code pence} into the account. */
    Sent pay(Account account, long pence) {
        return send("valid", Map.of("beneficiary", account.asBeneficiary(),
                "amount", Map.of("minorUnits", pence, "currency", "GBP")));
    }

    /** One delivery of a valid payment into the account, as the scheme makes it ({@code POST /inbound-payments}). */
    static Map<String, Object> delivery(Account account, String transactionId, long pence) {
        return Map.of("schemeTransactionId", transactionId,
                "originator", Map.of("name", "ACME WIDGETS LTD", "sortCode", "089999", "accountNumber", "66374958"),
                "beneficiary", account.asBeneficiary(), "amount", Map.of("minorUnits", pence, "currency", "GBP"),
                "reference", "DELIVERED",
                "processingDate", BacsCalendar.englandAndWales()
                        .processingDateForLatestEntry(BacsCalendar.today(Clock.systemUTC())).toString());
    }

    /** The account's customer pays {@code pence} out to a beneficiary; the outbound payment's id. */
    String payOut(Account account, String beneficiaryName, String sortCode, long pence) {
        return Suite.as(Suite.CUSTOMER).contentType(ContentType.JSON)
                .body(Map.of("idempotencyKey", "k-" + System.nanoTime(),
                        "beneficiary", Map.of("name", beneficiaryName, "sortCode", sortCode,
                                "accountNumber", "66374958"),
                        "amount", Map.of("minorUnits", pence, "currency", "GBP"), "reference", "INV 9"))
                .post(suite.accounts("/accounts/" + account.id() + "/outbound-payments"))
                .then().statusCode(201).extract().path("paymentId");
    }

    /** Waits until the payment's status is one of {@code statuses}; its view then. */
    JsonPath awaitStatus(String paymentId, Set<String> statuses) {
        AtomicReference<JsonPath> view = new AtomicReference<>();
        AtomicReference<String> last = new AtomicReference<>("no answer");
        try {
            await().atMost(FLOW_TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> {
                var response = Suite.asAuditor().get(suite.scheme("/payments/" + paymentId));
                last.set(response.statusCode() + " " + response.asString());
                if (response.statusCode() != 200) {
                    return false;
                }
                view.set(response.jsonPath());
                return statuses.contains(view.get().getString("status"));
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("Payment " + paymentId + " did not reach " + statuses + " in " + FLOW_TIMEOUT
                    + "; the last answer: " + last.get(), e);
        }
        return view.get();
    }

    /** The payment's status now, or null when payment-scheme-service does not know it (yet). */
    String status(String paymentId) {
        var response = Suite.asAuditor().get(suite.scheme("/payments/" + paymentId));
        return response.statusCode() == 200 ? response.jsonPath().getString("status") : null;
    }

    JsonPath awaitStatus(String paymentId, String status) {
        return awaitStatus(paymentId, Set.of(status));
    }

    /**
     * The payments to (or from) the account at {@code status}, as payment-scheme-service lists them (its status read
     * model): their ids, each once.
     */
    List<String> paymentsOf(Account account, String status) {
        return Suite.asAuditor().queryParam("sortCode", account.sortCode())
                .queryParam("accountNumber", account.accountNumber()).queryParam("status", status)
                .get(suite.scheme("/payments")).then().statusCode(200).extract().jsonPath()
                .getList("paymentId", String.class);
    }

    /** The account's credits and debits, oldest first, read from its events (not a read model): payment ids. */
    List<String> statement(Account account) {
        return Suite.asAuditor().queryParam("from", "2000-01-01T00:00:00Z")
                .get(suite.accounts("/accounts/" + account.id() + "/transactions")).then().statusCode(200)
                .extract().jsonPath().getList("paymentId", String.class);
    }

    /** How many times the payment was credited: the InboundPaymentBalanceUpdated on its timeline. */
    long creditsOn(String paymentId) {
        return timeline(paymentId).stream().filter("InboundPaymentBalanceUpdated"::equals).count();
    }

    /**
     * Delivers as a scheme does: a delivery without an answer (the gateway down, or 503 while the store is) is made
     * again until the bank answers; the payment id.
     */
    String deliverUntilAnswered(Map<String, Object> delivery) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            try {
                var answer = Suite.asScheme().contentType(ContentType.JSON).body(delivery)
                        .post(suite.scheme("/inbound-payments")).then().extract();
                if (answer.statusCode() == 202 || answer.statusCode() == 200) {
                    return answer.path("paymentId");
                }
                if (answer.statusCode() != 503) {
                    throw new AssertionError("The gateway answered " + answer.statusCode() + ": "
                            + answer.asString());
                }
            } catch (AssertionError refused) {
                throw refused;
            } catch (Exception noAnswer) {
                // connection refused or reset, no response: the gateway is down (or went down mid-request)
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The gateway did not answer within 120 s");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    List<String> timeline(String paymentId) {
        return Suite.asAuditor().get(suite.scheme("/payments/" + paymentId)).then().statusCode(200).extract()
                .jsonPath().getList("timeline.type", String.class);
    }

    long balance(Account account) {
        return Suite.asAuditor().get(suite.accounts("/accounts/" + account.id())).then().statusCode(200).extract()
                .jsonPath().getLong("balancePence");
    }

    void decide(String paymentId, String decision) {
        Suite.asOfficer().contentType(ContentType.JSON)
                .body(Map.of("reason", "checked by the system test"))
                .post(suite.sanctions("/held-payments/" + paymentId + "/" + decision))
                .then().statusCode(200);
    }

    /**
     * A payment whose one event is of the type {@code group} takes but that no code can read: the group parks it.
     * The payment's id.
     */
    String unreadableEventFor(ConsumerGroup<?> group) {
        String paymentId = UUID.randomUUID().toString();
        try {
            suite.client().appendToStream(PaymentStreams.payment(paymentId),
                    AppendToStreamOptions.get().streamState(StreamState.noStream()),
                    EventDataBuilder.json(UUID.randomUUID(), EventTypes.nameOf(group.eventType()),
                            "{\"paymentId\":42,\"details\":\"not details\"}".getBytes(StandardCharsets.UTF_8))
                            .build()).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The store did not take the unreadable event", e);
        }
        return paymentId;
    }

    /** Waits until the scheme (simulator) has recorded a return for the transaction; its reason code. */
    String awaitReturnCode(String schemeTransactionId) {
        AtomicReference<String> code = new AtomicReference<>();
        await().atMost(FLOW_TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> {
            List<Map<String, Object>> returns = Suite.asAuditor().get(suite.simulator("/simulator/returns")).then()
                    .statusCode(200).extract().jsonPath().getList("$");
            returns.stream().filter(r -> schemeTransactionId.equals(r.get("schemeTransactionId"))).findFirst()
                    .ifPresent(r -> code.set(String.valueOf(((Map<?, ?>) r.get("returned")).get("reasonCode"))));
            return code.get() != null;
        });
        return code.get();
    }
}
