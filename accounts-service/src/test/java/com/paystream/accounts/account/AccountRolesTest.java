package com.paystream.accounts.account;

import com.paystream.infrastructure.store.EventStore;
import com.paystream.infrastructure.testing.EventStoreTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.paystream.infrastructure.testing.Operators.asAuditor;
import static com.paystream.infrastructure.testing.Operators.asCustomer;
import static com.paystream.infrastructure.testing.Operators.asOfficer;
import static com.paystream.infrastructure.testing.Operators.asOps;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Who may do what to accounts: a caller without a token, or without the role, is refused and nothing changes. */
@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
class AccountRolesTest {
    private static final String PROBLEM = "application/problem+json";
    private static final String FORBIDDEN = "urn:paystream:problem:forbidden";

    @Inject
    EventStore store;

    private long revision(String accountId) {
        return TestAccounts.revision(store, accountId);
    }

    private static String newAccount(String customerId) {
        return TestAccounts.open("608371", TestAccounts.newAccountNumber(), customerId);
    }

    @Test
    void anOutboundPaymentWithoutATokenIsUnauthenticatedAndTheAccountIsUnchanged() {
        String account = newAccount(TestAccounts.CUSTOMER);
        long revision = revision(account);

        given().contentType(ContentType.JSON).body(Map.of("idempotencyKey", "anon-1",
                        "beneficiary", Map.of("name", "NORTHWIND", "sortCode", "089999", "accountNumber", "66374958"),
                        "amount", Map.of("minorUnits", 100, "currency", "GBP"), "reference", "RENT"))
                .post("/accounts/" + account + "/outbound-payments")
                .then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", "Bearer realm=\"paystream\"")
                .body("type", equalTo("urn:paystream:problem:unauthenticated"));
        assertThat(revision(account)).isEqualTo(revision);
    }

    @Test
    void anAuditorReadsAnyCustomersAccount() {
        String customer = TestAccounts.newCustomerId();
        String account = newAccount(customer);

        asAuditor().get("/accounts/" + account).then().statusCode(200)
                .body("accountId", equalTo(account))
                .body("customerId", equalTo(customer));
    }

    @Test
    void anAuditorCannotBlockAnAccount() {
        String account = newAccount(TestAccounts.CUSTOMER);
        long revision = revision(account);

        asAuditor().contentType(ContentType.JSON).body(Map.of("reason", "looks odd"))
                .post("/accounts/" + account + "/block")
                .then().statusCode(403).contentType(PROBLEM).body("type", equalTo(FORBIDDEN));
        assertThat(revision(account)).isEqualTo(revision);
    }

    @Test
    void aCustomerCannotOpenAnAccount() {
        String customer = TestAccounts.newCustomerId();
        String number = TestAccounts.newAccountNumber();

        asCustomer(customer).contentType(ContentType.JSON)
                .body(TestAccounts.newAccountBody("608371", number, "JANE DOE", customer))
                .post("/accounts")
                .then().statusCode(403).contentType(PROBLEM).body("type", equalTo(FORBIDDEN));
        assertThat(TestAccounts.exists(store, Accounts.idOf("608371", number))).isFalse();
    }

    @Test
    void aCustomerCannotBlockTheirOwnAccount() {
        String customer = TestAccounts.newCustomerId();
        String account = newAccount(customer);
        long revision = revision(account);

        asCustomer(customer).contentType(ContentType.JSON).body(Map.of("reason", "lost card"))
                .post("/accounts/" + account + "/block")
                .then().statusCode(403).contentType(PROBLEM).body("type", equalTo(FORBIDDEN));
        assertThat(revision(account)).isEqualTo(revision);
    }

    @Test
    void opsAndSanctionsOfficersDoNotReadAccounts() {
        String account = newAccount(TestAccounts.CUSTOMER);

        asOps().get("/accounts/" + account).then().statusCode(403).contentType(PROBLEM);
        asOfficer().get("/accounts/" + account).then().statusCode(403).contentType(PROBLEM);
    }
}
