package com.paystream.infrastructure.http;

import com.paystream.events.PaymentStreams;
import com.paystream.infrastructure.fixtures.Payments;
import com.paystream.infrastructure.store.EventStore;
import com.paystream.infrastructure.testing.EventStoreTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
class CorrelationIdTest {
    @Inject
    EventStore store;

    private final String paymentId = Payments.newPaymentId();

    @Test
    void theGivenCorrelationIdIsEchoed() {
        given().header("X-Correlation-Id", "req-123").get("/test/payments/" + paymentId)
                .then().header("X-Correlation-Id", equalTo("req-123"));
    }

    @Test
    void aCorrelationIdIsMadeWhenNoneIsGiven() {
        given().get("/test/payments/" + paymentId)
                .then().header("X-Correlation-Id", matchesPattern("[0-9a-f\\-]{36}"));
    }

    @Test
    void anUnacceptableCorrelationIdIsReplaced() {
        given().header("X-Correlation-Id", "<script>").get("/test/payments/" + paymentId)
                .then().header("X-Correlation-Id", matchesPattern("[0-9a-f\\-]{36}"));
    }

    @Test
    void theRequestsCorrelationIdIsInTheMetadataOfTheEventsItAppends() {
        given().header("X-Correlation-Id", "req-456").contentType(ContentType.JSON)
                .body("{\"reference\":\"http\",\"amountPence\":100}")
                .post("/test/payments/" + paymentId).then().statusCode(201);

        assertThat(store.load(PaymentStreams.payment(paymentId)).events().get(0).metadata().correlationId())
                .isEqualTo("req-456");
    }
}
