package com.paystream.systemtests;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every path of the outbound flow over HTTP: a customer pays out, sanctions screen the beneficiary, the bank submits
 * to the scheme (simulator), which settles (immediately here) or returns it.
 */
@ExtendWith(Suite.class)
class OutboundFlowSystemTest {
    private final Suite suite = Suite.get();
    private final Bank bank = new Bank(suite);

    /** An account of its own, holding {@code pence} from an inbound payment. */
    private Bank.Account fundedAccount(String holder, long pence) {
        Bank.Account account = bank.openAccount(holder);
        bank.awaitStatus(bank.pay(account, pence).paymentId(), "COMPLETED");
        return account;
    }

    private long available(Bank.Account account) {
        return Suite.asAuditor().get(suite.accounts("/accounts/" + account.id())).then().statusCode(200).extract()
                .jsonPath().getLong("availableBalancePence");
    }

    private String schemeTransactionIdOf(String paymentId) {
        return bank.timeline(paymentId).contains("OutboundPaymentSentToScheme")
                ? Suite.asAuditor().get(suite.scheme("/payments/" + paymentId)).then().extract().jsonPath()
                .getString("timeline.find { it.type == 'OutboundPaymentSentToScheme' }.event.schemeTransactionId")
                : null;
    }

    @Test
    void anOutboundPaymentIsSettledAndDebitedFromTheAccount() {
        Bank.Account account = fundedAccount("PAYS OUT", 50_000);

        String paymentId = bank.payOut(account, "NORTHWIND TRADING", "089999", 20_000);
        bank.awaitStatus(paymentId, "COMPLETED");

        assertThat(bank.balance(account)).isEqualTo(30_000);
        assertThat(available(account)).isEqualTo(30_000);
    }

    @Test
    void aSettledOutboundPaymentsTimelineShowsEveryStepInOrder() {
        String paymentId = bank.payOut(fundedAccount("TIMELINE OUT", 5_000), "NORTHWIND TRADING", "089999", 1_000);

        bank.awaitStatus(paymentId, "COMPLETED");

        assertThat(bank.timeline(paymentId)).containsExactly("OutboundPaymentRequested",
                "OutboundPaymentFundsReserved", "OutboundPaymentSanctionsCleared", "OutboundPaymentSentToScheme",
                "OutboundPaymentSettled", "OutboundPaymentDebited");
    }

    @Test
    void anOutboundPaymentToASanctionedBeneficiaryIsHeldThenReleasedAndSettled() {
        Bank.Account account = fundedAccount("HELD OUT", 50_000);
        String paymentId = bank.payOut(account, "BORIS VRASK", "089999", 10_000);
        bank.awaitStatus(paymentId, "HELD");

        bank.decide(paymentId, "release");
        bank.awaitStatus(paymentId, "COMPLETED");

        assertThat(bank.balance(account)).isEqualTo(40_000);
    }

    @Test
    void aRejectedHeldOutboundPaymentFailsAndItsReservationIsReleased() {
        Bank.Account account = fundedAccount("REJECTED OUT", 50_000);
        String paymentId = bank.payOut(account, "BORIS VRASK", "089999", 10_000);
        bank.awaitStatus(paymentId, "HELD");

        bank.decide(paymentId, "reject");
        bank.awaitStatus(paymentId, "FAILED");

        assertThat(bank.balance(account)).isEqualTo(50_000);
        assertThat(available(account)).isEqualTo(50_000);
    }

    @Test
    void anOutboundPaymentTheSchemeRefusesFailsAndItsReservationIsReleased() {
        Bank.Account account = fundedAccount("REFUSED OUT", 50_000);

        String paymentId = bank.payOut(account, "NOWHERE BANK", "000000", 10_000);
        bank.awaitStatus(paymentId, "FAILED");

        assertThat(bank.timeline(paymentId)).contains("OutboundPaymentRefusedByScheme");
        assertThat(available(account)).isEqualTo(50_000);
    }

    @Test
    void anOutboundPaymentReturnedByTheSchemeAfterSettlementIsCreditedBack() {
        Bank.Account account = fundedAccount("RETURNED OUT", 50_000);
        String paymentId = bank.payOut(account, "NORTHWIND TRADING", "089999", 20_000);
        bank.awaitStatus(paymentId, "COMPLETED");

        Suite.asScheme().contentType(ContentType.JSON).body(Map.of("reasonCode", "B", "detail", "beneficiary account closed"))
                .post(suite.simulator("/simulator/outbound-payments/" + schemeTransactionIdOf(paymentId) + "/return"))
                .then().statusCode(200);
        bank.awaitStatus(paymentId, "RETURNED");

        assertThat(bank.balance(account)).isEqualTo(50_000);
    }

    @Test
    void anOutboundPaymentAboveTheAvailableBalanceIsRefusedAndNothingIsReserved() {
        Bank.Account account = fundedAccount("TOO POOR", 1_000);

        Suite.as(Suite.CUSTOMER).contentType(ContentType.JSON)
                .body(Map.of("idempotencyKey", "k-poor", "beneficiary", Map.of("name", "NORTHWIND",
                                "sortCode", "089999", "accountNumber", "66374958"),
                        "amount", Map.of("minorUnits", 1_001, "currency", "GBP"), "reference", "INV 9"))
                .post(suite.accounts("/accounts/" + account.id() + "/outbound-payments"))
                .then().statusCode(409).contentType("application/problem+json");

        assertThat(available(account)).isEqualTo(1_000);
    }

    @Test
    void onTheBacsCycleAPaymentWaitsForItsEntryDayToSettle() {
        Bank.Account account = fundedAccount("BACS CYCLE", 50_000);
        Suite.asScheme().contentType(ContentType.JSON).body(Map.of("mode", "BACS_CYCLE"))
                .put(suite.simulator("/simulator/outbound-payments/settlement-mode")).then().statusCode(200);
        try {
            String paymentId = bank.payOut(account, "NORTHWIND TRADING", "089999", 5_000);
            bank.awaitStatus(paymentId, "SENT_TO_SCHEME");
            String entryDay = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> Suite.asScheme().get(suite.simulator("/simulator/outbound-payments")).then().extract()
                            .jsonPath().getString("find { it.paymentId == '" + paymentId + "' }.entryDay"),
                            java.util.Objects::nonNull);

            int settledTheDayBefore = Suite.asScheme().post(suite.simulator("/simulator/outbound-payments/settle-due?asOf="
                    + java.time.LocalDate.parse(entryDay).minusDays(1))).then().statusCode(200).extract()
                    .path("settled");
            Suite.asScheme().post(suite.simulator("/simulator/outbound-payments/settle-due?asOf=" + entryDay))
                    .then().statusCode(200);
            bank.awaitStatus(paymentId, "COMPLETED");

            assertThat(settledTheDayBefore).isZero();

            assertThat(bank.balance(account)).isEqualTo(45_000);
        } finally {
            Suite.asScheme().contentType(ContentType.JSON).body(Map.of("mode", "IMMEDIATE"))
                    .put(suite.simulator("/simulator/outbound-payments/settlement-mode")).then().statusCode(200);
        }
    }
}
