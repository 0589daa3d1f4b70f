package com.paystream.accounts.outbound;

import com.paystream.accounts.account.Account;
import com.paystream.accounts.account.Accounts;
import com.paystream.accounts.account.TestAccounts;
import com.paystream.events.EventTypes;
import com.paystream.events.OutboundHeldPaymentRejected;
import com.paystream.events.OutboundPaymentDetails;
import com.paystream.events.OutboundPaymentEvent;
import com.paystream.events.OutboundPaymentRequested;
import com.paystream.events.OutboundPaymentReturnedByScheme;
import com.paystream.events.OutboundPaymentSettled;
import com.paystream.events.PaymentStreams;
import com.paystream.events.ReturnReason;
import com.paystream.infrastructure.store.Causation;
import com.paystream.infrastructure.store.EventStore;
import com.paystream.infrastructure.store.Expected;
import com.paystream.infrastructure.testing.EventStoreTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.paystream.infrastructure.testing.Operators.asCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** How an outbound payment ends on its account, driven by the events the rest of the flow publishes. */
@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
class OutboundOutcomesTest {
    private static final Instant AT = Instant.parse("2026-11-24T10:00:00Z");

    @Inject
    Accounts accounts;
    @Inject
    EventStore store;

    private record Paid(String accountId, String paymentId, OutboundPaymentDetails details) {
    }

    /** An account holding 50,000 pence with an accepted outbound payment of 20,000. */
    private Paid acceptedPayment() {
        String id = TestAccounts.open("608371", TestAccounts.newAccountNumber());
        TestAccounts.credit(accounts, id, 50_000);
        String paymentId = asCustomer(TestAccounts.CUSTOMER).contentType(ContentType.JSON)
                .body(Map.of("idempotencyKey", "k-1",
                        "beneficiary", Map.of("name", "NORTHWIND", "sortCode", "089999", "accountNumber", "66374958"),
                        "amount", Map.of("minorUnits", 20_000, "currency", "GBP"), "reference", "INV 1"))
                .post("/accounts/" + id + "/outbound-payments").then().statusCode(201).extract().path("paymentId");
        OutboundPaymentDetails details = ((OutboundPaymentRequested) store.load(PaymentStreams.payment(paymentId))
                .payloads().get(0)).details();
        return new Paid(id, paymentId, details);
    }

    private void publish(Paid paid, OutboundPaymentEvent event) {
        store.append(PaymentStreams.payment(paid.paymentId()), Expected.any(),
                Causation.command(UUID.randomUUID().toString(), paid.paymentId()), List.of(event));
    }

    private void awaitOnTimeline(Paid paid, String type) {
        await().atMost(Duration.ofSeconds(10)).until(() -> timeline(paid).contains(type));
    }

    private List<String> timeline(Paid paid) {
        return store.load(PaymentStreams.payment(paid.paymentId())).payloads().stream()
                .map(event -> EventTypes.nameOf(event.getClass())).toList();
    }

    private Account account(Paid paid) {
        return accounts.load(paid.accountId()).account();
    }

    @Test
    void aSettledPaymentIsDebitedFromTheAccount() {
        Paid paid = acceptedPayment();

        publish(paid, new OutboundPaymentSettled(paid.paymentId(), paid.details(), AT));
        awaitOnTimeline(paid, "OutboundPaymentDebited");

        assertThat(account(paid).balancePence()).isEqualTo(30_000);
        assertThat(account(paid).availablePence()).isEqualTo(30_000);
    }

    @Test
    void aSettlementDeliveredTwiceDebitsOnce() {
        Paid paid = acceptedPayment();

        publish(paid, new OutboundPaymentSettled(paid.paymentId(), paid.details(), AT));
        publish(paid, new OutboundPaymentSettled(paid.paymentId(), paid.details(), AT));
        await().atMost(Duration.ofSeconds(10)).until(() -> timeline(paid).stream()
                .filter("OutboundPaymentSettled"::equals).count() == 2 && timeline(paid)
                .contains("OutboundPaymentDebited"));
        // the second settlement is handled after the first (one worker per group, in order)
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() ->
                account(paid).balancePence() == 30_000);

        assertThat(timeline(paid).stream().filter("OutboundPaymentDebited"::equals).count()).isEqualTo(1);
    }

    @Test
    void aRejectedHeldPaymentReleasesItsReservationAndFails() {
        Paid paid = acceptedPayment();

        publish(paid, new OutboundHeldPaymentRejected(paid.paymentId(), paid.details(), "op-1", "officer",
                "confirmed match", AT));
        awaitOnTimeline(paid, "OutboundPaymentFailed");

        assertThat(account(paid).availablePence()).isEqualTo(50_000);
    }

    @Test
    void aPaymentReturnedAfterSettlementIsCreditedBack() {
        Paid paid = acceptedPayment();
        publish(paid, new OutboundPaymentSettled(paid.paymentId(), paid.details(), AT));
        awaitOnTimeline(paid, "OutboundPaymentDebited");

        publish(paid, new OutboundPaymentReturnedByScheme(paid.paymentId(), paid.details(),
                ReturnReason.ACCOUNT_CLOSED, "beneficiary account closed", AT));
        awaitOnTimeline(paid, "OutboundPaymentRefunded");

        assertThat(account(paid).balancePence()).isEqualTo(50_000);
    }

    @Test
    void aPaymentReturnedBeforeSettlementHasItsReservationReleased() {
        Paid paid = acceptedPayment();

        publish(paid, new OutboundPaymentReturnedByScheme(paid.paymentId(), paid.details(),
                ReturnReason.NO_ACCOUNT, "no such account", AT));
        awaitOnTimeline(paid, "OutboundPaymentRefunded");

        assertThat(account(paid).balancePence()).isEqualTo(50_000);
        assertThat(account(paid).availablePence()).isEqualTo(50_000);
    }
}
