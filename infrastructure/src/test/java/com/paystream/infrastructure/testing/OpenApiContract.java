package com.paystream.infrastructure.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a service's OpenAPI document ({@code /q/openapi?format=json}) must say of each operation, and the gaps where
 * it does not: a summary; a success status with the schema of what it answers (a 204 or a redirect answers no body);
 * 401 where it needs a token, 403 where it needs a role, 400 where it takes a body, a query or a header parameter; and
 * every 4xx and 5xx as {@code application/problem+json} with a schema. Each service's test fails on any gap.
 */
public final class OpenApiContract {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final String PROBLEM_JSON = "application/problem+json";

    private OpenApiContract() {
    }

    /** The document the service under test serves. */
    public static JsonNode served() {
        try {
            return new ObjectMapper().readTree(RestAssured.get("/q/openapi?format=json").then().statusCode(200)
                    .extract().asString());
        } catch (JsonProcessingException e) {
            throw new AssertionError("/q/openapi is not JSON", e);
        }
    }

    /** Every gap, one line each ({@code POST /accounts: 201 has no schema}); empty when the document is complete. */
    public static List<String> gaps(JsonNode document) {
        List<String> gaps = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields(); operations.hasNext(); ) {
                Map.Entry<String, JsonNode> operation = operations.next();
                if (METHODS.contains(operation.getKey())) {
                    String name = operation.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
                    check(document, operation.getValue(), path.getValue().path("parameters"), name, gaps);
                }
            }
        }
        return gaps;
    }

    private static void check(JsonNode document, JsonNode operation, JsonNode sharedParameters, String name,
                              List<String> gaps) {
        if (operation.path("summary").asText("").isBlank()) {
            gaps.add(name + ": no summary");
        }
        JsonNode responses = operation.path("responses");
        boolean success = false;
        for (Iterator<Map.Entry<String, JsonNode>> statuses = responses.fields(); statuses.hasNext(); ) {
            Map.Entry<String, JsonNode> status = statuses.next();
            JsonNode response = resolve(document, status.getValue());
            String code = status.getKey();
            if (code.startsWith("3")) {
                success = true; // a redirect: its Location is the answer
            } else if (code.startsWith("2")) {
                success = true;
                if (!code.equals("204") && !hasSchemas(response.path("content"))) {
                    gaps.add(name + ": " + code + " has no schema");
                }
            } else if (code.startsWith("4") || code.startsWith("5")) {
                if (!saysSomething(response.path("content").path(PROBLEM_JSON).path("schema"))) {
                    gaps.add(name + ": " + code + " is not application/problem+json with a schema");
                }
            }
        }
        if (!success) {
            gaps.add(name + ": no success status");
        }
        JsonNode security = operation.path("security");
        if (security.size() > 0) {
            require(responses, "401", name, "needs a token", gaps);
            boolean roles = false;
            for (JsonNode requirement : security) {
                for (JsonNode scopes : requirement) {
                    roles |= scopes.size() > 0;
                }
            }
            if (roles) {
                require(responses, "403", name, "needs a role", gaps);
            }
        }
        if (!operation.path("requestBody").isMissingNode() || takesParameters(operation.path("parameters"))
                || takesParameters(sharedParameters)) {
            require(responses, "400", name, "takes input", gaps);
        }
    }

    private static void require(JsonNode responses, String status, String name, String why, List<String> gaps) {
        if (!responses.has(status)) {
            gaps.add(name + ": " + why + " but does not say it answers " + status);
        }
    }

    private static boolean takesParameters(JsonNode parameters) {
        for (JsonNode parameter : parameters) {
            String in = parameter.path("in").asText();
            if (in.equals("query") || in.equals("header")) {
                return true;
            }
        }
        return false;
    }

    /** Content with at least one media type, each with a schema that says something. */
    private static boolean hasSchemas(JsonNode content) {
        if (content.isEmpty()) {
            return false;
        }
        for (JsonNode mediaType : content) {
            if (!saysSomething(mediaType.path("schema"))) {
                return false;
            }
        }
        return true;
    }

    /** A schema other than {@code {}} (which allows anything, so says nothing). */
    private static boolean saysSomething(JsonNode schema) {
        return schema.size() > 0;
    }

    /** A response, or the shared one it refers to ({@code #/components/responses/…}). */
    private static JsonNode resolve(JsonNode document, JsonNode response) {
        String ref = response.path("$ref").asText("");
        if (ref.startsWith("#/")) {
            JsonNode target = document;
            for (String segment : ref.substring(2).split("/")) {
                target = target.path(segment);
            }
            return target;
        }
        return response;
    }
}
