package com.paystream.accounts.outbound;

import com.paystream.accounts.account.Accounts;
import com.paystream.accounts.account.TestAccounts;
import com.paystream.events.EventTypes;
import com.paystream.events.PaymentStreams;
import com.paystream.infrastructure.store.EventStore;
import com.paystream.infrastructure.testing.EventStoreTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.paystream.infrastructure.testing.Operators.asAccountOfficer;
import static com.paystream.infrastructure.testing.Operators.asCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
class OutboundPaymentsApiTest {
    @Inject
    Accounts accounts;
    @Inject
    EventStore store;

    /** The customer who owns the accounts of these tests, and pays out of them. */
    private static io.restassured.specification.RequestSpecification asOwner() {
        return asCustomer(TestAccounts.CUSTOMER);
    }

    /** An open account of {@link AccountsApiTest#CUSTOMER} holding {@code pence}. */
    private String fundedAccount(long pence) {
        String id = TestAccounts.open("608371", TestAccounts.newAccountNumber());
        TestAccounts.credit(accounts, id, pence);
        return id;
    }

    private static Map<String, Object> payment(String key, long pence) {
        return TestAccounts.outboundPayment(key, pence, "INV 77");
    }

    private static io.restassured.response.ValidatableResponse pay(String accountId, Map<String, Object> body) {
        return asOwner().contentType(ContentType.JSON).body(body)
                .post("/accounts/" + accountId + "/outbound-payments").then();
    }

    /** The account refuses the payment: a 409 problem naming the rule it breaks. */
    private static void refusedFor(io.restassured.response.ValidatableResponse response, String rule) {
        response.statusCode(409).contentType("application/problem+json").body("type", endsWith(rule));
    }

    @Test
    void anOutboundPaymentWithinTheFundsIsAcceptedAndReserved() {
        String account = fundedAccount(50_000);

        pay(account, payment("k-1", 20_000)).statusCode(201)
                .body("state", equalTo("RESERVED"))
                .body("availableBalancePence", equalTo(30_000));
    }

    @Test
    void aReservationLeavesTheBalanceButLowersTheAvailableBalance() {
        String account = fundedAccount(50_000);
        pay(account, payment("k-1", 20_000)).statusCode(201);

        asOwner().get("/accounts/" + account).then().statusCode(200)
                .body("balancePence", equalTo(50_000))
                .body("availableBalancePence", equalTo(30_000));
    }

    @Test
    void theSameRequestSentAgainIsTheSamePaymentReservedOnce() {
        String account = fundedAccount(50_000);
        String first = pay(account, payment("k-1", 20_000)).statusCode(201).extract().path("paymentId");

        pay(account, payment("k-1", 20_000)).statusCode(200)
                .body("paymentId", equalTo(first))
                .body("availableBalancePence", equalTo(30_000));
    }

    @Test
    void theSameIdempotencyKeyWithAnotherPaymentIsAConflict() {
        String account = fundedAccount(50_000);
        pay(account, payment("k-1", 20_000)).statusCode(201);

        refusedFor(pay(account, payment("k-1", 20_001)), "idempotency-key-reused");
    }

    @Test
    void aPaymentAboveTheAvailableBalanceIsRefusedForInsufficientFunds() {
        String account = fundedAccount(10_000);

        refusedFor(pay(account, payment("k-1", 10_001)), "insufficient-funds");
    }

    @Test
    void aBlockedAccountCannotPayOut() {
        String account = fundedAccount(10_000);
        asAccountOfficer().contentType(ContentType.JSON).body(Map.of("reason", "fraud review"))
                .post("/accounts/" + account + "/block").then().statusCode(200);

        refusedFor(pay(account, payment("k-1", 1)), "account-blocked");
    }

    @Test
    void anAccountsOwnDailyCountLimitRefusesOneMorePaymentThatDay() {
        String account = fundedAccount(10_000);
        asAccountOfficer().contentType(ContentType.JSON)
                .body(Map.of("dailyCount", 1, "dailyAmountPence", 5_000, "weeklyCount", 3,
                        "weeklyAmountPence", 9_000))
                .put("/accounts/" + account + "/outbound-limits").then().statusCode(200)
                .body("accountsOwn", equalTo(true));
        pay(account, payment("k-1", 100)).statusCode(201);

        refusedFor(pay(account, payment("k-2", 100)), "outbound-limit-exceeded");
    }

    @Test
    void withoutItsOwnLimitsAnAccountHasTheBanksDefaults() {
        asOwner().get("/accounts/" + fundedAccount(1) + "/outbound-limits").then().statusCode(200)
                .body("accountsOwn", equalTo(false))
                .body("dailyCount", equalTo(10));
    }

    @Test
    void anAcceptedPaymentIsPublishedOnItsTimelineAsRequestedThenFundsReserved() {
        String account = fundedAccount(50_000);
        String paymentId = pay(account, payment("k-1", 20_000)).statusCode(201).extract().path("paymentId");

        assertThat(store.load(PaymentStreams.payment(paymentId)).payloads())
                .extracting(event -> EventTypes.nameOf(event.getClass()))
                .containsExactly("OutboundPaymentRequested", "OutboundPaymentFundsReserved");
    }

    @Test
    void anOutboundPaymentWithoutAnIdempotencyKeyIsRefusedNamingTheField() {
        Map<String, Object> body = new java.util.HashMap<>(payment("k", 1));
        body.remove("idempotencyKey");

        pay(fundedAccount(10), body).statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("idempotencyKey"));
    }

    @Test
    void anAccountListsItsOutboundPayments() {
        String account = fundedAccount(50_000);
        String paymentId = pay(account, payment("k-1", 20_000)).statusCode(201).extract().path("paymentId");

        asOwner().get("/accounts/" + account + "/outbound-payments").then().statusCode(200)
                .body("paymentId", hasItem(paymentId));
    }
}
