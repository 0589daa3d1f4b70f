package com.paystream.scheme.outbound;

import com.paystream.events.OutboundPaymentEvent;
import com.paystream.events.OutboundPaymentRequested;
import com.paystream.events.OutboundPaymentSentToScheme;
import com.paystream.events.PaymentStreams;
import com.paystream.infrastructure.store.Causation;
import com.paystream.scheme.OutboundTimelines;
import com.paystream.infrastructure.store.EventStore;
import com.paystream.infrastructure.store.Expected;
import com.paystream.infrastructure.testing.EventStoreTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.paystream.infrastructure.testing.Operators.asCustomer;
import static com.paystream.infrastructure.testing.Operators.asScheme;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The scheme tells the bank an outbound payment settled, or came back. */
@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
class SchemeNotificationsTest {
    @Inject
    EventStore store;

    private String payment(OutboundPaymentEvent... events) {
        String paymentId = UUID.randomUUID().toString();
        List<OutboundPaymentEvent> timeline = new java.util.ArrayList<>(List.of(
                new OutboundPaymentRequested(paymentId, OutboundTimelines.DETAILS, "k-1", OutboundTimelines.AT)));
        for (OutboundPaymentEvent event : events) {
            timeline.add(event);
        }
        store.append(PaymentStreams.payment(paymentId), Expected.noStream(),
                Causation.command("test:" + paymentId, paymentId), timeline);
        return paymentId;
    }

    private String sentPayment() {
        String paymentId = payment();
        store.append(PaymentStreams.payment(paymentId), Expected.any(),
                Causation.command("sent:" + paymentId, paymentId), List.of(new OutboundPaymentSentToScheme(paymentId,
                        OutboundTimelines.DETAILS, SubmitOutboundPayment.schemeTransactionIdOf(paymentId), OutboundTimelines.AT)));
        return paymentId;
    }

    private List<String> timeline(String paymentId) {
        return OutboundTimelines.typesOf(store, paymentId);
    }

    @Test
    void aSettlementOfAPaymentSentToTheSchemeIsRecordedOnItsTimeline() {
        String paymentId = sentPayment();

        asScheme().post("/outbound-payments/" + paymentId + "/settlement").then().statusCode(202);

        assertThat(timeline(paymentId)).endsWith("OutboundPaymentSettled");
    }

    @Test
    void theSameSettlementAgainRecordsNothingNew() {
        String paymentId = sentPayment();
        asScheme().post("/outbound-payments/" + paymentId + "/settlement").then().statusCode(202);

        asScheme().post("/outbound-payments/" + paymentId + "/settlement").then().statusCode(200)
                .body("alreadyRecorded", equalTo(true));
        assertThat(timeline(paymentId).stream().filter("OutboundPaymentSettled"::equals)).hasSize(1);
    }

    @Test
    void aSettlementOfAPaymentNeverSentToTheSchemeIsAConflict() {
        asScheme().post("/outbound-payments/" + payment() + "/settlement").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("outbound-payment-not-sent"));
    }

    @Test
    void aReturnIsRecordedWithItsArucsReason() {
        String paymentId = sentPayment();

        asScheme().contentType(ContentType.JSON).body(Map.of("reasonCode", "B", "detail", "account closed"))
                .post("/outbound-payments/" + paymentId + "/return").then().statusCode(202);

        assertThat(timeline(paymentId)).endsWith("OutboundPaymentReturnedByScheme");
    }

    @Test
    void aReturnWithoutAKnownReasonCodeIsRefusedNamingTheField() {
        asScheme().contentType(ContentType.JSON).body(Map.of("reasonCode", "Q"))
                .post("/outbound-payments/" + sentPayment() + "/return").then().statusCode(400)
                .body("errors.field", hasItem("reasonCode"));
    }

    @Test
    void aCustomerForgingASettlementNoticeIsForbiddenAndNothingIsWritten() {
        String paymentId = sentPayment();

        asCustomer("C-1001").post("/outbound-payments/" + paymentId + "/settlement").then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("urn:paystream:problem:forbidden"));

        assertThat(timeline(paymentId)).containsExactly("OutboundPaymentRequested", "OutboundPaymentSentToScheme");
    }

    @Test
    void aCustomerForgingAReturnNoticeIsForbiddenAndNothingIsWritten() {
        String paymentId = sentPayment();

        asCustomer("C-1001").contentType(ContentType.JSON).body(Map.of("reasonCode", "B", "detail", "forged"))
                .post("/outbound-payments/" + paymentId + "/return").then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("urn:paystream:problem:forbidden"));

        assertThat(timeline(paymentId)).containsExactly("OutboundPaymentRequested", "OutboundPaymentSentToScheme");
    }

    @Test
    void anOutboundPaymentsSchemeTransactionIdIsTheSameOnEverySubmission() {
        assertThat(SubmitOutboundPayment.schemeTransactionIdOf("3b9d6f2a-8c41-4e7b-b5a0-6e2f1c9d8a74"))
                .isEqualTo("PSOUT-3B9D6F2A8C414E7B");
    }
}
