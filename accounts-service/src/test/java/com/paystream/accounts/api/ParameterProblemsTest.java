package com.paystream.accounts.api;

import com.paystream.infrastructure.testing.EventStoreTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static com.paystream.infrastructure.testing.Operators.asAccountOfficer;
import static org.hamcrest.Matchers.equalTo;

/** A query parameter that does not read is a 400 problem+json naming it, not a 404 as if the account were unknown. */
@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
class ParameterProblemsTest {
    @Test
    void aRevisionThatIsNotANumberIs400NamingIt() {
        asAccountOfficer().get("/accounts/400000-12345678?revision=latest")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:paystream:problem:validation-failed"))
                .body("detail", equalTo("revision: must be a whole number"));
    }

    @Test
    void aPageSizeThatIsNotANumberIs400NamingIt() {
        asAccountOfficer().get("/accounts/400000-12345678/events?limit=ten")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("limit: must be a whole number"));
    }

    @Test
    void aStartingRevisionThatIsNotANumberIs400NamingIt() {
        asAccountOfficer().get("/accounts/400000-12345678/events?from=start")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("from: must be a whole number"));
    }
}
