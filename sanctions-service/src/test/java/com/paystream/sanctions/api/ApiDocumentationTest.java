package com.paystream.sanctions.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.paystream.infrastructure.testing.EventStoreTestResource;
import com.paystream.infrastructure.testing.OpenApiContract;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The service's OpenAPI document says, of every operation, what it answers and how it refuses. */
@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
class ApiDocumentationTest {
    @Test
    void everyOperationDocumentsItsAnswersAndRefusals() {
        assertThat(OpenApiContract.gaps(OpenApiContract.served())).isEmpty();
    }

    @Test
    void aDecisionOnAHeldPaymentNamesWhoMayMakeItAndItsRefusals() {
        JsonNode release = OpenApiContract.served().path("paths").path("/held-payments/{paymentId}/release")
                .path("post");

        assertThat(release.path("security").get(0).path("keycloak").get(0).asText()).isEqualTo("sanctions-officer");
        assertThat(release.path("responses").has("409")).isTrue();
        assertThat(release.path("responses").has("412")).isTrue();
    }
}
