package com.paystream.scheme.config;

import com.paystream.infrastructure.testing.EventStoreTestResource;
import com.paystream.scheme.MovableClock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static com.paystream.infrastructure.testing.Operators.asAuditor;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** A newer bank holidays list named in configuration replaces the bundled one, without a rebuild. */
@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
@TestProfile(ConfiguredBacsCalendarTest.NewerList.class)
class ConfiguredBacsCalendarTest {
    private static final String LIST = "src/test/resources/bank-holidays-newer/bank-holidays.json";

    public static class NewerList implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("scheme.calendar.bank-holidays-path", LIST);
        }
    }

    @Inject
    MovableClock clock;

    @AfterEach
    void backToTheSystemClock() {
        clock.reset();
    }

    @Test
    void aBankHolidayOfTheConfiguredListIsNoProcessingDay() {
        // Monday 7 December 2026 is a bank holiday in this list only
        clock.set(Instant.parse("2026-12-07T10:00:00Z"));

        asAuditor().get("/bacs-calendar/today").then().statusCode(200)
                .body("processingDay", equalTo(false))
                .body("latestEntryDay", equalTo("2026-12-04"))
                .body("nextProcessingDay", equalTo("2026-12-08"));
    }

    @Test
    void theInfoEndpointNamesTheConfiguredFileAndItsYears() {
        given().accept("application/json").get("/q/info")
                .then().statusCode(200)
                .body("bacsCalendar.source", startsWith(LIST))
                .body("bacsCalendar.officialFirstYear", equalTo(2026))
                .body("bacsCalendar.officialLastYear", equalTo(2029));
    }
}
