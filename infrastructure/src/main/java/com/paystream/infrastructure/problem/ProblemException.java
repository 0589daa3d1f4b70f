package com.paystream.infrastructure.problem;

import java.util.List;

/**
 * A failure that is the client's to fix, carrying what the problem+json answer says. Throw one of its kinds:
 * {@link ValidationProblem} (400), {@link NotFoundProblem} (404), {@link RuleViolation} (409),
 * {@link PreconditionFailedProblem} (412), {@link UpstreamProblem} (502), {@link UnavailableProblem} (503).
 */
public abstract class ProblemException extends RuntimeException {
    private final int status;
    private final String type;
    private final String title;
    private final List<FieldError> errors;

    ProblemException(int status, String type, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.type = Problem.type(type);
        this.title = title;
        this.errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldError> errors() {
        return errors;
    }
}
