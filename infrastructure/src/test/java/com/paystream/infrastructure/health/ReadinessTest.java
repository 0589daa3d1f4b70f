package com.paystream.infrastructure.health;

import com.paystream.infrastructure.testing.EventStoreTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
class ReadinessTest {
    @Test
    void readinessIsUpWhenTheStoreIsUpAndTheReadModelsCaughtUp() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().get("/q/health/ready").then().log().ifValidationFails().statusCode(200)
                        .body("checks.find { it.name == 'eventstore' }.status", equalTo("UP"))
                        .body("checks.find { it.name == 'read-models' }.status", equalTo("UP"))
                        .body("checks.name", hasItem("eventstore")));
    }
}
