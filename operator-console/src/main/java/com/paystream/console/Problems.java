package com.paystream.console;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;

/** The console's own errors, as RFC 9457 {@code application/problem+json}, shaped as the services' are. */
final class Problems {
    static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Problem(String type, String title, int status, String detail, String instance) {
    }

    static Response answer(int status, String slug, String title, String detail, String instance) {
        return Response.status(status).type(MEDIA_TYPE)
                .entity(new Problem("urn:paystream:problem:" + slug, title, status, detail, instance))
                .build();
    }
}
