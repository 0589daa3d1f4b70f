package com.paystream.systemtests;

import com.paystream.topology.SanctionsReactions;
import io.kurrent.dbclient.PersistentSubscriptionToStreamInfo;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Two instances of a service join the same consumer groups and share the work. */
@ExtendWith(Suite.class)
class CompetingConsumersSystemTest {
    private final Suite suite = Suite.get();
    private final Bank bank = new Bank(suite);

    @Test
    void twoSanctionsInstancesBothScreenPaymentsOfOneBatch() throws Exception {
        ServiceProcess second = suite.startAnotherInstance("sanctions-service");
        try {
            List<Map<String, Object>> payments = Suite.asScheme().contentType(ContentType.JSON)
                    .body(Map.of("count", 30, "mix", Map.of("valid", 1)))
                    .post(suite.simulator("/simulator/inbound-payments/batch"))
                    .then().statusCode(200).extract().jsonPath().getList("payments");
            payments.forEach(p -> bank.awaitStatus((String) p.get("paymentId"), "COMPLETED"));

            PersistentSubscriptionToStreamInfo info = suite.persistent().getInfoToStream(
                    SanctionsReactions.SCREEN_ON_VALIDATED.stream(), SanctionsReactions.SCREEN_ON_VALIDATED.name())
                    .get(10, TimeUnit.SECONDS).orElseThrow();
            assertThat(info.getConnections()).hasSize(2)
                    .allSatisfy(connection -> assertThat(connection.getTotalItems()).isPositive());
        } finally {
            second.stop();
        }
    }
}
