package com.paystream.infrastructure.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** An RFC 9457 problem detail, sent as {@code application/problem+json}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "An RFC 9457 problem detail (application/problem+json): why the request was "
        + "refused or failed")
public record Problem(
        @Schema(description = "What went wrong, a stable name to branch on", required = true,
                examples = "urn:paystream:problem:validation-failed") String type,
        @Schema(description = "A short summary of the kind of problem", required = true,
                examples = "The request is invalid") String title,
        @Schema(description = "The HTTP status", required = true, examples = "400") int status,
        @Schema(description = "What went wrong with this request, for a person to read",
                examples = "limit: must be a whole number") String detail,
        @Schema(description = "The path that was called", examples = "/ops/subscriptions/x/parked") String instance,
        @Schema(description = "Each invalid field or parameter (400 only)") List<FieldError> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";
    /** Our problem types are URNs {@code urn:paystream:problem:<slug>}: stable names clients can branch on. */
    public static final String TYPE_PREFIX = "urn:paystream:problem:";

    public static String type(String slugOrUri) {
        return slugOrUri.contains(":") ? slugOrUri : TYPE_PREFIX + slugOrUri;
    }
}
