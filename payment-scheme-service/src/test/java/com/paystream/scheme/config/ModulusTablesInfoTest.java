package com.paystream.scheme.config;

import com.paystream.infrastructure.testing.EventStoreTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** /q/info says which modulus tables the service checks account numbers with. */
@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
class ModulusTablesInfoTest {
    @Test
    void theInfoEndpointNamesTheBundledVocalinkEditions() {
        given().accept("application/json").get("/q/info")
                .then().statusCode(200)
                .body("modulus.weightTable.location", equalTo("bundled valacdos.txt"))
                .body("modulus.weightTable.edition",
                        equalTo("Vocalink modulus weight table v8.50, valid from 2025-06-23"))
                .body("modulus.weightTable.rows", equalTo(1151))
                .body("modulus.substitutionTable.edition",
                        equalTo("Vocalink sorting code substitution data, valid from 2005-06-13"))
                .body("modulus.substitutionTable.rows", equalTo(21));
    }
}
