package com.paystream.infrastructure.problem;

/**
 * 502: a service this one calls over HTTP did not answer, or answered with something unusable. {@code type} is a
 * stable slug such as {@code scheme-delivery-failed}.
 */
public final class UpstreamProblem extends ProblemException {
    public UpstreamProblem(String type, String detail) {
        super(502, type, "Upstream service failed", detail, null);
    }
}
