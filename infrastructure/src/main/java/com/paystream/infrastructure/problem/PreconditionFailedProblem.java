package com.paystream.infrastructure.problem;

/** 412: the {@code If-Match} revision the client sent is not the current one. See {@link Revisions}. */
public final class PreconditionFailedProblem extends ProblemException {
    public PreconditionFailedProblem(String detail) {
        super(412, "stale-revision", "Precondition failed", detail, null);
    }
}
