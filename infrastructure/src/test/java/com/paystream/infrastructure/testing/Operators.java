package com.paystream.infrastructure.testing;

import com.paystream.infrastructure.security.Roles;
import io.restassured.specification.RequestSpecification;

/**
 * Requests by the people and programs of the tests, each with a token from {@link TestTokens} carrying the realm
 * roles their job gives them.
 */
public final class Operators {
    public static final String OFFICER = "officer";
    public static final String OPS = "operator";
    public static final String CLERK = "clerk";
    public static final String AUDITOR = "auditor";
    public static final String ACCOUNT_OFFICER = "account-officer";
    public static final String SCHEME = "scheme";
    public static final String GATEWAY = "gateway";

    private Operators() {
    }

    /** A sanctions officer: decides held payments, keeps the sanctions list. */
    public static RequestSpecification asOfficer() {
        return TestTokens.as(OFFICER, Roles.SANCTIONS_OFFICER);
    }

    /** An operator with the ops role: subscriptions, parked messages, read models. */
    public static RequestSpecification asOps() {
        return TestTokens.as(OPS, Roles.OPS);
    }

    /** Signed in, with no role. */
    public static RequestSpecification asClerk() {
        return TestTokens.as(CLERK);
    }

    /** An auditor: reads everything, changes nothing. */
    public static RequestSpecification asAuditor() {
        return TestTokens.as(AUDITOR, Roles.AUDITOR);
    }

    /** An account officer: opens, blocks, unblocks and closes accounts. */
    public static RequestSpecification asAccountOfficer() {
        return TestTokens.as(ACCOUNT_OFFICER, Roles.ACCOUNT_OFFICER);
    }

    /** The Bacs scheme: delivers inbound payments and notices about outbound ones. */
    public static RequestSpecification asScheme() {
        return TestTokens.as(SCHEME, Roles.SCHEME);
    }

    /** The bank's gateway, submitting outbound payments to the scheme. */
    public static RequestSpecification asGateway() {
        return TestTokens.as(GATEWAY, Roles.BANK_GATEWAY);
    }

    /** A customer with this customer id. */
    public static RequestSpecification asCustomer(String customerId) {
        return TestTokens.bearer(TestTokens.customer("customer-" + customerId, customerId));
    }
}
