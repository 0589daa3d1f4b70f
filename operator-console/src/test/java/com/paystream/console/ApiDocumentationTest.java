package com.paystream.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.paystream.infrastructure.testing.OpenApiContract;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's OpenAPI document says, of each of its own operations, what it answers and how it refuses. */
@QuarkusTest
@WithTestResource(StubServices.class)
@WithTestResource(StubIdentityProvider.class)
class ApiDocumentationTest {
    @Test
    void everyOperationDocumentsItsAnswersAndRefusals() {
        assertThat(OpenApiContract.gaps(OpenApiContract.served())).isEmpty();
    }

    @Test
    void aChangeThroughTheConsoleSaysItComesFromThePageOnly() {
        JsonNode post = OpenApiContract.served().path("paths").path("/api/{service}/{path}").path("post");

        assertThat(post.path("responses").path("403").path("description").asText()).contains("not-from-the-page");
    }
}
