package com.paystream.infrastructure.health;

import com.paystream.infrastructure.client.EventStoreClients;
import com.paystream.infrastructure.fixtures.Payments;
import com.paystream.infrastructure.testing.EventStoreTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The store goes away (the emulator stops) and comes back on the same port with its data. */
@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
class StoreOutageTest {
    @Inject
    EventStoreClients clients;

    private final String paymentId = Payments.newPaymentId();

    @BeforeEach
    void storeGoesDown() {
        assumeTrue(EventStoreTestResource.canSimulateOutage(), "needs the emulator");
        EventStoreTestResource.stopStore();
    }

    @AfterEach
    void storeComesBack() {
        if (EventStoreTestResource.canSimulateOutage()) {
            EventStoreTestResource.startStore();
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                    given().get("/q/health/ready").then().statusCode(200));
        }
    }

    @Test
    void aRequestWhileTheStoreIsDownIs503WithRetryAfter() {
        given().get("/test/payments/" + paymentId)
                .then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "7")
                .body("type", equalTo("urn:paystream:problem:store-unavailable"));
    }

    @Test
    void readinessIsDownWhileTheStoreIsDown() {
        given().get("/q/health/ready")
                .then().statusCode(503)
                .body("checks.find { it.name == 'eventstore' }.status", equalTo("DOWN"));
    }

    @Test
    void aClientThatShutDownIsRecreatedAndWorksWhenTheStoreComesBack() {
        long before = clients.generation();
        // the client gives up after its discovery attempts and shuts down; the next call gets a new client
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            given().get("/test/payments/" + paymentId).then().statusCode(503);
            return clients.generation() > before;
        });

        EventStoreTestResource.startStore();

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                given().contentType(ContentType.JSON).body("{\"reference\":\"back\",\"amountPence\":1}")
                        .post("/test/payments/" + paymentId).then().statusCode(201));
        assertThat(clients.client().isShutdown()).isFalse();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                given().get("/q/health/ready").then().statusCode(200)
                        .body("checks.find { it.name == 'eventstore' }.status", equalTo("UP"))
                        .body("checks.find { it.name == 'read-models' }.status", equalTo("UP")));
    }
}
