package com.paystream.scheme.inbound;

import com.paystream.scheme.Deliveries;
import com.paystream.events.PaymentStreams;
import com.paystream.infrastructure.store.EventStore;
import com.paystream.infrastructure.testing.EventStoreTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static com.paystream.infrastructure.testing.Operators.asAuditor;
import static com.paystream.infrastructure.testing.Operators.asCustomer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Only the scheme delivers inbound payments: anyone else is refused, and nothing is written. */
@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
class InboundDeliveryAccessTest {
    private static final String PROBLEM = "application/problem+json";

    @Inject
    EventStore store;

    /** Delivers a valid payment with the request given; the answer, once checked that no payment was written. */
    private ValidatableResponse deliver(RequestSpecification request) {
        String transactionId = "TX-" + UUID.randomUUID();
        ValidatableResponse response = request.contentType(ContentType.JSON).body(Deliveries.valid(transactionId))
                .post("/inbound-payments")
                .then();
        assertThat(store.load(PaymentStreams.payment(InboundPaymentsResource.paymentIdOf(transactionId))).exists())
                .as("payment written").isFalse();
        return response;
    }

    @Test
    void aCustomerDeliveringAnInboundPaymentIsForbiddenAndNothingIsWritten() {
        deliver(asCustomer("C-1001")).statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("urn:paystream:problem:forbidden"));
    }

    @Test
    void aDeliveryWithoutATokenIsUnauthenticatedAndNothingIsWritten() {
        deliver(given()).statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", "Bearer realm=\"paystream\"")
                .body("type", equalTo("urn:paystream:problem:unauthenticated"));
    }

    @Test
    void anAuditorCannotDeliverAPayment() {
        deliver(asAuditor()).statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("urn:paystream:problem:forbidden"));
    }
}
