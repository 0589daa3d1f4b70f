package com.paystream.infrastructure.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.paystream.infrastructure.testing.OpenApiContract;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The check every service's OpenAPI document passes, on small documents made by hand: it finds each kind of gap. */
class OpenApiContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One operation, complete: GET /things/{id}?limit= for role ops, with every answer it can give. */
    private static ObjectNode complete() throws Exception {
        return (ObjectNode) JSON.readTree("""
                {"paths":{"/things/{id}":{"get":{
                  "summary":"Read a thing",
                  "parameters":[{"name":"id","in":"path"},{"name":"limit","in":"query"}],
                  "security":[{"keycloak":["ops"]}],
                  "responses":{
                    "200":{"description":"The thing","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Thing"}}}},
                    "400":{"$ref":"#/components/responses/BadRequest"},
                    "401":{"$ref":"#/components/responses/BadRequest"},
                    "403":{"$ref":"#/components/responses/BadRequest"},
                    "404":{"description":"No such thing","content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/Problem"}}}}
                  }}}},
                 "components":{"responses":{"BadRequest":{"description":"Invalid",
                   "content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/Problem"}}}}}}}
                """);
    }

    private static JsonNode operation(ObjectNode document) {
        return document.path("paths").path("/things/{id}").path("get");
    }

    @Test
    void aCompleteOperationHasNoGap() throws Exception {
        assertThat(OpenApiContract.gaps(complete())).isEmpty();
    }

    @Test
    void aSuccessWithAnEmptySchemaIsAGap() throws Exception {
        ObjectNode document = complete();
        ((ObjectNode) operation(document).path("responses").path("200").path("content").path("application/json"))
                .putObject("schema");

        assertThat(OpenApiContract.gaps(document)).containsExactly("GET /things/{id}: 200 has no schema");
    }

    @Test
    void aSuccessWithNoContentIsAGap() throws Exception {
        ObjectNode document = complete();
        ((ObjectNode) operation(document).path("responses").path("200")).remove("content");

        assertThat(OpenApiContract.gaps(document)).containsExactly("GET /things/{id}: 200 has no schema");
    }

    @Test
    void anOperationWithNoSuccessStatusIsAGap() throws Exception {
        ObjectNode document = complete();
        ((ObjectNode) operation(document).path("responses")).remove("200");

        assertThat(OpenApiContract.gaps(document)).containsExactly("GET /things/{id}: no success status");
    }

    @Test
    void aNoContentSuccessNeedsNoSchema() throws Exception {
        ObjectNode document = complete();
        ObjectNode responses = (ObjectNode) operation(document).path("responses");
        responses.remove("200");
        responses.putObject("204").put("description", "Removed");

        assertThat(OpenApiContract.gaps(document)).isEmpty();
    }

    @Test
    void aRedirectNeedsNoSchema() throws Exception {
        ObjectNode document = complete();
        ObjectNode responses = (ObjectNode) operation(document).path("responses");
        responses.remove("200");
        responses.putObject("303").put("description", "On to the page");

        assertThat(OpenApiContract.gaps(document)).isEmpty();
    }

    @Test
    void anOperationWithoutASummaryIsAGap() throws Exception {
        ObjectNode document = complete();
        ((ObjectNode) operation(document)).remove("summary");

        assertThat(OpenApiContract.gaps(document)).containsExactly("GET /things/{id}: no summary");
    }

    @Test
    void aSecuredOperationThatDoesNotSayItAnswers401IsAGap() throws Exception {
        ObjectNode document = complete();
        ((ObjectNode) operation(document).path("responses")).remove("401");

        assertThat(OpenApiContract.gaps(document))
                .containsExactly("GET /things/{id}: needs a token but does not say it answers 401");
    }

    @Test
    void anOperationForSomeRolesThatDoesNotSayItAnswers403IsAGap() throws Exception {
        ObjectNode document = complete();
        ((ObjectNode) operation(document).path("responses")).remove("403");

        assertThat(OpenApiContract.gaps(document))
                .containsExactly("GET /things/{id}: needs a role but does not say it answers 403");
    }

    @Test
    void anOperationForAnyoneSignedInNeedsNo403() throws Exception {
        ObjectNode document = complete();
        ((ObjectNode) operation(document).path("responses")).remove("403");
        ((ObjectNode) operation(document).path("security").get(0)).putArray("keycloak");

        assertThat(OpenApiContract.gaps(document)).isEmpty();
    }

    @Test
    void anOperationTakingAQueryParameterThatDoesNotSayItAnswers400IsAGap() throws Exception {
        ObjectNode document = complete();
        ((ObjectNode) operation(document).path("responses")).remove("400");

        assertThat(OpenApiContract.gaps(document))
                .containsExactly("GET /things/{id}: takes input but does not say it answers 400");
    }

    @Test
    void anOperationTakingABodyThatDoesNotSayItAnswers400IsAGap() throws Exception {
        ObjectNode document = complete();
        ObjectNode operation = (ObjectNode) operation(document);
        ((ObjectNode) operation.path("responses")).remove("400");
        operation.remove("parameters");
        operation.putObject("requestBody");

        assertThat(OpenApiContract.gaps(document))
                .containsExactly("GET /things/{id}: takes input but does not say it answers 400");
    }

    @Test
    void anErrorThatIsNotProblemJsonIsAGap() throws Exception {
        ObjectNode document = complete();
        ((ObjectNode) operation(document).path("responses")).putObject("409").put("description", "Conflict");

        assertThat(OpenApiContract.gaps(document))
                .containsExactly("GET /things/{id}: 409 is not application/problem+json with a schema");
    }

    @Test
    void aSharedErrorResponseIsCheckedWhereItIsDescribed() throws Exception {
        ObjectNode document = complete();
        ((ObjectNode) document.path("components").path("responses").path("BadRequest")).remove("content");

        assertThat(OpenApiContract.gaps(document)).contains(
                "GET /things/{id}: 400 is not application/problem+json with a schema");
    }
}
