package com.paystream.sanctions.api;

import com.paystream.infrastructure.testing.EventStoreTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static com.paystream.infrastructure.testing.Operators.asOps;
import static org.hamcrest.Matchers.equalTo;

/** A query parameter that does not read is a 400 problem+json naming it. */
@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
class ParameterProblemsTest {
    @Test
    void aLimitOfParkedMessagesThatIsNotANumberIs400NamingIt() {
        asOps().get("/ops/subscriptions/sanctions.screen-on-validated/parked?limit=all")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:paystream:problem:validation-failed"))
                .body("detail", equalTo("limit: must be a whole number"))
                .body("errors[0].field", equalTo("limit"));
    }
}
