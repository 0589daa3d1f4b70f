package com.paystream.systemtests;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

/** Every path of the inbound flow, driven over HTTP through the packaged services. */
@ExtendWith(Suite.class)
class InboundFlowSystemTest {
    private final Suite suite = Suite.get();
    private final Bank bank = new Bank(suite);

    @Test
    void aValidPaymentIsCreditedToItsAccount() {
        Bank.Account account = bank.openAccount("JANE VALID");
        Bank.Sent sent = bank.pay(account, 12_345);

        bank.awaitStatus(sent.paymentId(), "COMPLETED");

        assertThat(bank.balance(account)).isEqualTo(12_345);
    }

    @Test
    void aCreditedPaymentsTimelineShowsEveryStepInOrder() {
        Bank.Sent sent = bank.pay(bank.openAccount("TIM LINE"), 500);

        bank.awaitStatus(sent.paymentId(), "COMPLETED");

        assertThat(bank.timeline(sent.paymentId())).containsExactly("InboundPaymentReceived",
                "InboundPaymentValidated", "InboundPaymentSanctionsCleared", "InboundPaymentAccountChecked",
                "InboundPaymentBalanceUpdated");
    }

    @Test
    void aPaymentWithInvalidDetailsIsReturnedToTheSchemeWithCode0() {
        Bank.Sent sent = bank.send("invalidDetails", Map.of());

        bank.awaitStatus(sent.paymentId(), "RETURNED");

        assertThat(bank.awaitReturnCode(sent.schemeTransactionId())).isEqualTo("0");
    }

    @Test
    void aPaymentToAClosedAccountIsReturnedToTheSchemeWithCodeB() {
        Bank.Sent sent = bank.send("closedAccount", Map.of());

        bank.awaitStatus(sent.paymentId(), "RETURNED");

        assertThat(bank.awaitReturnCode(sent.schemeTransactionId())).isEqualTo("B");
    }

    @Test
    void aPaymentToAnAccountTheBankDoesNotHoldIsReturnedWithCode5() {
        Bank.Sent sent = bank.send("unknownAccount", Map.of());

        bank.awaitStatus(sent.paymentId(), "RETURNED");

        assertThat(bank.awaitReturnCode(sent.schemeTransactionId())).isEqualTo("5");
    }

    @Test
    void aPaymentToABlockedAccountFailsWithoutAReturn() {
        Bank.Sent sent = bank.send("blockedAccount", Map.of());

        bank.awaitStatus(sent.paymentId(), "FAILED");

        assertThat(bank.timeline(sent.paymentId())).contains("InboundPaymentAccountCheckFailed")
                .doesNotContain("InboundPaymentReturned");
    }

    @Test
    void aPaymentFromASanctionedNameWaitsInTheOperatorsQueue() {
        Bank.Sent sent = bank.send("sanctionedOriginator", Map.of());

        bank.awaitStatus(sent.paymentId(), "HELD");

        Suite.asOfficer().get(suite.sanctions("/held-payments")).then().statusCode(200)
                .body("paymentId", hasItem(sent.paymentId()));
    }

    @Test
    void aReleasedHeldPaymentIsCredited() {
        Bank.Account account = bank.openAccount("HELD RELEASED");
        Bank.Sent sent = bank.send("sanctionedOriginator", Map.of(
                "beneficiary", account.asBeneficiary(),
                "amount", Map.of("minorUnits", 7_000, "currency", "GBP")));
        bank.awaitStatus(sent.paymentId(), "HELD");

        bank.decide(sent.paymentId(), "release");
        bank.awaitStatus(sent.paymentId(), "COMPLETED");

        assertThat(bank.balance(account)).isEqualTo(7_000);
    }

    @Test
    void aRejectedHeldPaymentFailsAndCreditsNothing() {
        Bank.Account account = bank.openAccount("HELD REJECTED");
        Bank.Sent sent = bank.send("sanctionedOriginator", Map.of("beneficiary", account.asBeneficiary()));
        bank.awaitStatus(sent.paymentId(), "HELD");

        bank.decide(sent.paymentId(), "reject");
        bank.awaitStatus(sent.paymentId(), "FAILED");

        assertThat(bank.balance(account)).isZero();
    }

    @Test
    void aSecondDecisionOnAHeldPaymentIsAConflict() {
        Bank.Sent sent = bank.send("sanctionedOriginator", Map.of());
        bank.awaitStatus(sent.paymentId(), "HELD");
        bank.decide(sent.paymentId(), "reject");

        Suite.asOfficer().contentType(ContentType.JSON).body(Map.of("reason", "second thoughts"))
                .post(suite.sanctions("/held-payments/" + sent.paymentId() + "/release"))
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void everyPaymentOfAMixedBatchEndsWhereItsKindSays() {
        JsonPath batch = Suite.asScheme().contentType(ContentType.JSON)
                .body(Map.of("count", 18, "mix", Map.of("valid", 1, "invalidDetails", 1, "sanctionedOriginator", 1,
                        "closedAccount", 1, "blockedAccount", 1, "unknownAccount", 1)))
                .post(suite.simulator("/simulator/inbound-payments/batch"))
                .then().statusCode(200).extract().jsonPath();
        assertThat(batch.getInt("accepted")).isEqualTo(18);
        Map<String, String> expected = Map.of("valid", "COMPLETED", "invalidDetails", "RETURNED",
                "sanctionedOriginator", "HELD", "closedAccount", "RETURNED", "blockedAccount", "FAILED",
                "unknownAccount", "RETURNED");

        List<Map<String, Object>> payments = batch.getList("payments");
        assertThat(payments).allSatisfy(payment -> {
            String status = bank.awaitStatus((String) payment.get("paymentId"), Bank.SETTLED).getString("status");
            assertThat(status).as("payment of kind %s", payment.get("kind"))
                    .isEqualTo(expected.get((String) payment.get("kind")));
        });
    }
}
