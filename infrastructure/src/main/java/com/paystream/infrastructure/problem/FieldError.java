package com.paystream.infrastructure.problem;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One invalid field of a request: its JSON path (e.g. {@code amount.minorUnits}) and what is wrong. */
public record FieldError(
        @Schema(description = "The field's JSON path, or the parameter's name", examples = "amount.minorUnits")
        String field,
        @Schema(description = "What is wrong with it", examples = "is required: pence, a whole number above zero")
        String message) {
}
