package com.paystream.sanctions.screenings;

import com.paystream.events.InboundPaymentDetails;
import com.paystream.events.InboundPaymentHeld;
import com.paystream.events.InboundPaymentSanctionsCleared;
import com.paystream.events.InboundPaymentValidated;
import com.paystream.events.Money;
import com.paystream.events.Party;
import com.paystream.events.PaymentStreams;
import com.paystream.infrastructure.store.Causation;
import com.paystream.infrastructure.store.EventStore;
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
import java.util.Map;
import java.util.UUID;

import static com.paystream.infrastructure.testing.Operators.asOfficer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Names added to the list after a payment was held are screened against it while it waits for an operator: new
 * matches join its screening and the queue; a decided payment and a cleared one are left as they are.
 */
@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
class RescreenHeldPaymentsTest {
    private static final String HELD_FOR = "Ozymandias Threnwhistle";

    @Inject
    EventStore store;
    @Inject
    RescreenHeldPayments rescreen;

    /** A validated payment from {@code originator} to {@code beneficiary}; its id. */
    private String validated(String originator, String beneficiary) {
        String paymentId = UUID.randomUUID().toString();
        InboundPaymentDetails details = new InboundPaymentDetails("TX-" + paymentId,
                new Party(originator, "089999", "66374958"), new Party(beneficiary, "107999", "88837491"),
                Money.pence(1_000), "INV 1", LocalDate.of(2026, 11, 24));
        store.append(PaymentStreams.payment(paymentId), com.paystream.infrastructure.store.Expected.any(),
                Causation.command("test:" + paymentId, paymentId),
                List.of(new InboundPaymentValidated(paymentId, details, Instant.parse("2026-11-23T10:00:00Z"))));
        return paymentId;
    }

    private boolean onTimeline(String paymentId, Class<?> kind) {
        return store.load(PaymentStreams.payment(paymentId)).payloads().stream().anyMatch(kind::isInstance);
    }

    private List<ScreeningEvent> screening(String paymentId) {
        return store.load(Screenings.stream(paymentId), Screenings.CODEC).payloads();
    }

    /** Lists a new fictitious name by hand; its entry id. */
    private static String listed(String name) {
        String entryId = asOfficer().contentType(ContentType.JSON)
                .body(Map.of("name", name, "aliases", List.of(), "country", "ZZ", "listReference", "RESCREEN-1"))
                .post("/sanctioned-names").then().statusCode(201).extract().path("entryId");
        await().atMost(Duration.ofSeconds(10)).until(() -> asOfficer().get("/sanctioned-names").then()
                .extract().<List<String>>path("entryId").contains(entryId));
        return entryId;
    }

    private static String unique(String first) {
        String letters = UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        return first + " Q" + letters.substring(0, Math.min(6, letters.length())) + "ovantis";
    }

    private String heldPayment(String beneficiary) {
        FictitiousNames.listed(HELD_FOR, "RESCREEN-0");
        String paymentId = validated("THRENWHISTLE OZYMANDIAS", beneficiary);
        await().atMost(Duration.ofSeconds(15)).until(() -> onTimeline(paymentId, InboundPaymentHeld.class));
        return paymentId;
    }

    @Test
    void aHeldPaymentGainsTheMatchOfANameListedAfterItWasHeld() {
        String beneficiary = unique("Corvinia");
        String paymentId = heldPayment(beneficiary.toUpperCase());
        String entryId = listed(beneficiary);

        await().atMost(Duration.ofSeconds(15)).until(() -> screening(paymentId).stream()
                .anyMatch(HeldPaymentRescreened.class::isInstance));
        HeldPaymentRescreened rescreened = screening(paymentId).stream()
                .filter(HeldPaymentRescreened.class::isInstance).map(HeldPaymentRescreened.class::cast)
                .findFirst().orElseThrow();
        assertThat(rescreened.matches()).singleElement().satisfies(match ->
                assertThat(match.listEntryId()).isEqualTo(entryId));
        await().atMost(Duration.ofSeconds(10)).until(() -> asOfficer().get("/held-payments").then().extract()
                .<List<String>>path("find { it.paymentId == '" + paymentId + "' }.matches.listEntryId")
                .contains(entryId));
    }

    @Test
    void screeningAHeldPaymentAgainTwiceRecordsItsNewMatchOnce() {
        String beneficiary = unique("Drusillane");
        String paymentId = heldPayment(beneficiary.toUpperCase());
        listed(beneficiary);
        await().atMost(Duration.ofSeconds(15)).until(() -> screening(paymentId).stream()
                .anyMatch(HeldPaymentRescreened.class::isInstance));
        int before = screening(paymentId).size();

        assertThat(rescreen.rescreen(paymentId)).isFalse();
        assertThat(screening(paymentId)).hasSize(before);
    }

    @Test
    void aHeldPaymentAlreadyDecidedIsNotScreenedAgain() {
        String beneficiary = unique("Belisarda");
        String paymentId = heldPayment(beneficiary.toUpperCase());
        await().atMost(Duration.ofSeconds(10)).until(() -> asOfficer().get("/held-payments").then().extract()
                .<List<String>>path("paymentId").contains(paymentId));
        asOfficer().contentType(ContentType.JSON).body(Map.of("reason", "not the listed person"))
                .post("/held-payments/" + paymentId + "/release").then().statusCode(200);
        int before = screening(paymentId).size();

        listed(beneficiary);
        // the rescreen runs every second in tests: give it several runs
        await().pollDelay(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6)).until(() -> true);
        assertThat(screening(paymentId)).hasSize(before);
    }

    @Test
    void aClearedPaymentIsNotScreenedAgain() {
        String beneficiary = unique("Amaranthe");
        String paymentId = validated("ACME WIDGETS LTD", beneficiary.toUpperCase());
        await().atMost(Duration.ofSeconds(15)).until(() -> onTimeline(paymentId, InboundPaymentSanctionsCleared.class));

        listed(beneficiary);
        await().pollDelay(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6)).until(() -> true);
        assertThat(screening(paymentId)).hasSize(1);
        assertThat(onTimeline(paymentId, InboundPaymentHeld.class)).isFalse();
    }
}
