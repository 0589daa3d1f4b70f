package com.paystream.scheme;

import com.paystream.events.BacsCalendar;
import io.restassured.http.ContentType;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import static com.paystream.infrastructure.testing.Operators.asScheme;

/** A valid inbound delivery, as the scheme sends it to the gateway. */
public final class Deliveries {
    private Deliveries() {
    }

    /** The JSON of a valid delivery of scheme transaction {@code transactionId}. */
    public static String valid(String transactionId) {
        return """
                {"schemeTransactionId":"%s",
                 "originator":{"name":"ACME WIDGETS LTD","sortCode":"089999","accountNumber":"66374958"},
                 "beneficiary":{"name":"JANE DOE","sortCode":"107999","accountNumber":"88837491"},
                 "amount":{"minorUnits":1250,"currency":"GBP"},
                 "reference":"INV 42","processingDate":"%s"}
                """.formatted(transactionId, enteredToday());
    }

    /** The processing date of a payment credited at once: its entry day is the latest one on or before today. */
    public static LocalDate enteredToday() {
        return BacsCalendar.englandAndWales().processingDateForLatestEntry(BacsCalendar.today(Clock.systemUTC()));
    }

    /** The scheme delivers a new valid payment, with this correlation id; the payment's id. */
    public static String delivered(String transactionId, String correlationId) {
        return asScheme().contentType(ContentType.JSON).header("X-Correlation-Id", correlationId)
                .body(valid(transactionId)).post("/inbound-payments").then().statusCode(202).extract()
                .path("paymentId");
    }

    /** The scheme delivers a new valid payment; the payment's id. */
    public static String delivered() {
        return delivered("TX-" + UUID.randomUUID(), "corr-" + UUID.randomUUID());
    }
}
