package com.paystream.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.paystream.infrastructure.security.Roles;
import com.paystream.infrastructure.testing.EventStoreTestResource;
import com.paystream.infrastructure.testing.StandIn;
import com.paystream.infrastructure.testing.TestTokens;
import com.paystream.infrastructure.testing.TokenEndpointTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static com.paystream.infrastructure.testing.Operators.asGateway;
import static com.paystream.infrastructure.testing.Operators.asScheme;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * What the scheme sends the bank carries the scheme's own access token, got from the identity provider by client
 * credentials (here a stand-in token endpoint), never the token of whoever worked the simulator; the bank is a stand-in
 * that records what it was sent.
 */
@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
@WithTestResource(value = TokenEndpointTestResource.class, initArgs = @ResourceArg(name = "roles", value = "scheme"))
@WithTestResource(StandInBank.class)
class ServiceTokenTest {

    /** The token is the simulator's (the subject of its client), with the role {@code scheme}. */
    private static void isTheSchemesOwnToken(StandIn.Call call) {
        JsonNode claims = call.tokenClaims();
        assertThat(claims.path("sub").asText()).as("subject of the token")
                .isEqualTo(TestTokens.subjectOf(TokenEndpointTestResource.CLIENT_ID));
        assertThat(StreamSupport.stream(claims.path("realm_access").path("roles").spliterator(), false)
                .map(JsonNode::asText)).as("roles of the token").contains(Roles.SCHEME);
    }

    /** The bank submits an outbound payment to the scheme; its payment id. */
    private static String submitted(String transactionId) {
        String paymentId = UUID.randomUUID().toString();
        asGateway().contentType(ContentType.JSON).body(Map.of("schemeTransactionId", transactionId,
                        "paymentId", paymentId,
                        "originator", Map.of("name", "JANE DOE", "sortCode", "608371", "accountNumber", "10000009"),
                        "beneficiary", Map.of("name", "NORTHWIND", "sortCode", "089999", "accountNumber", "66374958"),
                        "amount", Map.of("minorUnits", 1_000, "currency", "GBP"), "reference", "INV 1"))
                .post("/simulator/outbound-payments").then().statusCode(201);
        return paymentId;
    }

    @Test
    void anInboundDeliveryCarriesTheSchemesOwnBearerToken() {
        String transactionId = "TX-TOKEN-" + UUID.randomUUID();

        asScheme().contentType(ContentType.JSON).body(Map.of("schemeTransactionId", transactionId))
                .post("/simulator/inbound-payments").then().statusCode(201);

        assertThat(StandInBank.callsTo("/inbound-payments")).filteredOn(call -> transactionId.equals(
                call.correlationId())).singleElement().satisfies(ServiceTokenTest::isTheSchemesOwnToken);
    }

    @Test
    void everyDeliveryOfABatchSentFromItsOwnThreadsCarriesTheSchemesOwnBearerToken() {
        List<String> transactionIds = asScheme().contentType(ContentType.JSON)
                .body(Map.of("count", 3, "mix", Map.of("valid", 1))).post("/simulator/inbound-payments/batch").then()
                .statusCode(200).body("accepted", equalTo(3)).extract().path("payments.schemeTransactionId");

        assertThat(StandInBank.callsTo("/inbound-payments")).filteredOn(call -> transactionIds.contains(
                call.correlationId())).hasSize(3).allSatisfy(ServiceTokenTest::isTheSchemesOwnToken);
    }

    @Test
    void aSettlementNoticeCarriesTheSchemesOwnBearerToken() {
        String paymentId = submitted("PSOUT-" + UUID.randomUUID());

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                StandInBank.callsTo("/outbound-payments/" + paymentId + "/settlement")).isNotEmpty());
        assertThat(StandInBank.callsTo("/outbound-payments/" + paymentId + "/settlement"))
                .allSatisfy(ServiceTokenTest::isTheSchemesOwnToken);
    }

    @Test
    void aReturnNoticeCarriesTheSchemesOwnBearerToken() {
        String transactionId = "PSOUT-" + UUID.randomUUID();
        String paymentId = submitted(transactionId);

        asScheme().contentType(ContentType.JSON).body(Map.of("reasonCode", "B"))
                .post("/simulator/outbound-payments/" + transactionId + "/return").then().statusCode(200);

        assertThat(StandInBank.callsTo("/outbound-payments/" + paymentId + "/return")).singleElement()
                .satisfies(ServiceTokenTest::isTheSchemesOwnToken);
    }
}
