package com.paystream.infrastructure.problem;

/**
 * 409: a business rule refused the command. {@code type} names the rule and never changes (a slug such as
 * {@code account-closed}, sent as {@code urn:paystream:problem:account-closed}, or a full URI).
 */
public final class RuleViolation extends ProblemException {
    public RuleViolation(String type, String detail) {
        this(type, "Business rule violated", detail);
    }

    public RuleViolation(String type, String title, String detail) {
        super(409, type, title, detail, null);
    }
}
