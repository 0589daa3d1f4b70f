package com.paystream.sanctions.screenings;

import com.paystream.events.Money;
import com.paystream.events.OutboundHeldPaymentRejected;
import com.paystream.events.OutboundHeldPaymentReleased;
import com.paystream.events.OutboundPaymentDetails;
import com.paystream.events.OutboundPaymentFundsReserved;
import com.paystream.events.OutboundPaymentHeld;
import com.paystream.events.OutboundPaymentSanctionsCleared;
import com.paystream.events.Party;
import com.paystream.events.PaymentEvent;
import com.paystream.events.PaymentStreams;
import com.paystream.infrastructure.store.Causation;
import com.paystream.infrastructure.store.EventStore;
import com.paystream.infrastructure.store.Expected;
import com.paystream.infrastructure.testing.EventStoreTestResource;
import com.paystream.infrastructure.testing.Operators;
import com.paystream.infrastructure.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.paystream.infrastructure.testing.Operators.asOfficer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Outbound payments: the beneficiary is screened; a held one waits in the same queue, for the same decisions. */
@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
class OutboundScreeningTest {
    private static final String LISTED = "Perpetua Vondervaal";

    @Inject
    EventStore store;

    @BeforeEach
    void listAFictitiousName() {
        FictitiousNames.listed(LISTED, "T-OUT-1");
    }

    /** An outbound payment to {@code beneficiary} whose funds are reserved. */
    private String reserved(String beneficiary) {
        String paymentId = UUID.randomUUID().toString();
        OutboundPaymentDetails details = new OutboundPaymentDetails("acc-1",
                new Party("JANE DOE", "608371", "10000009"), new Party(beneficiary, "089999", "66374958"),
                Money.pence(1_000), "INV 1");
        store.append(PaymentStreams.payment(paymentId), Expected.any(),
                Causation.command("test:" + paymentId, paymentId), List.of(new OutboundPaymentFundsReserved(
                        paymentId, details, Money.pence(9_000), Instant.parse("2026-11-24T10:00:00Z"))));
        return paymentId;
    }

    private List<PaymentEvent> timeline(String paymentId) {
        return store.load(PaymentStreams.payment(paymentId)).payloads();
    }

    private void awaitOnTimeline(String paymentId, Class<? extends PaymentEvent> type) {
        await().atMost(Duration.ofSeconds(15)).until(() -> timeline(paymentId).stream().anyMatch(type::isInstance));
    }

    private String held() {
        String paymentId = reserved("VONDERVAAL PERPETUA");
        awaitOnTimeline(paymentId, OutboundPaymentHeld.class);
        return paymentId;
    }

    private static void decide(String paymentId, String decision) {
        asOfficer().contentType(ContentType.JSON).body(Map.of("reason", "checked"))
                .post("/held-payments/" + paymentId + "/" + decision).then().statusCode(200);
    }

    @Test
    void anOutboundPaymentToAListedBeneficiaryIsHeldWithTheMatch() {
        String paymentId = reserved("VONDERVAAL PERPETUA");

        awaitOnTimeline(paymentId, OutboundPaymentHeld.class);
        assertThat(timeline(paymentId)).filteredOn(OutboundPaymentHeld.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((OutboundPaymentHeld) e).matches())
                        .anySatisfy(match -> assertThat(match.listedName()).isEqualTo(LISTED)));
    }

    @Test
    void anOutboundPaymentToAnUnlistedBeneficiaryIsCleared() {
        String paymentId = reserved("NORTHWIND TRADING");

        awaitOnTimeline(paymentId, OutboundPaymentSanctionsCleared.class);
    }

    @Test
    void aHeldOutboundPaymentWaitsInTheOperatorsQueueAsOutbound() {
        String paymentId = held();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(asOfficer().get("/held-payments").then()
                .extract().<List<Map<String, Object>>>path("findAll { it.paymentId == '" + paymentId + "' }"))
                .singleElement().satisfies(h -> assertThat(h.get("direction")).isEqualTo("OUTBOUND")));
    }

    @Test
    void aReleasedOutboundPaymentIsPublishedAsOutboundHeldPaymentReleased() {
        String paymentId = held();

        decide(paymentId, "release");

        assertThat(timeline(paymentId)).anyMatch(OutboundHeldPaymentReleased.class::isInstance);
    }

    @Test
    void aReleasedOutboundPaymentRecordsTheOfficersSubjectAndNameOnItsTimeline() {
        String paymentId = held();

        decide(paymentId, "release");

        assertThat(timeline(paymentId)).filteredOn(OutboundHeldPaymentReleased.class::isInstance).singleElement()
                .satisfies(e -> {
                    OutboundHeldPaymentReleased released = (OutboundHeldPaymentReleased) e;
                    assertThat(released.operatorId()).isEqualTo(TestTokens.subjectOf(Operators.OFFICER));
                    assertThat(released.operatorName()).isEqualTo(Operators.OFFICER);
                });
    }

    @Test
    void aRejectedOutboundPaymentIsPublishedAsOutboundHeldPaymentRejected() {
        String paymentId = held();

        decide(paymentId, "reject");

        assertThat(timeline(paymentId)).anyMatch(OutboundHeldPaymentRejected.class::isInstance);
    }
}
