package com.paystream.simulator.send;

import com.paystream.events.InboundPaymentReturned;
import com.paystream.events.PaymentStreams;
import com.paystream.events.ReturnReason;
import com.paystream.infrastructure.store.Causation;
import com.paystream.infrastructure.store.EventStore;
import com.paystream.infrastructure.store.Expected;
import com.paystream.infrastructure.testing.EventStoreTestResource;
import com.paystream.infrastructure.testing.TokenEndpointTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static com.paystream.infrastructure.testing.Operators.asAuditor;
import static com.paystream.infrastructure.testing.Operators.asScheme;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/**
 * The simulator's own API; no bank gateway runs here (deliveries fail: nothing listens at its address, though the
 * simulator has its token), the full flow is in system-tests.
 */
@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
@WithTestResource(value = TokenEndpointTestResource.class, initArgs = @ResourceArg(name = "roles", value = "scheme"))
class SimulatorApiTest {
    @Inject
    EventStore store;

    private void bankReturns(String transactionId, String paymentId, String eventCommand) {
        store.append(PaymentStreams.payment(paymentId), Expected.any(),
                Causation.command(eventCommand, paymentId),
                List.of(new InboundPaymentReturned(paymentId, transactionId, ReturnReason.ACCOUNT_CLOSED,
                        "Account 608371 30000005 is closed", Instant.parse("2026-11-24T10:00:00Z"))));
    }

    @Test
    void aDeliveryTheBanksGatewayNeverAnswersIsABadGatewayProblem() {
        asScheme().contentType(ContentType.JSON).body("{}")
                .post("/simulator/inbound-payments")
                .then().statusCode(502)
                .contentType("application/problem+json")
                .body("type", endsWith("scheme-delivery-failed"));
    }

    @Test
    void aFailedDeliveryIsStillRecordedAsSentAndFailed() {
        asScheme().contentType(ContentType.JSON)
                .body("{\"schemeTransactionId\":\"TX-FAILS-" + UUID.randomUUID() + "\"}")
                .post("/simulator/inbound-payments");
        String transactionId = asAuditor().get("/simulator/inbound-payments").then().extract()
                .path("find { it.schemeTransactionId.startsWith('TX-FAILS-') }.schemeTransactionId");

        asAuditor().get("/simulator/inbound-payments/" + transactionId)
                .then().statusCode(200)
                .body("events.schemeTransactionId", hasItem(transactionId))
                .body("events", hasSize(2))
                .body("events[1].reason", org.hamcrest.Matchers.containsString("No answer"));
    }

    @Test
    void anUnknownPaymentKindIsRefusedNamingTheField() {
        asScheme().contentType(ContentType.JSON).body("{\"kind\":\"stolen\"}")
                .post("/simulator/inbound-payments")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("kind"));
    }

    @Test
    void aBatchMixNamingAnUnknownKindIsRefused() {
        asScheme().contentType(ContentType.JSON).body("{\"count\":5,\"mix\":{\"valid\":1,\"vaild\":1}}")
                .post("/simulator/inbound-payments/batch")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("mix.vaild"));
    }

    @Test
    void aBatchLargerThanTheMaximumIsRefused() {
        asScheme().contentType(ContentType.JSON).body("{\"count\":10001}")
                .post("/simulator/inbound-payments/batch")
                .then().statusCode(400)
                .body("errors.field", hasItem("count"));
    }

    @Test
    void aTransactionTheSchemeNeverSentIsNotFound() {
        asScheme().post("/simulator/inbound-payments/NEVER-SENT/resend")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aReturnFromTheBankIsRecordedOnItsTransaction() {
        String transactionId = "TX-RET-" + UUID.randomUUID();
        bankReturns(transactionId, UUID.randomUUID().toString(), "return-" + transactionId);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                asAuditor().get("/simulator/returns").then().statusCode(200)
                        .body("find { it.schemeTransactionId == '" + transactionId + "' }.returned.reasonCode",
                                equalTo("B")));
    }

    @Test
    void aReturnDeliveredTwiceIsRecordedOnce() {
        String transactionId = "TX-TWICE-" + UUID.randomUUID();
        String paymentId = UUID.randomUUID().toString();
        bankReturns(transactionId, paymentId, "first-" + transactionId);
        bankReturns(transactionId, paymentId, "second-" + transactionId);
        String marker = "TX-AFTER-" + UUID.randomUUID();
        bankReturns(marker, UUID.randomUUID().toString(), "marker-" + marker);

        // the group handles events in order: once the later return is recorded, both copies were handled
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                asAuditor().get("/simulator/inbound-payments/" + marker).then().statusCode(200));
        asAuditor().get("/simulator/inbound-payments/" + transactionId)
                .then().statusCode(200)
                .body("events", hasSize(1));
    }
}
