package com.paystream.scheme.status;

import com.paystream.events.InboundPaymentDetails;
import com.paystream.events.InboundPaymentReceived;
import com.paystream.events.Money;
import com.paystream.events.OutboundPaymentDetails;
import com.paystream.events.OutboundPaymentFundsReserved;
import com.paystream.events.OutboundPaymentRequested;
import com.paystream.events.Party;
import com.paystream.events.PaymentEvent;
import com.paystream.events.PaymentStreams;
import com.paystream.infrastructure.security.Roles;
import com.paystream.infrastructure.store.Causation;
import com.paystream.infrastructure.store.EventStore;
import com.paystream.infrastructure.store.Expected;
import com.paystream.infrastructure.testing.EventStoreTestResource;
import com.paystream.infrastructure.testing.ServerSentEvents;
import com.paystream.infrastructure.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static com.paystream.infrastructure.testing.Operators.asAuditor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The payments overview: newest first, a page at a time, filtered by direction, amount, when a payment started and a
 * party's account, with counts per status, and followed as payments change. Each test's payments are paid from an
 * account of their own, so its filter finds them alone.
 */
@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
class PaymentsOverviewTest {
    private static final String SORT_CODE = "608371";

    @Inject
    EventStore store;

    private static String newAccountNumber() {
        return "7" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    }

    /** A customer of account {@code accountNumber} asks to pay {@code pence} out: the payment's id. */
    private String payOut(String accountNumber, long pence, boolean reserved) {
        String paymentId = UUID.randomUUID().toString();
        OutboundPaymentDetails details = new OutboundPaymentDetails("acc-" + accountNumber,
                new Party("JANE DOE", SORT_CODE, accountNumber), new Party("NORTHWIND", "089999", "66374958"),
                Money.pence(pence), "INV 1");
        Instant at = Instant.now();
        List<PaymentEvent> events = reserved
                ? List.of(new OutboundPaymentRequested(paymentId, details, "k-" + paymentId, at),
                new OutboundPaymentFundsReserved(paymentId, details, Money.pence(0), at))
                : List.of(new OutboundPaymentRequested(paymentId, details, "k-" + paymentId, at));
        store.append(PaymentStreams.payment(paymentId), Expected.noStream(),
                Causation.command("test:" + paymentId, paymentId), events);
        return paymentId;
    }

    private String payOut(String accountNumber, long pence) {
        return payOut(accountNumber, pence, false);
    }

    /** The scheme delivers a payment from {@code accountNumber}'s holder into one of our accounts: its id. */
    private String paidInFrom(String accountNumber, long pence) {
        String paymentId = UUID.randomUUID().toString();
        InboundPaymentDetails details = new InboundPaymentDetails("TX-" + paymentId,
                new Party("JANE DOE", SORT_CODE, accountNumber), new Party("ACME", "107999", "88837491"),
                Money.pence(pence), "INV 2", LocalDate.now());
        store.append(PaymentStreams.payment(paymentId), Expected.noStream(),
                Causation.command("test:" + paymentId, paymentId),
                List.of(new InboundPaymentReceived(paymentId, details, Instant.now())));
        return paymentId;
    }

    private static Response listed(String query) {
        return asAuditor().get("/payments?" + query);
    }

    /** Waits until the read model has every payment of the account. */
    private static void awaitListed(String accountNumber, int count) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(listed("sortCode=" + SORT_CODE + "&accountNumber=" + accountNumber).jsonPath()
                        .getList("paymentId")).hasSize(count));
    }

    private static void pause() throws InterruptedException {
        Thread.sleep(5); // two payments never start at the same instant
    }

    @Test
    void theNewestPaymentIsListedFirst() throws InterruptedException {
        String account = newAccountNumber();
        String older = payOut(account, 100);
        pause();
        String newer = payOut(account, 200);
        awaitListed(account, 2);

        listed("sortCode=" + SORT_CODE + "&accountNumber=" + account).then().statusCode(200)
                .body("paymentId", contains(newer, older));
    }

    @Test
    void aPageHoldsAtMostTheLimitAndItsNextLinkLeadsToTheRest() throws InterruptedException {
        String account = newAccountNumber();
        String first = payOut(account, 100);
        pause();
        String second = payOut(account, 200);
        pause();
        String third = payOut(account, 300);
        awaitListed(account, 3);

        Response page = listed("accountNumber=" + account + "&limit=2");
        page.then().statusCode(200).body("paymentId", contains(third, second));
        String next = page.header("Link").replaceAll("^<([^>]+)>; rel=\"next\"$", "$1");

        Response rest = asAuditor().get(next);
        rest.then().statusCode(200).body("paymentId", contains(first));
        assertThat(rest.header("Link")).isNull();
    }

    @Test
    void outboundPaymentsAreListedApartFromInboundOnes() {
        String account = newAccountNumber();
        String outbound = payOut(account, 100);
        paidInFrom(account, 200);
        awaitListed(account, 2);

        listed("accountNumber=" + account + "&direction=OUTBOUND").then().statusCode(200)
                .body("paymentId", contains(outbound))
                .body("direction", contains("OUTBOUND"))
                .body("amount.minorUnits", contains(100));
    }

    @Test
    void paymentsAreFoundByTheirAmountBetweenTwoBounds() {
        String account = newAccountNumber();
        payOut(account, 500);
        String middle = payOut(account, 1_500);
        payOut(account, 2_500);
        awaitListed(account, 3);

        listed("accountNumber=" + account + "&minAmount=1000&maxAmount=2000").then().statusCode(200)
                .body("paymentId", contains(middle));
    }

    @Test
    void paymentsAreFoundByWhenTheyStarted() throws InterruptedException {
        String account = newAccountNumber();
        payOut(account, 100);
        awaitListed(account, 1);
        Instant between = Instant.now();
        pause();
        String later = payOut(account, 200);
        awaitListed(account, 2);

        listed("accountNumber=" + account + "&from=" + between).then().statusCode(200)
                .body("paymentId", contains(later));
    }

    @Test
    void theCountsSayHowManyMatchingPaymentsStandAtEachStatus() {
        String account = newAccountNumber();
        payOut(account, 100);
        payOut(account, 200);
        payOut(account, 300, true);
        awaitListed(account, 3);

        asAuditor().get("/payments/counts?status=REQUESTED&accountNumber=" + account).then().statusCode(200)
                .body("total", equalTo(3))
                .body("byStatus.REQUESTED", equalTo(2))
                .body("byStatus.FUNDS_RESERVED", equalTo(1));
    }

    @Test
    void aListenerIsToldOfAPaymentAsItStarts() {
        try (ServerSentEvents changes = ServerSentEvents.listen("/payments/changes",
                TestTokens.token("auditor", Roles.AUDITOR))) {
            assertThat(changes.status()).isEqualTo(200);

            String paymentId = payOut(newAccountNumber(), 100);

            assertThat(changes.first(data -> data.contains(paymentId) && data.contains("\"status\":\"REQUESTED\""),
                    Duration.ofSeconds(10))).isPresent();
        }
    }

    @Test
    void aCustomerCannotFollowPayments() {
        try (ServerSentEvents changes = ServerSentEvents.listen("/payments/changes",
                TestTokens.customer("carol", "C-1001"))) {
            assertThat(changes.status()).isEqualTo(403);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"limit=0, limit", "limit=501, limit", "limit=ten, limit", "from=yesterday, from",
            "from=2026-11-25T00:00:00Z&to=2026-11-24T00:00:00Z, to", "minAmount=-1, minAmount",
            "maxAmount=1.50, maxAmount", "direction=SIDEWAYS, direction", "sortCode=12-34-56, sortCode",
            "accountNumber=123, accountNumber"})
    void aBadParameterIsRefusedAsAProblemNamingIt(String query, String field) {
        listed(query).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    @Test
    void aPageCannotStartAfterAPaymentThatIsNotListed() {
        listed("limit=10&before=" + UUID.randomUUID()).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("before"));
    }
}
