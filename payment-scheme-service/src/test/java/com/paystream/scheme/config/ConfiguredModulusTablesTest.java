package com.paystream.scheme.config;

import com.paystream.infrastructure.testing.EventStoreTestResource;
import com.paystream.scheme.modulus.ModulusCheck;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** Newer tables named in configuration replace the bundled ones, without a rebuild. */
@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
@TestProfile(ConfiguredModulusTablesTest.NewerTables.class)
class ConfiguredModulusTablesTest {
    private static final String WEIGHTS = "src/test/resources/modulus-newer/valacdos.txt";
    private static final String SUBSTITUTIONS = "src/test/resources/modulus-newer/scsubtab.txt";

    public static class NewerTables implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("scheme.modulus.weight-table-path", WEIGHTS,
                    "scheme.modulus.substitution-table-path", SUBSTITUTIONS);
        }
    }

    @Inject
    ModulusTables tables;

    @Test
    void accountsAreCheckedWithTheConfiguredWeightTable() {
        assertThat(tables.check().check("999999", "66374958")).isEqualTo(ModulusCheck.Result.VALID);
        assertThat(tables.check().check("089999", "66374958")).isEqualTo(ModulusCheck.Result.NOT_CHECKED);
    }

    @Test
    void theInfoEndpointNamesTheConfiguredFiles() {
        given().accept("application/json").get("/q/info")
                .then().statusCode(200)
                .body("modulus.weightTable.location", equalTo(WEIGHTS))
                .body("modulus.weightTable.edition", startsWith("file last modified "))
                .body("modulus.weightTable.rows", equalTo(1))
                .body("modulus.substitutionTable.location", equalTo(SUBSTITUTIONS))
                .body("modulus.substitutionTable.rows", equalTo(1));
    }
}
