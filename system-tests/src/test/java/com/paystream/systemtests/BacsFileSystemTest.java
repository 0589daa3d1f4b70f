package com.paystream.systemtests;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A Standard 18 file from the scheme simulator, through the whole suite, sent once and then again. */
@ExtendWith(Suite.class)
class BacsFileSystemTest {
    private static final int CREDITS = 200;
    private final Suite suite = Suite.get();
    private final Bank bank = new Bank(suite);

    /** The file's payments, as payment-scheme-service lists them (correlated to the file's upload). */
    private List<Map<String, Object>> paymentsOf(String serialNumber) {
        return Suite.asAuditor().queryParam("correlationId", "FILE-" + serialNumber)
                .get(suite.scheme("/payments")).then().statusCode(200).extract().jsonPath().getList("$");
    }

    @Test
    void everyCreditOfAFileEndsWhereItsBeneficiaryDictatesOnceAndASecondSendingChangesNothing() {
        JsonPath sent = Suite.asScheme().contentType(ContentType.JSON)
                .body(Map.of("credits", CREDITS, "originators", 3))
                .post(suite.simulator("/simulator/inbound-files"))
                .then().statusCode(201).extract().jsonPath();
        String serial = sent.getString("serialNumber");
        assertThat(sent.getInt("httpStatus")).isEqualTo(201);
        assertThat(sent.getLong("paymentsCreated")).isEqualTo(CREDITS);

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> paymentsOf(serial).size() == CREDITS
                        && paymentsOf(serial).stream().allMatch(p -> Bank.SETTLED.contains((String) p.get("status"))));
        List<Map<String, Object>> payments = paymentsOf(serial);
        assertThat(payments).extracting(p -> (String) p.get("status")).contains("COMPLETED")
                .allMatch(status -> List.of("COMPLETED", "RETURNED", "FAILED").contains(status));
        for (Map<String, Object> payment : payments) {
            List<String> timeline = bank.timeline((String) payment.get("paymentId"));
            assertThat(timeline.stream().filter("InboundPaymentBalanceUpdated"::equals).count())
                    .as("balance updates of %s", payment.get("schemeTransactionId"))
                    .isEqualTo("COMPLETED".equals(payment.get("status")) ? 1 : 0);
        }

        JsonPath again = Suite.asScheme().post(suite.simulator("/simulator/inbound-files/" + serial + "/resend"))
                .then().statusCode(201).extract().jsonPath();

        assertThat(again.getInt("httpStatus")).isEqualTo(200);
        assertThat(again.getString("outcome")).isEqualTo("ALREADY_INGESTED");
        assertThat(again.getLong("paymentsCreated")).isZero();
        assertThat(paymentsOf(serial)).hasSize(CREDITS);
        for (Map<String, Object> payment : payments) {
            assertThat(bank.timeline((String) payment.get("paymentId")).stream()
                    .filter("InboundPaymentReceived"::equals)).hasSize(1);
        }
    }
}
