package com.paystream.systemtests;

import com.paystream.events.EventTypes;
import com.paystream.events.PaymentStreams;
import com.paystream.topology.AccountsReactions;
import com.paystream.topology.ConsumerGroup;
import com.paystream.topology.PaymentSchemeReactions;
import com.paystream.topology.SanctionsReactions;
import io.kurrent.dbclient.UpdatePersistentSubscriptionToStreamOptions;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
    private static final int PAYMENTS = 50;
    private final Suite suite = Suite.get();
    private final Bank bank = new Bank(suite);

    @ParameterizedTest(name = "{0} killed with SIGKILL mid-stream")
    @ValueSource(strings = {"payment-scheme-service", "sanctions-service", "accounts-service", Suite.STORE})
    void aProcessKilledMidStreamLosesNoPaymentAndCreditsNoneTwice(String process) throws Exception {
        Bank.Account account = bank.openAccount("KILLED " + process.substring(0, 8).toUpperCase());
        List<String> delivered = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < PAYMENTS; i++) {
                delivered.add(bank.deliverUntilAnswered(Bank.delivery(account, "TX-FAULT-" + UUID.randomUUID(),
                        100 + i)));
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> delivered.size() >= 10);

        suite.kill(process);
        List<String> beforeTheKill = List.copyOf(delivered);
        long killedAt = System.nanoTime();
        suite.restart(process);
        long restartedAt = System.nanoTime();
        beforeTheKill.forEach(paymentId -> bank.awaitStatus(paymentId, "COMPLETED"));
        long recoveredAt = System.nanoTime();
        sending.get(180, TimeUnit.SECONDS);
        delivered.forEach(paymentId -> bank.awaitStatus(paymentId, "COMPLETED"));

        assertThat(beforeTheKill).as("payments delivered when " + process + " was killed").hasSizeLessThan(PAYMENTS);
        assertThat(delivered).doesNotHaveDuplicates().hasSize(PAYMENTS);
        assertThat(bank.balance(account)).isEqualTo(PAYMENTS * 100L + PAYMENTS * (PAYMENTS - 1L) / 2);
        assertThat(delivered).allSatisfy(paymentId -> assertThat(bank.creditsOn(paymentId)).isEqualTo(1));
        System.out.printf("[faults] %s killed after %d of %d payments were delivered; restart %d ms; those %d "
                        + "had all completed %d ms after the restart; all %d completed once (deliveries left "
                        + "unanswered while it was down were made again); lost 0, credited twice 0%n", process,
                beforeTheKill.size(), PAYMENTS, (restartedAt - killedAt) / 1_000_000, beforeTheKill.size(),
                (recoveredAt - restartedAt) / 1_000_000, PAYMENTS);
    }

    @Test
    void aConsumerSlowerThanItsMessageTimeoutCreditsEachPaymentOnceAndWhatItParksCompletesWhenReplayed()
            throws Exception {
        ConsumerGroup<?> group = AccountsReactions.CREDIT_ON_SANCTIONS_CLEARED;
        Bank.Account account = bank.openAccount("SLOW CONSUMER");
        List<Bank.Sent> sent = new ArrayList<>();
        int parked;
        // crediting takes a few milliseconds: with a 5 ms timeout the store redelivers payments accounts-service
        // still has in hand, and parks those that time out three times
        setTimeout(group, 5, 3);
        try {
            for (int i = 0; i < 40; i++) {
                sent.add(bank.pay(account, 1_000 + i));
            }
            String parkedList = suite.accounts("/ops/subscriptions/" + group.name() + "/parked?limit=1000");
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                List<String> parkedIds = Suite.asOps().get(parkedList).then().extract().jsonPath()
                        .getList("paymentId", String.class);
                return sent.stream().allMatch(s -> parkedIds.contains(s.paymentId())
                        || "COMPLETED".equals(bank.status(s.paymentId())));
            });
            parked = Suite.asOps().get(parkedList).then().extract().jsonPath().getList("paymentId").size();
        } finally {
            setTimeout(group, 30_000, 10);
        }
        Suite.asOps().post(suite.accounts("/ops/subscriptions/" + group.name() + "/parked/replay")).then()
                .statusCode(202);
        sent.forEach(s -> bank.awaitStatus(s.paymentId(), "COMPLETED"));

        assertThat(bank.balance(account)).isEqualTo(40 * 1_000L + 39 * 40 / 2);
        assertThat(sent).allSatisfy(s -> assertThat(bank.creditsOn(s.paymentId())).isEqualTo(1));
        System.out.printf("[faults] a 5 ms message timeout on %s: %d of 40 payments parked after 3 timeouts, all "
                + "completed once replayed; credited twice 0%n", group.name(), parked);
    }

    /** The group's message timeout and retries, its other settings as the seeder made them. */
    private void setTimeout(ConsumerGroup<?> group, int timeoutMillis, int maxRetries) throws Exception {
        suite.persistent().updateToStream(group.stream(), group.name(), UpdatePersistentSubscriptionToStreamOptions
                .get().fromStart().resolveLinkTos().maxRetryCount(maxRetries).messageTimeoutInMs(timeoutMillis))
                .get(10, TimeUnit.SECONDS);
    }

    @Test
    void aBurstOfTheSameDeliveryIsOnePaymentCreditedOnce() throws Exception {
        Bank.Account account = bank.openAccount("BURST");
        String transactionId = "TX-BURST-" + UUID.randomUUID();
        Map<String, Object> delivery = Bank.delivery(account, transactionId, 7_700);
        ExecutorService senders = Executors.newFixedThreadPool(16);
        List<Future<String>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                answers.add(senders.submit(() -> {
                    var answer = Suite.asScheme().contentType(ContentType.JSON).body(delivery)
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
            assertThat(bank.creditsOn(paymentId)).isEqualTo(1);
        } finally {
            senders.shutdownNow();
        }
    }

    static Stream<Arguments> groupsOnTheInboundPath() {
        return Stream.of(Arguments.of(PaymentSchemeReactions.VALIDATE_ON_RECEIVED, "payment-scheme-service"),
                Arguments.of(SanctionsReactions.SCREEN_ON_VALIDATED, "sanctions-service"),
                Arguments.of(AccountsReactions.CREDIT_ON_SANCTIONS_CLEARED, "accounts-service"));
    }

    /** Why the store parked the payment's event on the group, as the service's ops API lists it. */
    private Optional<String> parkedReason(ConsumerGroup<?> group, String service, String paymentId) {
        var listing = Suite.asOps().get(baseOf(service) + "/ops/subscriptions/" + group.name() + "/parked");
        assertThat(listing.statusCode()).as(listing.asString()).isEqualTo(200);
        return Optional.ofNullable(listing.jsonPath().getString("find { it.eventStream == '"
                + PaymentStreams.payment(paymentId) + "' }.reason"));
    }

    @Test
    void afterAReplayTheParkedListStillAnswersWithWhatIsParkedAgain() throws Exception {
        ConsumerGroup<?> group = AccountsReactions.CREDIT_ON_SANCTIONS_CLEARED;
        String paymentId = bank.unreadableEventFor(group);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> parkedReason(group, "accounts-service", paymentId).isPresent());
        Long truncatedBefore = suite.client().getStreamMetadata(group.parkedStream()).get(10, TimeUnit.SECONDS)
                .getTruncateBefore();

        Suite.asOps().post(suite.accounts("/ops/subscriptions/" + group.name() + "/parked/replay")).then()
                .statusCode(202);

        // the store replays it, the group parks it again, and the store truncates the parked stream (resetting its
        // access list to $admins, as EventStoreDB does); the service lists it again all the same
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> !Objects
                .equals(truncatedBefore, suite.client().getStreamMetadata(group.parkedStream())
                        .get(10, TimeUnit.SECONDS).getTruncateBefore()));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> parkedReason(group, "accounts-service", paymentId).isPresent());
        System.out.printf("[faults] replayed the parked messages of %s: listed again (%s)%n", group.name(),
                parkedReason(group, "accounts-service", paymentId).orElseThrow());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groupsOnTheInboundPath")
    void anEventNoCodeCanReadIsParkedWithItsReasonTheServicesStayReadyAndTheNextPaymentCompletes(ConsumerGroup<?> group,
                                                                            String service) throws Exception {
        String paymentId = bank.unreadableEventFor(group);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> parkedReason(group, service, paymentId).isPresent());
        String reason = parkedReason(group, service, paymentId).orElseThrow();
        Bank.Account account = bank.openAccount("AFTER POISON");
        Bank.Sent next = bank.pay(account, 321);
        bank.awaitStatus(next.paymentId(), "COMPLETED");

        System.out.printf("[faults] unreadable %s on %s: parked (%s); the next payment completed%n",
                EventTypes.nameOf(group.eventType()), group.name(), reason);
        assertThat(reason).isNotBlank();
        assertThat(bank.balance(account)).isEqualTo(321);
        // read models that follow every payment event went past it too (noted in /ops/read-models), still ready
        for (String base : List.of(suite.scheme(""), suite.sanctions(""), suite.accounts(""))) {
            given().get(base + "/q/health/ready").then().statusCode(200);
        }
    }

    private String baseOf(String service) {
        return switch (service) {
            case "payment-scheme-service" -> suite.scheme("");
            case "sanctions-service" -> suite.sanctions("");
            default -> suite.accounts("");
        };
    }
}
