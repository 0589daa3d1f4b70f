package com.paystream.accounts.account;

import com.paystream.accounts.outbound.OutboundPayments;
import com.paystream.events.PaymentStreams;
import com.paystream.infrastructure.security.Roles;
import com.paystream.infrastructure.store.Causation;
import com.paystream.infrastructure.store.EventStore;
import com.paystream.infrastructure.testing.EventStoreTestResource;
import com.paystream.infrastructure.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import static com.paystream.infrastructure.testing.Operators.asAccountOfficer;
import static com.paystream.infrastructure.testing.Operators.asCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;

/**
 * A customer sees and acts on their own accounts only: any other account (another customer's, one with no owner, one
 * that does not exist) answers exactly as an account that does not exist does, whatever is asked of it.
 */
@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
class CustomerAccessTest {
    private static final String PROBLEM = "application/problem+json";
    private static final String SORT_CODE = "608371";

    @Inject
    Accounts accounts;
    @Inject
    EventStore store;

    /** An account as the tests name it: by id, by number, and one outbound payment of it (if any). */
    record Target(String id, String number, String paymentId) {
    }

    /** The accounts a customer may not see. */
    enum NotTheirs { ANOTHER_CUSTOMERS, WITH_NO_OWNER, THAT_DOES_NOT_EXIST }

    /** One request about an account. */
    record Ask(String what, String method, Function<Target, String> path, Map<String, Object> body) {
        @Override
        public String toString() {
            return what;
        }
    }

    private static Map<String, Object> payment(String key, long pence) {
        return TestAccounts.outboundPayment(key, pence, "RENT");
    }

    private static final Map<String, Object> LIMITS = Map.of("dailyCount", 1, "dailyAmountPence", 100,
            "weeklyCount", 1, "weeklyAmountPence", 100);

    private static Ask get(String what, Function<Target, String> path) {
        return new Ask(what, "GET", path, null);
    }

    static Stream<Arguments> asksAboutAccountsNotTheirs() {
        List<Ask> asks = List.of(
                get("its balance", t -> "/accounts/" + t.id()),
                get("its balance by sort code and number", t -> "/accounts/by-number/" + SORT_CODE + "/" + t.number()),
                get("its balance as of an instant", t -> "/accounts/" + t.id() + "?asOf=" + Instant.now()),
                get("its balance at a revision", t -> "/accounts/" + t.id() + "?revision=0"),
                get("its statement", t -> "/accounts/" + t.id() + "/transactions"),
                get("its statement for a period", t -> "/accounts/" + t.id()
                        + "/transactions?from=2000-01-01T00:00:00Z"),
                get("its events", t -> "/accounts/" + t.id() + "/events"),
                get("its outbound payments", t -> "/accounts/" + t.id() + "/outbound-payments"),
                get("one of its outbound payments", t -> "/accounts/" + t.id() + "/outbound-payments/"
                        + t.paymentId()),
                get("its outbound limits", t -> "/accounts/" + t.id() + "/outbound-limits"),
                new Ask("new outbound limits for it", "PUT", t -> "/accounts/" + t.id() + "/outbound-limits", LIMITS),
                new Ask("an outbound payment from it", "POST", t -> "/accounts/" + t.id() + "/outbound-payments",
                        payment("mine-now", 100)));
        return Stream.of(NotTheirs.values()).flatMap(account -> asks.stream().map(ask -> Arguments.of(account, ask)));
    }

    /** An account of {@code customerId} holding {@code pence}. */
    private Target fundedAccountOf(String customerId, long pence) {
        String number = TestAccounts.newAccountNumber();
        String id = TestAccounts.open(SORT_CODE, number, customerId);
        TestAccounts.credit(accounts, id, pence);
        return new Target(id, number, null);
    }

    /** An account opened before owners were recorded: its {@code AccountOpened} names no customer. */
    private Target accountWithNoOwner() {
        String number = TestAccounts.newAccountNumber();
        String id = Accounts.idOf(SORT_CODE, number);
        accounts.append(id, accounts.load(id), Causation.command("opened-long-ago:" + id, id),
                List.of(new AccountOpened(id, SORT_CODE, number, "EDNA OLDE", null, Instant.now())));
        return new Target(id, number, UUID.randomUUID().toString());
    }

    private Target accountNotTheirs(NotTheirs which) {
        switch (which) {
            case ANOTHER_CUSTOMERS:
                String other = TestAccounts.newCustomerId();
                Target account = fundedAccountOf(other, 10_000);
                String paymentId = pay(asCustomer(other), account.id(), payment("theirs", 500)).statusCode(201)
                        .extract().path("paymentId");
                return new Target(account.id(), account.number(), paymentId);
            case WITH_NO_OWNER:
                return accountWithNoOwner();
            default:
                String number = TestAccounts.newAccountNumber();
                return new Target(Accounts.idOf(SORT_CODE, number), number, UUID.randomUUID().toString());
        }
    }

    private static ValidatableResponse pay(RequestSpecification as, String accountId, Map<String, Object> body) {
        return as.contentType(ContentType.JSON).body(body).post("/accounts/" + accountId + "/outbound-payments")
                .then();
    }

    private long revision(String accountId) {
        return TestAccounts.revision(store, accountId);
    }

    private boolean exists(String accountId) {
        return TestAccounts.exists(store, accountId);
    }

    /** The 404 for an account that does not exist, named as the request named it (by id, or by its numbers). */
    private static void answeredAsNoSuchAccount(ValidatableResponse response, String path, Target account) {
        response.statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("urn:paystream:problem:not-found"))
                .body("title", equalTo("Not found"))
                .body("detail", equalTo(path.startsWith("/accounts/by-number/")
                        ? "No account with sort code " + SORT_CODE + " and account number " + account.number()
                        : "No account " + account.id()));
    }

    @ParameterizedTest(name = "{1} of an account {0}")
    @MethodSource("asksAboutAccountsNotTheirs")
    void aCustomerAskingAboutAnAccountNotTheirsIsAnsweredAsIfItDidNotExist(NotTheirs which, Ask ask) {
        Target account = accountNotTheirs(which);
        boolean existed = exists(account.id());
        long revision = revision(account.id());
        RequestSpecification request = asCustomer(TestAccounts.newCustomerId());
        if (ask.body() != null) {
            request = request.contentType(ContentType.JSON).body(ask.body());
        }

        String path = ask.path().apply(account);
        answeredAsNoSuchAccount(request.request(ask.method(), path).then(), path, account);
        assertThat(exists(account.id())).as("account stream exists").isEqualTo(existed);
        assertThat(revision(account.id())).as("account revision").isEqualTo(revision);
    }

    @Test
    void aCustomerSendsAnOutboundPaymentFromTheirOwnAccount() {
        String customer = TestAccounts.newCustomerId();
        Target account = fundedAccountOf(customer, 50_000);

        pay(asCustomer(customer), account.id(), payment("rent-1", 20_000)).statusCode(201)
                .body("accountId", equalTo(account.id()))
                .body("state", equalTo("RESERVED"))
                .body("availableBalancePence", equalTo(30_000));
    }

    @Test
    void aCustomerNamingAnotherCustomersAccountForAnOutboundPaymentIsNotFoundAndNothingIsWritten() {
        Target theirs = fundedAccountOf(TestAccounts.newCustomerId(), 50_000);
        long revision = revision(theirs.id());

        answeredAsNoSuchAccount(pay(asCustomer(TestAccounts.newCustomerId()), theirs.id(),
                payment("steal-1", 20_000)), "/accounts/" + theirs.id() + "/outbound-payments", theirs);
        assertThat(revision(theirs.id())).isEqualTo(revision);
        assertThat(store.load(PaymentStreams.payment(OutboundPayments.paymentIdOf(theirs.id(), "steal-1"))).exists())
                .as("payment stream").isFalse();
    }

    @Test
    void aCustomersAccountListShowsOnlyTheirOwnAccounts() {
        String customer = TestAccounts.newCustomerId();
        String first = TestAccounts.open(SORT_CODE, TestAccounts.newAccountNumber(), customer);
        String second = TestAccounts.open(SORT_CODE, TestAccounts.newAccountNumber(), customer);
        String theirs = TestAccounts.open(SORT_CODE, TestAccounts.newAccountNumber(),
                TestAccounts.newCustomerId());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> asAccountOfficer().get("/accounts").then()
                .body("accountId", hasItems(first, second, theirs)));

        asCustomer(customer).get("/accounts").then().statusCode(200)
                .body("accountId", containsInAnyOrder(first, second))
                .body("customerId", everyItem(equalTo(customer)));
    }

    @Test
    void aCustomerReadsTheirOwnAccountNowAndAsItWas() {
        String customer = TestAccounts.newCustomerId();
        Target account = fundedAccountOf(customer, 700);

        asCustomer(customer).get("/accounts/by-number/" + SORT_CODE + "/" + account.number()).then().statusCode(200)
                .body("accountId", equalTo(account.id()))
                .body("balancePence", equalTo(700));
        asCustomer(customer).get("/accounts/" + account.id() + "?revision=0").then().statusCode(200)
                .body("balancePence", equalTo(0));
    }

    @Test
    void aCustomerSetsTheOutboundLimitsOfTheirOwnAccount() {
        String customer = TestAccounts.newCustomerId();
        Target account = fundedAccountOf(customer, 700);

        asCustomer(customer).contentType(ContentType.JSON).body(LIMITS)
                .put("/accounts/" + account.id() + "/outbound-limits").then().statusCode(200)
                .body("accountsOwn", equalTo(true));
    }

    @Test
    void aCustomerTokenWithoutACustomerIdIsForbiddenWhateverItAsks() {
        String customer = TestAccounts.newCustomerId();
        Target account = fundedAccountOf(customer, 700);

        TestTokens.as("nobody", Roles.CUSTOMER).get("/accounts").then().statusCode(403).contentType(PROBLEM)
                .body("type", endsWith(":forbidden"));
        TestTokens.as("nobody", Roles.CUSTOMER).get("/accounts/" + account.id()).then().statusCode(403)
                .contentType(PROBLEM).body("type", endsWith(":forbidden"));
    }

    @Test
    void anAccountOfficerCannotPayOutOfACustomersAccount() {
        Target account = fundedAccountOf(TestAccounts.newCustomerId(), 50_000);
        long revision = revision(account.id());

        pay(asAccountOfficer(), account.id(), payment("officer-1", 100)).statusCode(403).contentType(PROBLEM);
        assertThat(revision(account.id())).isEqualTo(revision);
    }
}
