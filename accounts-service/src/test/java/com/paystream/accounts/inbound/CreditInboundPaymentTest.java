package com.paystream.accounts.inbound;

import com.paystream.accounts.account.TestAccounts;
import com.paystream.events.AccountCheckFailure;
import com.paystream.events.InboundPaymentAccountCheckFailed;
import com.paystream.events.InboundPaymentBalanceUpdated;
import com.paystream.events.InboundPaymentDetails;
import com.paystream.events.InboundPaymentSanctionsCleared;
import com.paystream.events.Money;
import com.paystream.events.Party;
import com.paystream.events.PaymentEvent;
import com.paystream.events.PaymentStreams;
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
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static com.paystream.infrastructure.testing.Operators.asAccountOfficer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
class CreditInboundPaymentTest {
    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");
    private static final String SORT_CODE = "089999";

    @Inject
    EventStore store;

    /** An account opened to be paid into: its id, and its number (the sort code is {@link #SORT_CODE}). */
    private record Beneficiary(String id, String number) {
    }

    private static Beneficiary openedBeneficiary() {
        String number = TestAccounts.newAccountNumber();
        return new Beneficiary(TestAccounts.open(SORT_CODE, number), number);
    }

    private String clear(Beneficiary beneficiary, long pence) {
        return clear(SORT_CODE, beneficiary.number(), pence);
    }

    private String clear(String sortCode, String accountNumber, long pence) {
        String paymentId = UUID.randomUUID().toString();
        appendCleared(paymentId, sortCode, accountNumber, pence);
        return paymentId;
    }

    private void appendCleared(String paymentId, String sortCode, String accountNumber, long pence) {
        InboundPaymentDetails details = new InboundPaymentDetails("TX-" + paymentId, new Party("ACME LTD", "107999",
                "88837491"), new Party("JANE DOE", sortCode, accountNumber), Money.pence(pence), "INV 1",
                LocalDate.of(2026, 11, 24));
        store.append(PaymentStreams.payment(paymentId), Expected.any(),
                Causation.command("test:" + UUID.randomUUID(), paymentId),
                List.of(new InboundPaymentSanctionsCleared(paymentId, details, AT)));
    }

    private List<PaymentEvent> timeline(String paymentId) {
        return store.load(PaymentStreams.payment(paymentId)).payloads();
    }

    /** Waits until the payment's timeline says the account's balance was updated with it. */
    private void awaitBalanceUpdated(String paymentId) {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(timeline(paymentId))
                .anyMatch(e -> e instanceof InboundPaymentBalanceUpdated));
    }

    private long balance(String accountId) {
        return asAccountOfficer().get("/accounts/" + accountId).then().statusCode(200).extract()
                .<Integer>path("balancePence");
    }

    @Test
    void aClearedPaymentCreditsItsBeneficiaryAccount() {
        Beneficiary account = openedBeneficiary();

        awaitBalanceUpdated(clear(account, 12_500));

        assertThat(balance(account.id())).isEqualTo(12_500);
    }

    @Test
    void aPaymentClearedTwiceIsCreditedOnce() {
        Beneficiary account = openedBeneficiary();
        String paymentId = clear(account, 700);
        awaitBalanceUpdated(paymentId);

        appendCleared(paymentId, SORT_CODE, account.number(), 700); // the same payment cleared again: a duplicate
        awaitBalanceUpdated(clear(account, 1)); // a later payment: once it is credited, the duplicate was handled

        assertThat(balance(account.id())).isEqualTo(701);
        assertThat(timeline(paymentId)).filteredOn(e -> e instanceof InboundPaymentBalanceUpdated).hasSize(1);
    }

    @Test
    void aPaymentToAClosedAccountFailsItsAccountCheckAsClosed() {
        Beneficiary account = openedBeneficiary();
        asAccountOfficer().contentType(ContentType.JSON).post("/accounts/" + account.id() + "/close").then()
                .statusCode(200);

        String paymentId = clear(account, 100);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(timeline(paymentId))
                .contains(new InboundPaymentAccountCheckFailed(paymentId, "TX-" + paymentId,
                        AccountCheckFailure.ACCOUNT_CLOSED, checkedAt(paymentId))));
    }

    @Test
    void aPaymentToAnAccountThatDoesNotExistFailsItsAccountCheckForNoAccount() {
        String paymentId = clear(SORT_CODE, TestAccounts.newAccountNumber(), 100);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(timeline(paymentId))
                .filteredOn(e -> e instanceof InboundPaymentAccountCheckFailed)
                .extracting(e -> ((InboundPaymentAccountCheckFailed) e).failure())
                .containsExactly(AccountCheckFailure.NO_ACCOUNT));
    }

    @Test
    void aCreditAppearsInTheAccountsTransactionsAndTheListedBalance() {
        Beneficiary account = openedBeneficiary();
        String accountId = account.id();

        String paymentId = clear(account, 4_200);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> asAccountOfficer().get("/accounts/" + accountId
                + "/transactions").then().statusCode(200)
                .body("paymentId", org.hamcrest.Matchers.contains(paymentId))
                .body("amountPence", org.hamcrest.Matchers.contains(4_200)));
        asAccountOfficer().get("/accounts").then().statusCode(200)
                .body("find { it.accountId == '" + accountId + "' }.balancePence",
                        org.hamcrest.Matchers.equalTo(4_200));
    }

    private Instant checkedAt(String paymentId) {
        return timeline(paymentId).stream().filter(e -> e instanceof InboundPaymentAccountCheckFailed)
                .map(e -> ((InboundPaymentAccountCheckFailed) e).checkedAt()).findFirst().orElse(null);
    }
}
