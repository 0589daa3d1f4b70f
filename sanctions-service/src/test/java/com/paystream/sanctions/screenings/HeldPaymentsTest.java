package com.paystream.sanctions.screenings;

import com.paystream.events.InboundHeldPaymentRejected;
import com.paystream.events.InboundHeldPaymentReleased;
import com.paystream.events.InboundPaymentDetails;
import com.paystream.events.InboundPaymentHeld;
import com.paystream.events.InboundPaymentSanctionsCleared;
import com.paystream.events.InboundPaymentValidated;
import com.paystream.events.Money;
import com.paystream.events.Party;
import com.paystream.events.PaymentEvent;
import com.paystream.events.PaymentStreams;
import com.paystream.infrastructure.store.Causation;
import com.paystream.infrastructure.security.Roles;
import com.paystream.infrastructure.store.EventStore;
import com.paystream.infrastructure.store.Expected;
import com.paystream.infrastructure.store.LoadedStream;
import com.paystream.infrastructure.testing.EventStoreTestResource;
import com.paystream.infrastructure.testing.ServerSentEvents;
import com.paystream.infrastructure.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static com.paystream.infrastructure.testing.Operators.OFFICER;
import static com.paystream.infrastructure.testing.Operators.asAuditor;
import static com.paystream.infrastructure.testing.Operators.asClerk;
import static com.paystream.infrastructure.testing.Operators.asCustomer;
import static com.paystream.infrastructure.testing.Operators.asOfficer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
class HeldPaymentsTest {
    private static final String LISTED = "Mordecai Quillfeather";
    private static final String PROBLEM_JSON = "application/problem+json";

    @Inject
    EventStore store;

    @BeforeEach
    void listAFictitiousName() {
        FictitiousNames.listed(LISTED, "T-1");
    }

    private String validated(String originatorName) {
        String paymentId = UUID.randomUUID().toString();
        InboundPaymentDetails details = new InboundPaymentDetails("TX-" + paymentId,
                new Party(originatorName, "089999", "66374958"), new Party("JANE DOE", "107999", "88837491"),
                Money.pence(1_000), "INV 1", LocalDate.of(2026, 11, 24));
        store.append(PaymentStreams.payment(paymentId), Expected.any(),
                Causation.command("test:" + paymentId, paymentId),
                List.of(new InboundPaymentValidated(paymentId, details, Instant.parse("2026-11-23T10:00:00Z"))));
        return paymentId;
    }

    private List<PaymentEvent> timeline(String paymentId) {
        return store.load(PaymentStreams.payment(paymentId)).payloads();
    }

    private LoadedStream<ScreeningEvent> screening(String paymentId) {
        return store.load(Screenings.stream(paymentId), Screenings.CODEC);
    }

    private static List<String> heldIds() {
        return asOfficer().get("/held-payments").then().statusCode(200).extract().path("paymentId");
    }

    private String heldPayment() {
        String paymentId = validated("QUILLFEATHER MORDECAI");
        await().atMost(Duration.ofSeconds(15)).until(() -> heldIds().contains(paymentId));
        // held on the timeline too: the screening's own writes are done, so what follows is the test's alone
        await().atMost(Duration.ofSeconds(15)).until(() -> timeline(paymentId).stream()
                .anyMatch(InboundPaymentHeld.class::isInstance));
        return paymentId;
    }

    /** How far a payment's timeline and its screening are written. */
    private record Written(long timelineRevision, long screeningRevision) {
    }

    private Written written(String paymentId) {
        return new Written(store.load(PaymentStreams.payment(paymentId)).revision(), screening(paymentId).revision());
    }

    /** Asserts that neither the payment's timeline nor its screening moved on since {@code before}. */
    private void nothingWrittenSince(String paymentId, Written before) {
        Written now = written(paymentId);
        assertThat(now.timelineRevision()).as("timeline revision").isEqualTo(before.timelineRevision());
        assertThat(now.screeningRevision()).as("screening revision").isEqualTo(before.screeningRevision());
    }

    /** Asserts that the payment is still held and that neither its timeline nor its screening moved on. */
    private void nothingWrittenFor(String paymentId, Written before) {
        nothingWrittenSince(paymentId, before);
        assertThat(heldIds()).contains(paymentId);
    }

    private static io.restassured.response.ValidatableResponse decide(String paymentId, String decision,
                                                                     String body) {
        return asOfficer().contentType(ContentType.JSON).body(body)
                .post("/held-payments/" + paymentId + "/" + decision).then();
    }

    private static io.restassured.response.ValidatableResponse decide(String paymentId, String decision,
                                                                     String body, String ifMatch) {
        return asOfficer().contentType(ContentType.JSON).header("If-Match", ifMatch).body(body)
                .post("/held-payments/" + paymentId + "/" + decision).then();
    }

    /** The ETag of the payment's screening, as an operator reading it gets it. */
    private static String etagOfScreening(String paymentId) {
        return asOfficer().get("/screenings/" + paymentId).then().statusCode(200).extract().header("ETag");
    }

    @Test
    void aPaymentFromAListedNameWithItsTokensReorderedIsHeldWithTheMatch() {
        String paymentId = validated("QUILLFEATHER MORDECAI");

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(timeline(paymentId))
                .filteredOn(e -> e instanceof InboundPaymentHeld)
                .singleElement()
                .satisfies(e -> assertThat(((InboundPaymentHeld) e).matches())
                        .anySatisfy(match -> assertThat(match.listedName()).isEqualTo(LISTED))));
    }

    @Test
    void aPaymentFromAnUnlistedNameIsCleared() {
        String paymentId = validated("ACME WIDGETS LTD");

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(timeline(paymentId))
                .anyMatch(e -> e instanceof InboundPaymentSanctionsCleared));
    }

    @Test
    void aListenerIsToldOfAPaymentLeavingTheQueue() {
        try (ServerSentEvents changes = ServerSentEvents.listen("/held-payments/changes",
                TestTokens.token("auditor", Roles.AUDITOR))) {
            assertThat(changes.status()).isEqualTo(200);
            String paymentId = heldPayment();
            decide(paymentId, "release", "{\"reason\":\"different person\"}").statusCode(200);

            assertThat(changes.first(data -> data.contains(paymentId) && data.contains("\"held\":false"),
                    Duration.ofSeconds(10))).as("the payment leaving the queue").isPresent();
        }
    }

    @Test
    void aCustomerCannotFollowTheQueue() {
        try (ServerSentEvents changes = ServerSentEvents.listen("/held-payments/changes",
                TestTokens.customer("carol", "C-1001"))) {
            assertThat(changes.status()).isEqualTo(403);
        }
    }

    @Test
    void aReleasedPaymentLeavesTheQueue() {
        String paymentId = heldPayment();

        decide(paymentId, "release", "{\"reason\":\"different person\"}").statusCode(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> !heldIds().contains(paymentId));
    }

    @Test
    void aReleaseRecordsTheOfficersSubjectAndNameOnThePaymentsTimeline() {
        String paymentId = heldPayment();

        decide(paymentId, "release", "{\"reason\":\"different person\"}").statusCode(200);

        assertThat(timeline(paymentId)).filteredOn(e -> e instanceof InboundHeldPaymentReleased)
                .singleElement().satisfies(e -> {
                    InboundHeldPaymentReleased released = (InboundHeldPaymentReleased) e;
                    assertThat(released.operatorId()).isEqualTo(TestTokens.subjectOf(OFFICER));
                    assertThat(released.operatorName()).isEqualTo(OFFICER);
                });
    }

    @Test
    void aReleaseRecordsTheOfficersSubjectAndNameInTheScreening() {
        String paymentId = heldPayment();

        decide(paymentId, "release", "{\"reason\":\"different person\"}").statusCode(200);

        assertThat(screening(paymentId).payloads()).filteredOn(HeldPaymentReleased.class::isInstance)
                .singleElement().satisfies(e -> {
                    HeldPaymentReleased released = (HeldPaymentReleased) e;
                    assertThat(released.operatorId()).isEqualTo(TestTokens.subjectOf(OFFICER));
                    assertThat(released.operatorName()).isEqualTo(OFFICER);
                });
    }

    @Test
    void aRejectRecordsTheOfficersSubjectAndNameOnThePaymentsTimeline() {
        String paymentId = heldPayment();

        decide(paymentId, "reject", "{\"reason\":\"confirmed match\"}").statusCode(200);

        assertThat(timeline(paymentId)).filteredOn(e -> e instanceof InboundHeldPaymentRejected)
                .singleElement().satisfies(e -> {
                    InboundHeldPaymentRejected rejected = (InboundHeldPaymentRejected) e;
                    assertThat(rejected.operatorId()).isEqualTo(TestTokens.subjectOf(OFFICER));
                    assertThat(rejected.operatorName()).isEqualTo(OFFICER);
                });
    }

    @Test
    void aDecisionNamesTheSignedInOperatorWhateverTheBodyClaims() {
        String paymentId = heldPayment();

        decide(paymentId, "release", "{\"operatorId\":\"someone-else\",\"operatorName\":\"someone-else\","
                + "\"reason\":\"different person\"}").statusCode(200);

        assertThat(timeline(paymentId)).filteredOn(e -> e instanceof InboundHeldPaymentReleased)
                .singleElement().satisfies(e -> {
                    InboundHeldPaymentReleased released = (InboundHeldPaymentReleased) e;
                    assertThat(released.operatorId()).isEqualTo(TestTokens.subjectOf(OFFICER));
                    assertThat(released.operatorName()).isEqualTo(OFFICER);
                });
    }

    @Test
    void aReleaseWithoutATokenIsUnauthenticatedAndNothingIsWritten() {
        String paymentId = heldPayment();
        Written before = written(paymentId);

        given().contentType(ContentType.JSON).body("{\"reason\":\"different person\"}")
                .post("/held-payments/" + paymentId + "/release")
                .then().statusCode(401).contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("urn:paystream:problem:unauthenticated"));
        assertThat(timeline(paymentId)).noneMatch(e -> e instanceof InboundHeldPaymentReleased);
        nothingWrittenFor(paymentId, before);
    }

    @Test
    void aDecisionWithATokenSignedByAnotherKeyIsUnauthenticated() throws NoSuchAlgorithmException {
        String paymentId = heldPayment();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = TestTokens.sign(TestTokens.claims(OFFICER, Roles.SANCTIONS_OFFICER),
                generator.generateKeyPair().getPrivate());

        TestTokens.bearer(forged).contentType(ContentType.JSON)
                .body("{\"reason\":\"different person\"}").post("/held-payments/" + paymentId + "/release")
                .then().statusCode(401).contentType(PROBLEM_JSON);
        assertThat(timeline(paymentId)).noneMatch(e -> e instanceof InboundHeldPaymentReleased);
    }

    @Test
    void anAuditorCanReadTheHeldPaymentsAndTheListButCannotRelease() {
        String paymentId = heldPayment();
        Written before = written(paymentId);

        asAuditor().get("/held-payments").then().statusCode(200).body("paymentId", hasItem(paymentId));
        asAuditor().get("/sanctioned-names").then().statusCode(200).body("name", hasItem(LISTED));
        asAuditor().contentType(ContentType.JSON).body("{\"reason\":\"different person\"}")
                .post("/held-payments/" + paymentId + "/release")
                .then().statusCode(403).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:paystream:problem:forbidden"));
        nothingWrittenFor(paymentId, before);
    }

    @Test
    void aCustomersTokenCannotReadTheHeldPayments() {
        asCustomer("C-1001").get("/held-payments").then().statusCode(403).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:paystream:problem:forbidden"));
    }

    @Test
    void aDecisionByAnOperatorWithoutTheSanctionsOfficerRoleIsForbidden() {
        String paymentId = heldPayment();

        asClerk().contentType(ContentType.JSON).body("{\"reason\":\"different person\"}")
                .post("/held-payments/" + paymentId + "/reject")
                .then().statusCode(403).contentType(PROBLEM_JSON);
        assertThat(timeline(paymentId)).noneMatch(e -> e instanceof InboundHeldPaymentRejected);
    }

    @Test
    void aRejectedPaymentIsRejectedOnItsTimeline() {
        String paymentId = heldPayment();

        decide(paymentId, "reject", "{\"reason\":\"confirmed match\"}").statusCode(200);

        assertThat(timeline(paymentId)).anyMatch(e -> e instanceof InboundHeldPaymentRejected);
    }

    @Test
    void aSecondDecisionOnTheSamePaymentIsAConflict() {
        String paymentId = heldPayment();
        decide(paymentId, "release", "{\"reason\":\"different person\"}").statusCode(200);

        decide(paymentId, "reject", "{\"reason\":\"second opinion\"}")
                .statusCode(409).contentType("application/problem+json")
                .body("type", endsWith("held-payment-already-decided"));
        assertThat(timeline(paymentId)).noneMatch(e -> e instanceof InboundHeldPaymentRejected);
    }

    @Test
    void aDecisionWithoutAReasonIsRefusedNamingTheField() {
        String paymentId = heldPayment();

        decide(paymentId, "release", "{}")
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("reason"));
    }

    @Test
    void aDecisionOnAPaymentThatIsNotHeldIsNotFound() {
        decide(UUID.randomUUID().toString(), "release", "{\"reason\":\"x\"}")
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aHeldPaymentsScreeningShowsItsMatchesWithScoresAndTheOperatorsDecision() {
        String paymentId = heldPayment();
        decide(paymentId, "release", "{\"reason\":\"different person\"}").statusCode(200);

        asOfficer().get("/screenings/" + paymentId).then().statusCode(200)
                .body("held", equalTo(true))
                .body("direction", equalTo("INBOUND"))
                .body("matches.listedName", hasItem(LISTED))
                .body("matches[0].score", greaterThan(0.0f))
                .body("decision.outcome", equalTo("RELEASED"))
                .body("decision.operatorId", equalTo(TestTokens.subjectOf(OFFICER)))
                .body("decision.operatorName", equalTo(OFFICER))
                .body("decision.reason", equalTo("different person"));
    }

    @Test
    void aClearedPaymentsScreeningHasNoDecisionToMake() {
        String paymentId = validated("ACME WIDGETS LTD");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(timeline(paymentId))
                .anyMatch(e -> e instanceof InboundPaymentSanctionsCleared));

        asOfficer().get("/screenings/" + paymentId).then().statusCode(200)
                .body("held", equalTo(false))
                .body("decision", nullValue());
    }

    @Test
    void theScreeningOfAPaymentNeverScreenedIsNotFound() {
        asOfficer().get("/screenings/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aHeldPaymentsScreeningSendsItsRevisionAsItsETag() {
        String paymentId = heldPayment();

        asOfficer().get("/screenings/" + paymentId).then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("revision", equalTo(0));
    }

    @Test
    void theHeldQueueShowsTheRevisionOfEachPaymentsScreening() {
        String paymentId = heldPayment();

        asOfficer().get("/held-payments").then().statusCode(200)
                .body("find { it.paymentId == '" + paymentId + "' }.revision", equalTo(0));
    }

    @Test
    void aDecisionWithTheCurrentIfMatchIsRecordedAndSendsTheNewRevision() {
        String paymentId = heldPayment();

        decide(paymentId, "release", "{\"reason\":\"different person\"}", etagOfScreening(paymentId))
                .statusCode(200).contentType(ContentType.JSON)
                .header("ETag", "\"1\"")
                .body("reason", equalTo("different person"));
        assertThat(screening(paymentId).payloads()).anyMatch(HeldPaymentReleased.class::isInstance);
        assertThat(timeline(paymentId)).anyMatch(e -> e instanceof InboundHeldPaymentReleased);
    }

    @Test
    void aDecisionWithoutIfMatchIsRecordedAsBefore() {
        String paymentId = heldPayment();

        decide(paymentId, "reject", "{\"reason\":\"confirmed match\"}")
                .statusCode(200).contentType(ContentType.JSON)
                .body("reason", equalTo("confirmed match"));
        assertThat(screening(paymentId).payloads()).anyMatch(HeldPaymentRejected.class::isInstance);
        assertThat(timeline(paymentId)).anyMatch(e -> e instanceof InboundHeldPaymentRejected);
    }

    @Test
    void aDecisionWithAStaleIfMatchIsPreconditionFailedAndWritesNothing() {
        String paymentId = heldPayment();
        String seen = etagOfScreening(paymentId);
        decide(paymentId, "release", "{\"reason\":\"different person\"}").statusCode(200); // another operator
        Written before = written(paymentId);

        decide(paymentId, "reject", "{\"reason\":\"confirmed match\"}", seen)
                .statusCode(412).contentType(PROBLEM_JSON)
                .body("type", endsWith("stale-revision"));
        nothingWrittenSince(paymentId, before);
        assertThat(timeline(paymentId)).noneMatch(e -> e instanceof InboundHeldPaymentRejected);
    }

    @Test
    void aDecisionWithAnIfMatchTheScreeningNeverHadIsPreconditionFailedAndWritesNothing() {
        String paymentId = heldPayment();
        Written before = written(paymentId);

        decide(paymentId, "release", "{\"reason\":\"different person\"}", "\"5\"")
                .statusCode(412).contentType(PROBLEM_JSON)
                .body("type", endsWith("stale-revision"));
        nothingWrittenFor(paymentId, before);
    }

    @Test
    void aDecisionWithAnIfMatchThatIsNoRevisionIsRefusedNamingTheHeader() {
        String paymentId = heldPayment();
        Written before = written(paymentId);

        decide(paymentId, "release", "{\"reason\":\"different person\"}", "yesterday's")
                .statusCode(400).contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("If-Match"));
        nothingWrittenFor(paymentId, before);
    }
}
