package com.paystream.simulator.api;

import com.paystream.infrastructure.testing.EventStoreTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static com.paystream.infrastructure.testing.Operators.asScheme;
import static org.hamcrest.Matchers.equalTo;

/** A query parameter that does not read is a 400 problem+json naming it. */
@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
class ParameterProblemsTest {
    @Test
    void aReturnedFlagOtherThanTrueOrFalseIs400NamingIt() {
        asScheme().get("/simulator/inbound-payments?returned=maybe")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:paystream:problem:validation-failed"))
                .body("detail", equalTo("returned: must be true or false"));
    }

    @Test
    void aSettlementDayThatDoesNotParseIs400NamingIt() {
        asScheme().post("/simulator/outbound-payments/settle-due?asOf=26/11/2026")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("asOf: must be a date, YYYY-MM-DD"));
    }
}
