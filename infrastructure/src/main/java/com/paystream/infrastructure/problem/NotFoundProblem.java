package com.paystream.infrastructure.problem;

/** 404: no such payment, account, held payment... */
public final class NotFoundProblem extends ProblemException {
    public NotFoundProblem(String detail) {
        super(404, "not-found", "Not found", detail, null);
    }
}
