package com.paystream.scheme.config;

import com.paystream.infrastructure.testing.EventStoreTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** /q/info says which years of official bank holidays the Bacs calendar holds, and where they come from. */
@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
class BacsCalendarInfoTest {
    @Test
    void theInfoEndpointNamesTheBundledOfficialList() {
        given().accept("application/json").get("/q/info")
                .then().statusCode(200)
                .body("bacsCalendar.officialFirstYear", equalTo(2024))
                .body("bacsCalendar.officialLastYear", equalTo(2027))
                .body("bacsCalendar.source", containsString("GOV.UK bank-holidays.json"));
    }
}
