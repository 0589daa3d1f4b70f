package com.paystream.scheme.api;

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
    void aDeliveredPaymentIsDocumentedAsAccepted() {
        JsonNode responses = OpenApiContract.served().path("paths").path("/inbound-payments").path("post")
                .path("responses");

        assertThat(responses.path("202").path("content").path("application/json").path("schema").path("$ref")
                .asText()).isEqualTo("#/components/schemas/Accepted");
        assertThat(responses.has("409")).isTrue();
    }
}
