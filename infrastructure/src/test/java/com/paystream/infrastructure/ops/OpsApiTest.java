package com.paystream.infrastructure.ops;

import com.paystream.events.PaymentStreams;
import com.paystream.infrastructure.fixtures.ConcurrentScreenForTest;
import com.paystream.infrastructure.fixtures.Payments;
import com.paystream.infrastructure.fixtures.ValidateOnReceivedForTest;
import com.paystream.infrastructure.store.Causation;
import com.paystream.infrastructure.store.EventStore;
import com.paystream.infrastructure.store.Expected;
import com.paystream.infrastructure.store.StoredEvent;
import com.paystream.infrastructure.testing.EventStoreTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static com.paystream.infrastructure.testing.Operators.OPS;
import static com.paystream.infrastructure.testing.Operators.asClerk;
import static com.paystream.infrastructure.testing.Operators.asOfficer;
import static com.paystream.infrastructure.testing.Operators.asOps;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Operating the consumer groups and read models over HTTP: /ops on every service. */
@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
class OpsApiTest {
    private static final String GROUP = ValidateOnReceivedForTest.GROUP;

    @Inject
    EventStore store;
    @Inject
    ValidateOnReceivedForTest reaction;

    private String receive(String reference) {
        String paymentId = Payments.newPaymentId();
        store.append(PaymentStreams.payment(paymentId), Expected.noStream(),
                Causation.command("receive:" + paymentId, "corr-" + paymentId),
                List.of(Payments.received(paymentId, reference)));
        return paymentId;
    }

    private List<String> typesOf(String paymentId) {
        return store.load(PaymentStreams.payment(paymentId)).events().stream().map(StoredEvent::eventType).toList();
    }

    private List<String> parkedPaymentIds() {
        return asOps().get("/ops/subscriptions/" + GROUP + "/parked").then().statusCode(200)
                .extract().jsonPath().getList("paymentId", String.class);
    }

    @Test
    void theServicesConsumerGroupsAreListedWithTheirStateInTheStore() {
        String paymentId = receive("infratest:ok");
        await().atMost(Duration.ofSeconds(10)).until(() -> typesOf(paymentId).size() == 2);

        asOps().get("/ops/subscriptions").then().statusCode(200)
                .body("find { it.group == '" + GROUP + "' }.exists", equalTo(true))
                .body("find { it.group == '" + GROUP + "' }.stream", equalTo("$et-InboundPaymentReceived"))
                .body("find { it.group == '" + GROUP + "' }.subscribedHere", equalTo(true))
                .body("find { it.group == '" + GROUP + "' }.consumers", greaterThanOrEqualTo(1))
                .body("find { it.group == '" + GROUP + "' }.lastKnownRevision", greaterThanOrEqualTo(0));
    }

    @Test
    void aGroupThatFinishedEveryEventIsCaughtUpWithNoLagThoughTheStoreHasNotCheckpointedItYet() {
        String paymentId = receive("infratest:ok");
        await().atMost(Duration.ofSeconds(10)).until(() -> typesOf(paymentId).size() == 2);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            var group = asOps().get("/ops/subscriptions/" + ConcurrentScreenForTest.GROUP).then().statusCode(200)
                    .extract().jsonPath();
            assertThat(group.getString("state")).isEqualTo("caught-up");
            assertThat(group.getLong("lag")).isZero();
            assertThat(group.getLong("lastKnownRevision")).isEqualTo(group.getLong("lastRevision"));
        });
    }

    @Test
    void aGroupWithAParkedMessageSaysItIsParkedAndCountsThem() {
        String paymentId = receive("infratest:poison");
        await().atMost(Duration.ofSeconds(10)).until(() -> parkedPaymentIds().contains(paymentId));

        asOps().get("/ops/subscriptions/" + GROUP).then().statusCode(200)
                .body("state", equalTo("parked"))
                .body("parked", equalTo(parkedPaymentIds().size()));
    }

    @Test
    void aParkedMessageIsListedWithItsReasonAndTheEventItHolds() {
        String paymentId = receive("infratest:poison");

        await().atMost(Duration.ofSeconds(10)).until(() -> parkedPaymentIds().contains(paymentId));
        asOps().get("/ops/subscriptions/" + GROUP + "/parked").then()
                .body("find { it.paymentId == '" + paymentId + "' }.reason", equalTo("poison payment " + paymentId))
                .body("find { it.paymentId == '" + paymentId + "' }.eventType", equalTo("InboundPaymentReceived"))
                .body("find { it.paymentId == '" + paymentId + "' }.eventStream",
                        equalTo(PaymentStreams.payment(paymentId)));
    }

    @Test
    void aParkedMessageReplayedAfterTheFaultIsFixedCompletesItsWork() {
        String paymentId = receive("infratest:broken-until-fixed");
        await().atMost(Duration.ofSeconds(10)).until(() -> parkedPaymentIds().contains(paymentId));
        assertThat(typesOf(paymentId)).containsExactly("InboundPaymentReceived");

        reaction.fix();
        asOps().post("/ops/subscriptions/" + GROUP + "/parked/replay").then().statusCode(202);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(typesOf(paymentId))
                .containsExactly("InboundPaymentReceived", "InboundPaymentValidated"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !parkedPaymentIds().contains(paymentId));
    }

    @Test
    void aReplayRequestNamesTheOperatorWhoAskedForIt() {
        asOps().post("/ops/subscriptions/" + GROUP + "/parked/replay").then().statusCode(202)
                .body("requestedBy", equalTo(OPS));
    }

    @Test
    void theOperationsApiAnswersNobodyWhoIsNotSignedIn() {
        given().get("/ops/subscriptions").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aSanctionsOfficerCannotRebuildAReadModel() {
        asOfficer().post("/ops/read-models/infratesttimeline/rebuild").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void anOperatorWithNoRoleCannotReplayParkedMessages() {
        asClerk().post("/ops/subscriptions/" + GROUP + "/parked/replay").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void anUnknownGroupIsNotFound() {
        asOps().get("/ops/subscriptions/no.such-group/parked").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aParkedPageLargerThanTheMaximumIsRefusedNamingTheField() {
        asOps().get("/ops/subscriptions/" + GROUP + "/parked?limit=100000").then().statusCode(400)
                .body("errors.field", hasItem("limit"));
    }

    @Test
    void theServicesReadModelsAreListedWithWhetherTheyCaughtUp() {
        asOps().get("/ops/read-models").then().statusCode(200)
                .body("name", hasItem("infratesttimeline"));
    }

    @Test
    void aRebuiltReadModelCatchesUpAgainFromTheStart() {
        receive("infratest:ok");
        asOps().post("/ops/read-models/infratesttimeline/rebuild").then().statusCode(202);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> asOps().get("/ops/read-models/infratesttimeline")
                .then().body("caughtUp", equalTo(true)).body("applied", not(equalTo(0))));
    }

    @Test
    void rebuildingAnUnknownReadModelIsNotFound() {
        asOps().post("/ops/read-models/nosuchmodel/rebuild").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
