package com.paystream.scheme.calendar;

import com.paystream.infrastructure.testing.EventStoreTestResource;
import com.paystream.scheme.MovableClock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static com.paystream.infrastructure.testing.Operators.asAuditor;
import static com.paystream.infrastructure.testing.Operators.asCustomer;
import static com.paystream.infrastructure.testing.Operators.asScheme;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** GET /bacs-calendar/today answers where the scheme's today stands in the Bacs cycle, for the clock's today. */
@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
class BacsCalendarApiTest {
    @Inject
    MovableClock clock;

    @AfterEach
    void backToTheSystemClock() {
        clock.reset();
    }

    @Test
    void onASundayThePaymentCreditedAtOnceIsTheOneProcessedOnThursday() {
        clock.set(Instant.parse("2026-12-06T12:00:00Z"));

        asAuditor().get("/bacs-calendar/today").then().statusCode(200)
                .body("today", equalTo("2026-12-06"))
                .body("processingDay", equalTo(false))
                .body("latestEntryDay", equalTo("2026-12-04"))
                .body("processingDateForLatestEntry", equalTo("2026-12-03"))
                .body("nextProcessingDay", equalTo("2026-12-07"))
                .body("nextProcessingDayEntryDay", equalTo("2026-12-08"))
                .body("officialThisYear", equalTo(true));
    }

    @Test
    void onTheTuesdayAfterEasterThePaymentCreditedAtOnceWasProcessedOnTheThursdayBeforeGoodFriday() {
        clock.set(Instant.parse("2026-04-07T08:00:00Z"));

        asScheme().get("/bacs-calendar/today").then().statusCode(200)
                .body("processingDay", equalTo(true))
                .body("latestEntryDay", equalTo("2026-04-07"))
                .body("processingDateForLatestEntry", equalTo("2026-04-02"));
    }

    @Test
    void theSchemesTodayIsTheDateInLondon() {
        clock.set(Instant.parse("2026-06-30T23:30:00Z"));

        asAuditor().get("/bacs-calendar/today").then().statusCode(200).body("today", equalTo("2026-07-01"));
    }

    @Test
    void withoutATokenTheCalendarIsRefused() {
        given().get("/bacs-calendar/today").then().statusCode(401);
    }

    @Test
    void aCustomerIsRefusedTheCalendar() {
        asCustomer("customer-1").get("/bacs-calendar/today").then().statusCode(403);
    }
}
