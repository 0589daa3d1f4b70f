package com.paystream.systemtests;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.empty;

/**
 * Operating the running suite: each service's consumer groups, a payment parked during a scheme outage and replayed
 * once the scheme is back, the audit trail across services, and finding a payment by what an operator has in hand.
 */
@ExtendWith(Suite.class)
class OperationsSystemTest {
    private static final String SUBMIT_GROUP = "payment-scheme.submit-on-outbound-sanctions-cleared";
    private static final Duration PARK_TIMEOUT = Duration.ofSeconds(90);

    private final Suite suite = Suite.get();
    private final Bank bank = new Bank(suite);

    private void schemeIntake(boolean open) {
        Suite.asScheme().contentType(ContentType.JSON).body(Map.of("open", open))
                .put(suite.simulator("/simulator/outbound-payments/intake")).then().statusCode(200);
    }

    private List<String> parkedSubmissions() {
        return Suite.asOps().get(suite.scheme("/ops/subscriptions/" + SUBMIT_GROUP + "/parked")).then().statusCode(200)
                .extract().jsonPath().getList("paymentId", String.class);
    }

    @Test
    void everyServiceListsItsConsumerGroupsAsTheStoreHasThem() {
        for (String ops : List.of(suite.scheme("/ops/subscriptions"), suite.sanctions("/ops/subscriptions"),
                suite.accounts("/ops/subscriptions"), suite.simulator("/ops/subscriptions"))) {
            Suite.asOps().get(ops).then().statusCode(200)
                    .body("$", not(empty()))
                    .body("exists", everyItem(equalTo(true)))
                    .body("subscribedHere", everyItem(equalTo(true)));
        }
    }

    @Test
    void anOutboundPaymentParkedDuringASchemeOutageCompletesWhenReplayedAfterTheSchemeIsBack() {
        Bank.Account account = bank.openAccount("OUTAGE OUT");
        bank.awaitStatus(bank.pay(account, 20_000).paymentId(), "COMPLETED");
        String paymentId;
        schemeIntake(false);
        try {
            paymentId = bank.payOut(account, "NORTHWIND TRADING", "089999", 5_000);
            await().atMost(PARK_TIMEOUT).pollInterval(Duration.ofMillis(500))
                    .until(() -> parkedSubmissions().contains(paymentId));
        } finally {
            schemeIntake(true);
        }
        assertThat(bank.awaitStatus(paymentId, "SANCTIONS_CLEARED").getString("status"))
                .isEqualTo("SANCTIONS_CLEARED");

        Suite.asOps().post(suite.scheme("/ops/subscriptions/" + SUBMIT_GROUP + "/parked/replay")).then().statusCode(202);

        bank.awaitStatus(paymentId, "COMPLETED");
        assertThat(bank.balance(account)).isEqualTo(15_000);
        // once replayed, the store lets only admins list the group's parked messages (as EventStoreDB does): the
        // group's statistics say none is left
        await().atMost(Duration.ofSeconds(30)).until(() -> Suite.asOps()
                .get(suite.scheme("/ops/subscriptions/" + SUBMIT_GROUP)).then().statusCode(200)
                .extract().jsonPath().getLong("parked") == 0);
    }

    @Test
    void aHeldPaymentsAuditTrailShowsItsMatchesAndTheOperatorWhoReleasedIt() {
        Bank.Account account = bank.openAccount("AUDITED");
        Bank.Sent sent = bank.send("sanctionedOriginator", Map.of("beneficiary", account.asBeneficiary()));
        bank.awaitStatus(sent.paymentId(), "HELD");
        bank.decide(sent.paymentId(), "release");
        bank.awaitStatus(sent.paymentId(), "COMPLETED");

        Suite.asAuditor().get(suite.scheme("/payments/" + sent.paymentId() + "/timeline")).then().statusCode(200)
                .body("timeline.type", hasItem("InboundHeldPaymentReleased"))
                .body("screening.held", equalTo(true))
                .body("screening.matches", not(empty()))
                .body("screening.decision.outcome", equalTo("RELEASED"))
                .body("screening.decision.operatorName", equalTo(Suite.OFFICER))
                .body("screening.decision.operatorId", not(equalTo(Suite.OFFICER)));
    }

    @Test
    void aPaymentIsFoundByTheSchemesTransactionId() {
        Bank.Sent sent = bank.send("valid", Map.of());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Suite.asAuditor()
                .get(suite.scheme("/payments?schemeTransactionId=" + sent.schemeTransactionId())).then()
                .statusCode(200).body("paymentId", contains(sent.paymentId())));
    }
}
