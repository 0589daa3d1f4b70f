package com.paystream.scheme.api;

import com.paystream.infrastructure.testing.EventStoreTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static com.paystream.infrastructure.testing.Operators.asAuditor;
import static org.hamcrest.Matchers.equalTo;

/** A query parameter that does not read is a 400 problem+json naming it. */
@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
class ParameterProblemsTest {
    @Test
    void aFlagOtherThanTrueOrFalseIs400NamingIt() {
        asAuditor().get("/originators?flagged=yes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:paystream:problem:validation-failed"))
                .body("detail", equalTo("flagged: must be true or false"));
    }

    @Test
    void aLimitThatIsNotANumberIs400NamingIt() {
        asAuditor().get("/ops/subscriptions/scheme.validate-on-received/parked?limit=ten")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("limit: must be a whole number"));
    }
}
