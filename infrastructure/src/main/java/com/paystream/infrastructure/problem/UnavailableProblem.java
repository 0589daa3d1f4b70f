package com.paystream.infrastructure.problem;

/** 503: this service cannot take the request now (an outage, planned or simulated); the caller should try later. */
public final class UnavailableProblem extends ProblemException {
    public UnavailableProblem(String type, String detail) {
        super(503, type, "Service unavailable", detail, null);
    }
}
