package com.paystream.scheme;

import com.fasterxml.jackson.databind.JsonNode;
import com.paystream.infrastructure.security.Roles;
import com.paystream.infrastructure.store.EventStore;
import com.paystream.infrastructure.testing.EventStoreTestResource;
import com.paystream.infrastructure.testing.StandIn;
import com.paystream.infrastructure.testing.TestTokens;
import com.paystream.infrastructure.testing.TokenEndpointTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;

import static com.paystream.infrastructure.testing.Operators.asAuditor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The calls this service makes carry its own access token, got from the identity provider by client credentials
 * (here a stand-in token endpoint), never the token of whoever called it; the scheme and sanctions-service are
 * stand-ins that record what they were sent.
 */
@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
@WithTestResource(value = TokenEndpointTestResource.class,
        initArgs = @ResourceArg(name = "roles", value = "bank-gateway,auditor"))
@WithTestResource(StandInServices.class)
class ServiceTokenTest {
    @Inject
    EventStore store;

    private List<String> timeline(String paymentId) {
        return OutboundTimelines.typesOf(store, paymentId);
    }

    /** The token is this service's (the subject of its client), with the role the call needs. */
    private static void isThisServicesOwnToken(StandIn.Call call, String role) {
        JsonNode claims = call.tokenClaims();
        assertThat(claims.path("sub").asText()).as("subject of the token")
                .isEqualTo(TestTokens.subjectOf(TokenEndpointTestResource.CLIENT_ID));
        assertThat(StreamSupport.stream(claims.path("realm_access").path("roles").spliterator(), false)
                .map(JsonNode::asText)).as("roles of the token").contains(role);
    }

    @Test
    void aSubmissionToTheSchemeCarriesThisServicesOwnBearerToken() {
        String paymentId = OutboundTimelines.clearedForSubmission(store);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(timeline(paymentId))
                .contains("OutboundPaymentSentToScheme"));
        assertThat(StandInServices.callsTo("/simulator/outbound-payments", paymentId)).isNotEmpty()
                .allSatisfy(call -> isThisServicesOwnToken(call, Roles.BANK_GATEWAY));
    }

    @Test
    void aTimelineAsksSanctionsServiceWithThisServicesOwnBearerTokenNotTheReaders() {
        String paymentId = Deliveries.delivered();

        asAuditor().get("/payments/" + paymentId + "/timeline").then().statusCode(200)
                .body("screening.decision", equalTo("CLEARED"));

        assertThat(StandInServices.callsTo("/screenings/" + paymentId)).singleElement()
                .satisfies(call -> isThisServicesOwnToken(call, Roles.AUDITOR));
    }

    @Test
    void theServiceKeepsItsTokenForLaterCallsRatherThanFetchingOneForEach() {
        String paymentId = Deliveries.delivered();
        asAuditor().get("/payments/" + paymentId + "/timeline").then().statusCode(200);
        int issued = TokenEndpointTestResource.ISSUED.get();

        asAuditor().get("/payments/" + paymentId + "/timeline").then().statusCode(200);
        asAuditor().get("/payments/" + paymentId + "/timeline").then().statusCode(200);

        assertThat(issued).as("tokens issued before").isPositive();
        assertThat(TokenEndpointTestResource.ISSUED.get()).isEqualTo(issued);
    }
}
