package com.paystream.systemtests;

import com.eventstore.dbclient.AppendToStreamOptions;
import com.eventstore.dbclient.EventDataBuilder;
import com.eventstore.dbclient.ExpectedRevision;
import com.paystream.events.ConsumerGroup;
import com.paystream.events.ConsumerGroups;
import com.paystream.events.EventTypes;
import com.paystream.events.PaymentStreams;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Faults a bank must ride out: a consumer service killed with SIGKILL in the middle of a stream of payments, a
 * burst of duplicate deliveries, an event no code can read. After each: every payment ends once, nothing is credited
 * twice, balances add up, and what could not be handled is parked with its reason. Each test prints its figures.
 */
@ExtendWith(Suite.class)
class FaultsSystemTest {
    private static final int PAYMENTS = 80;
    private final Suite suite = Suite.get();
    private final Bank bank = new Bank(suite);

    private long creditsOn(String paymentId) {
        return bank.timeline(paymentId).stream().filter("InboundPaymentBalanceUpdated"::equals).count();
    }

    @ParameterizedTest(name = "{0} killed with SIGKILL mid-stream")
    @ValueSource(strings = {"payment-scheme-service", "sanctions-service", "accounts-service"})
    void aServiceKilledMidStreamLeavesEveryAcceptedPaymentCompletedAndCreditedOnce(String service) throws Exception {
        Bank.Account account = bank.openAccount("KILLED " + service.substring(0, 8).toUpperCase());
        List<Bank.Sent> sent = new CopyOnWriteArrayList<>();
        Map<Bank.Sent, Long> amounts = new java.util.concurrent.ConcurrentHashMap<>();
        CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < PAYMENTS; i++) {
                // while payment-scheme-service is down the scheme gets no answer (not sent): it would try again
                Bank.Sent one = bank.payUnlessTheBankIsDown(account, 100 + i);
                if (one != null) {
                    sent.add(one);
                    amounts.put(one, 100L + i);
                }
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> sent.size() >= 10);

        suite.kill(service);
        int sentAtTheKill = sent.size();
        long killedAt = System.nanoTime();
        List<Bank.Sent> beforeTheKill = List.copyOf(sent.subList(0, sentAtTheKill));
        suite.restart(service);
        long restartedAt = System.nanoTime();
        beforeTheKill.stream().filter(s -> s.httpStatus() == 202)
                .forEach(s -> bank.awaitStatus(s.paymentId(), "COMPLETED"));
        long recoveredAt = System.nanoTime();
        sending.get(120, TimeUnit.SECONDS);
        List<Bank.Sent> accepted = sent.stream().filter(s -> s.httpStatus() == 202).toList();
        accepted.forEach(s -> bank.awaitStatus(s.paymentId(), "COMPLETED"));

        long expected = accepted.stream().mapToLong(amounts::get).sum();
        assertThat(sentAtTheKill).as("payments sent when " + service + " was killed").isLessThan(PAYMENTS);
        assertThat(bank.balance(account)).isEqualTo(expected);
        assertThat(accepted).allSatisfy(s -> assertThat(creditsOn(s.paymentId())).isEqualTo(1));
        System.out.printf("[faults] %s killed after %d of %d payments were sent; %d accepted in all (%d not, "
                        + "unanswered while it was down); restart %d ms; the payments sent before the kill had all "
                        + "completed %d ms after the restart; lost 0, credited twice 0%n", service, sentAtTheKill,
                PAYMENTS, accepted.size(), PAYMENTS - accepted.size(), (restartedAt - killedAt) / 1_000_000,
                (recoveredAt - restartedAt) / 1_000_000);
    }

    @Test
    void aBurstOfTheSameDeliveryIsOnePaymentCreditedOnce() throws Exception {
        Bank.Account account = bank.openAccount("BURST");
        String transactionId = "TX-BURST-" + UUID.randomUUID();
        Map<String, Object> delivery = Map.of("schemeTransactionId", transactionId,
                "originator", Map.of("name", "ACME WIDGETS LTD", "sortCode", "089999", "accountNumber", "66374958"),
                "beneficiary", Map.of("name", account.holderName(), "sortCode", account.sortCode(),
                        "accountNumber", account.accountNumber()),
                "amount", Map.of("minorUnits", 7_700, "currency", "GBP"), "reference", "BURST",
                "processingDate", "2026-12-01");
        ExecutorService senders = Executors.newFixedThreadPool(16);
        List<Future<String>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                answers.add(senders.submit(() -> {
                    var answer = given().contentType(ContentType.JSON).body(delivery)
                            .post(suite.scheme("/inbound-payments")).then().extract();
                    return answer.statusCode() + " " + answer.path("paymentId");
                }));
            }
            List<String> results = new ArrayList<>();
            for (Future<String> answer : answers) {
                results.add(answer.get(60, TimeUnit.SECONDS));
            }
            Set<String> paymentIds = Set.copyOf(results.stream().map(r -> r.split(" ")[1]).toList());
            assertThat(results).allSatisfy(r -> assertThat(r).matches("(200|202) .+"));
            assertThat(paymentIds).hasSize(1);
            String paymentId = paymentIds.iterator().next();
            bank.awaitStatus(paymentId, "COMPLETED");
            Bank.Sent marker = bank.pay(account, 1);
            bank.awaitStatus(marker.paymentId(), "COMPLETED");

            System.out.printf("[faults] 50 deliveries of one transaction (16 at a time): 1 payment, balance %d%n",
                    bank.balance(account));
            assertThat(bank.balance(account)).isEqualTo(7_701);
            assertThat(creditsOn(paymentId)).isEqualTo(1);
        } finally {
            senders.shutdownNow();
        }
    }

    static Stream<Arguments> groupsOnTheInboundPath() {
        return Stream.of(Arguments.of(ConsumerGroups.VALIDATE_ON_RECEIVED, "payment-scheme-service"),
                Arguments.of(ConsumerGroups.SCREEN_ON_VALIDATED, "sanctions-service"),
                Arguments.of(ConsumerGroups.CREDIT_ON_SANCTIONS_CLEARED, "accounts-service"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groupsOnTheInboundPath")
    void anEventNoCodeCanReadIsParkedWithItsReasonAndTheNextPaymentCompletes(ConsumerGroup<?> group,
                                                                            String service) throws Exception {
        String paymentId = UUID.randomUUID().toString();
        suite.client().appendToStream(PaymentStreams.payment(paymentId),
                AppendToStreamOptions.get().expectedRevision(ExpectedRevision.noStream()),
                EventDataBuilder.json(UUID.randomUUID(), EventTypes.nameOf(group.eventType()),
                        "{\"paymentId\":42,\"details\":\"not details\"}".getBytes(StandardCharsets.UTF_8)).build())
                .get(10, TimeUnit.SECONDS);
        String ops = baseOf(service) + "/ops/subscriptions/" + group.name() + "/parked";

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                Suite.asOps().get(ops).then().statusCode(200).extract().jsonPath()
                        .getList("eventStream", String.class).contains(PaymentStreams.payment(paymentId)));
        String reason = Suite.asOps().get(ops).then().extract().jsonPath()
                .getString("find { it.eventStream == '" + PaymentStreams.payment(paymentId) + "' }.reason");
        Bank.Account account = bank.openAccount("AFTER POISON");
        Bank.Sent next = bank.pay(account, 321);
        bank.awaitStatus(next.paymentId(), "COMPLETED");

        System.out.printf("[faults] unreadable %s on %s: parked (%s); the next payment completed%n",
                EventTypes.nameOf(group.eventType()), group.name(), reason);
        assertThat(reason).isNotBlank();
        assertThat(bank.balance(account)).isEqualTo(321);
    }

    private String baseOf(String service) {
        return switch (service) {
            case "payment-scheme-service" -> suite.scheme("");
            case "sanctions-service" -> suite.sanctions("");
            default -> suite.accounts("");
        };
    }
}
