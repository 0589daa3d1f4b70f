package com.paystream.infrastructure.testing;

import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;

/** Requests signed in as the test profile's operators (src/test/resources/META-INF/microprofile-config.properties). */
public final class Operators {
    public static final String OFFICER = "officer";
    public static final String OPS = "operator";
    public static final String CLERK = "clerk";

    private Operators() {
    }

    /** A sanctions officer: decides held payments, keeps the sanctions list. */
    public static RequestSpecification asOfficer() {
        return given().auth().preemptive().basic(OFFICER, "officer-test-password");
    }

    /** An operator with the ops role: subscriptions, parked messages, read models. */
    public static RequestSpecification asOps() {
        return given().auth().preemptive().basic(OPS, "operator-test-password");
    }

    /** Signed in, with no role. */
    public static RequestSpecification asClerk() {
        return given().auth().preemptive().basic(CLERK, "clerk-test-password");
    }
}
