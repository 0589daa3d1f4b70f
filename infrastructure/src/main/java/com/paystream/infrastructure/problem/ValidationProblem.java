package com.paystream.infrastructure.problem;

import java.util.List;

/** 400: the request is invalid; {@code errors} names each field and what is wrong with it. */
public final class ValidationProblem extends ProblemException {
    public ValidationProblem(List<FieldError> errors) {
        super(400, "validation-failed", "The request is invalid", describe(errors), errors);
    }

    public static ValidationProblem field(String field, String message) {
        return new ValidationProblem(List.of(new FieldError(field, message)));
    }

    private static String describe(List<FieldError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("A validation problem names at least one field");
        }
        return errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
    }
}
