package com.paystream.infrastructure.api;

import com.paystream.infrastructure.problem.FieldError;
import com.paystream.infrastructure.problem.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.util.List;
import java.util.Map;

/**
 * The refusals every service's API shares, described once under {@code components/responses}: each an RFC 9457
 * problem ({@link Problem}, sent as {@code application/problem+json}). {@link ProblemResponses} adds the ones an
 * operation can answer to it (401, 403, 400, 413, 415, 500); an operation that reads or writes the event store names
 * {@value #STORE_UNAVAILABLE} itself ({@code @APIResponse(responseCode = "503", ref = SharedResponses
 * .STORE_UNAVAILABLE)}), and its own 404, 409 or 412 in its own words.
 */
public final class SharedResponses {
    public static final String BAD_REQUEST = "BadRequest";
    public static final String UNAUTHENTICATED = "Unauthenticated";
    public static final String FORBIDDEN = "Forbidden";
    public static final String BODY_TOO_LARGE = "BodyTooLarge";
    public static final String UNSUPPORTED_MEDIA_TYPE = "UnsupportedMediaType";
    public static final String STORE_UNAVAILABLE = "StoreUnavailable";
    public static final String INTERNAL_ERROR = "InternalError";

    private SharedResponses() {
    }

    static void describe(Components components) {
        components.addResponse(BAD_REQUEST, problem("The request is invalid: the problem's errors name each field or "
                + "parameter and what is wrong with it; nothing was written", new Problem(Problem.type(
                "validation-failed"), "The request is invalid", 400, "limit: must be a whole number",
                "/ops/subscriptions/accounts.credit-on-cleared/parked", List.of(new FieldError("limit",
                "must be a whole number")))));
        components.addResponse(UNAUTHENTICATED, problem("No access token, or one that is not valid here (expired, "
                + "signed by another key, for another audience); answered with WWW-Authenticate: Bearer",
                new Problem(Problem.type("unauthenticated"), "Unauthenticated", 401, "Send a valid access token from "
                        + "the bank's identity provider (Authorization: Bearer)", "/payments", null)));
        components.addResponse(FORBIDDEN, problem("Signed in, without a role this operation needs (the roles are "
                + "the scopes of its security requirement)", new Problem(Problem.type("forbidden"), "Forbidden", 403,
                "carol does not have the role this needs", "/payments", null)));
        components.addResponse(BODY_TOO_LARGE, problem("The request body is larger than a service takes (1 MB); "
                + "nothing was read", new Problem(Problem.type("body-too-large"), "Request body too large", 413,
                "A request body may be at most 1048576 bytes", "/accounts", null)));
        components.addResponse(UNSUPPORTED_MEDIA_TYPE, problem("The request body is not sent as application/json",
                new Problem(Problem.type("http-415"), "Unsupported Media Type", 415, null, "/accounts", null)));
        components.addResponse(STORE_UNAVAILABLE, problem("The event store cannot be reached now; nothing was "
                + "written. Try again after the Retry-After seconds", new Problem(Problem.type("store-unavailable"),
                "Service unavailable", 503, "The event store is unavailable; try again later", "/accounts", null)));
        components.addResponse(INTERNAL_ERROR, problem("An unexpected failure, or the event store refusing this "
                + "service (a fault of set-up): no internals, a correlation id to quote", new Problem(Problem.type(
                "internal-error"), "Internal server error", 500, "An unexpected error occurred; quote correlation id "
                + "3f1c9a52-8d2e-4a57-b0e4-5b1f2a7c9d10", "/payments", null)));
    }

    private static APIResponse problem(String description, Problem example) {
        return OASFactory.createAPIResponse().description(description).content(OASFactory.createContent()
                .addMediaType(Problem.MEDIA_TYPE, ProblemResponses.problemBody().addExample(example.type()
                        .substring(Problem.TYPE_PREFIX.length()), OASFactory.createExample().value(asMap(example)))));
    }

    /** The example as the JSON the service sends (no null members). */
    private static Map<String, Object> asMap(Problem problem) {
        Map<String, Object> json = new java.util.LinkedHashMap<>();
        json.put("type", problem.type());
        json.put("title", problem.title());
        json.put("status", problem.status());
        if (problem.detail() != null) {
            json.put("detail", problem.detail());
        }
        json.put("instance", problem.instance());
        if (problem.errors() != null) {
            json.put("errors", problem.errors().stream().map(error -> Map.of("field", error.field(),
                    "message", error.message())).toList());
        }
        return json;
    }
}
