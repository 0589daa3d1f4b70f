package com.paystream.infrastructure.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** An RFC 9457 problem detail, sent as {@code application/problem+json}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<FieldError> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";
    /** Our problem types are URNs {@code urn:paystream:problem:<slug>}: stable names clients can branch on. */
    public static final String TYPE_PREFIX = "urn:paystream:problem:";

    public static String type(String slugOrUri) {
        return slugOrUri.contains(":") ? slugOrUri : TYPE_PREFIX + slugOrUri;
    }
}
