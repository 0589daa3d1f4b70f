package com.paystream.scheme.activity;

import com.paystream.infrastructure.testing.EventStoreTestResource;
import com.paystream.scheme.Deliveries;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static com.paystream.infrastructure.testing.Operators.asAuditor;
import static com.paystream.infrastructure.testing.Operators.asOps;
import static com.paystream.infrastructure.testing.Operators.asScheme;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** An originator's activity over HTTP, and the read model rebuilt from all history. */
@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
class OriginatorsApiTest {
    private final String originatorAccount = String.valueOf(ThreadLocalRandom.current().nextInt(10_000_000,
            99_999_999));

    private void deliver(long pence) {
        String body = """
                {"schemeTransactionId":"TX-%s",
                 "originator":{"name":"NORTHWIND TRADING","sortCode":"089999","accountNumber":"%s"},
                 "beneficiary":{"name":"JANE DOE","sortCode":"107999","accountNumber":"88837491"},
                 "amount":{"minorUnits":%d,"currency":"GBP"},
                 "reference":"INV 42","processingDate":"%s"}
                """.formatted(UUID.randomUUID(), originatorAccount, pence, Deliveries.enteredToday());
        asScheme().contentType(ContentType.JSON).body(body).post("/inbound-payments").then().statusCode(202);
    }

    private String activityPath() {
        return "/originators/089999/" + originatorAccount;
    }

    @Test
    void anOriginatorsPaymentsAreCountedWithTheirAmount() {
        deliver(1_000);
        deliver(2_500);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> asAuditor().get(activityPath()).then()
                .statusCode(200)
                .body("payments", equalTo(2))
                .body("amountPence", equalTo(3_500))
                .body("names[0]", equalTo("NORTHWIND TRADING")));
    }

    @Test
    void theReadModelRebuiltFromTheStartOfHistoryShowsTheSameActivity() {
        deliver(700);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> asAuditor().get(activityPath()).then()
                .statusCode(200).body("payments", equalTo(1)));

        asOps().post("/ops/read-models/" + OriginatorActivity.NAME + "/rebuild").then().statusCode(202);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> asOps().get("/ops/read-models/"
                + OriginatorActivity.NAME).then().body("caughtUp", equalTo(true)));
        asAuditor().get(activityPath()).then().statusCode(200).body("payments", equalTo(1))
                .body("amountPence", equalTo(700));
    }

    @Test
    void anOriginatorWithNoPaymentsIsNotFound() {
        asAuditor().get("/originators/089999/00000000").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
