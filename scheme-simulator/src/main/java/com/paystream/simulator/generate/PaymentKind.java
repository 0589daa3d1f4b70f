package com.paystream.simulator.generate;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Optional;

/** What a simulated payment is meant to exercise, and how the bank should end it. */
public enum PaymentKind {
    /** Well formed, to an open account: credited. */
    VALID("valid"),
    /** Breaks one scheme rule (modulus check, item limit, currency, character set, processing date): returned 0. */
    INVALID_DETAILS("invalidDetails"),
    /** From a spelling of a sanctioned name, to an open account: held for an operator. */
    SANCTIONED_ORIGINATOR("sanctionedOriginator"),
    /** To a closed account: returned B. */
    CLOSED_ACCOUNT("closedAccount"),
    /** To a blocked account: failed, the funds kept for review. */
    BLOCKED_ACCOUNT("blockedAccount"),
    /** To an account number the bank does not hold: returned 5. */
    UNKNOWN_ACCOUNT("unknownAccount"),
    /**
     * Well formed, to an open account, processed on the next processing day: scheduled until its entry day (the
     * processing day after), then credited.
     */
    FUTURE("future");

    private final String key;

    PaymentKind(String key) {
        this.key = key;
    }

    @JsonValue
    public String key() {
        return key;
    }

    public static Optional<PaymentKind> ofKey(String key) {
        return Arrays.stream(values()).filter(kind -> kind.key.equals(key)).findFirst();
    }

    @JsonCreator
    static PaymentKind fromJson(String key) {
        return ofKey(key).orElseThrow(() -> new IllegalArgumentException("Unknown payment kind " + key));
    }
}
