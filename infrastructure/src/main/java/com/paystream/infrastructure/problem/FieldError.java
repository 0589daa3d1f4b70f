package com.paystream.infrastructure.problem;

/** One invalid field of a request: its JSON path (e.g. {@code amount.minorUnits}) and what is wrong. */
public record FieldError(String field, String message) {
}
