package com.paystream.simulator.api;

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
    void aPaymentSentIsDocumentedAsCreatedWithTheBanksAnswer() {
        JsonNode created = OpenApiContract.served().path("paths").path("/simulator/inbound-payments").path("post")
                .path("responses").path("201");

        assertThat(created.path("content").path("application/json").path("schema").path("$ref").asText())
                .isEqualTo("#/components/schemas/Delivery");
    }
}
