package com.paystream.accounts.account;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.paystream.infrastructure.store.EventStore;
import com.paystream.infrastructure.testing.EventStoreTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigInteger;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static com.paystream.infrastructure.testing.Operators.asAccountOfficer;
import static com.paystream.infrastructure.testing.Operators.asCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

/** Requests no bank should act on: each a 4xx naming what is wrong, and the account stream unchanged. */
@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
class BadAccountRequestsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROBLEM = "application/problem+json";

    @Inject
    EventStore store;

    private static String accountNumber() {
        return String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private static ObjectNode newAccount(String number) {
        return JSON.createObjectNode().put("sortCode", "608371").put("accountNumber", number)
                .put("holderName", "SAM TAYLOR").put("customerId", TestAccounts.CUSTOMER);
    }

    private static Arguments changed(String what, String field, Consumer<ObjectNode> change) {
        return Arguments.of(what, field, change);
    }

    static Stream<Arguments> badNewAccounts() {
        return Stream.of(
                changed("a sort code with dashes", "sortCode", body -> body.put("sortCode", "60-83-71")),
                changed("a sort code as a number", "sortCode", body -> body.put("sortCode", 608371)),
                changed("an account number of seven digits", "accountNumber",
                        body -> body.put("accountNumber", "1234567")),
                changed("a holder name with a right-to-left override", "holderName",
                        body -> body.put("holderName", "SAM\u202eROLYAT")),
                changed("a holder name of 20,000 characters", "holderName",
                        body -> body.put("holderName", "S".repeat(20_000))),
                changed("a holder name of 200 characters", "holderName",
                        body -> body.put("holderName", "S".repeat(200))),
                changed("a blank holder name", "holderName", body -> body.put("holderName", "   ")),
                changed("no customer id", "customerId", body -> body.remove("customerId")),
                changed("a null customer id", "customerId", body -> body.putNull("customerId")),
                changed("an empty customer id", "customerId", body -> body.put("customerId", "")),
                changed("a customer id with a space", "customerId", body -> body.put("customerId", "C 1001")),
                changed("a customer id with a slash", "customerId", body -> body.put("customerId", "C-1001/../C-1002")),
                changed("a customer id of 65 characters", "customerId",
                        body -> body.put("customerId", "C-" + "1".repeat(63))),
                changed("a customer id with a zero-width space", "customerId",
                        body -> body.put("customerId", "C-10\u200b01")),
                changed("a customer id as a number", "customerId", body -> body.put("customerId", 1001)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badNewAccounts")
    void aBadNewAccountIsRefusedNamingTheFieldAndNoAccountIsOpened(String what, String field,
                                                                     Consumer<ObjectNode> change) {
        String number = accountNumber();
        ObjectNode body = newAccount(number);
        change.accept(body);

        asAccountOfficer().contentType(ContentType.JSON).body(body.toString()).post("/accounts")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem(field));
        assertThat(TestAccounts.exists(store, Accounts.idOf("608371", number))).isFalse();
    }

    private String openedAccountWithMoney() {
        String number = accountNumber();
        String id = asAccountOfficer().contentType(ContentType.JSON).body(newAccount(number).toString())
                .post("/accounts")
                .then().statusCode(201).extract().path("accountId");
        return id;
    }

    private static ObjectNode outbound() {
        ObjectNode body = JSON.createObjectNode().put("idempotencyKey", "key-" + System.nanoTime())
                .put("reference", "RENT");
        body.putObject("beneficiary").put("name", "NORTHWIND").put("sortCode", "089999")
                .put("accountNumber", "66374958");
        body.putObject("amount").put("minorUnits", 500).put("currency", "GBP");
        return body;
    }

    private static ObjectNode amount(ObjectNode body) {
        return (ObjectNode) body.get("amount");
    }

    static Stream<Arguments> badOutboundPayments() {
        return Stream.of(
                changed("a negative amount", "amount.minorUnits", body -> amount(body).put("minorUnits", -500)),
                changed("a zero amount", "amount.minorUnits", body -> amount(body).put("minorUnits", 0)),
                changed("a fraction of a penny", "amount.minorUnits", body -> amount(body).put("minorUnits", 2.5)),
                changed("an amount past the largest whole number", "amount.minorUnits",
                        body -> amount(body).put("minorUnits", new BigInteger("18446744073709551616"))),
                changed("an amount in dollars", "amount.currency", body -> amount(body).put("currency", "USD")),
                changed("a beneficiary name with a zero-width joiner", "beneficiary.name",
                        body -> ((ObjectNode) body.get("beneficiary")).put("name", "NORTH\u200dWIND")),
                changed("no beneficiary", "beneficiary", body -> body.remove("beneficiary")),
                changed("an idempotency key with spaces", "idempotencyKey",
                        body -> body.put("idempotencyKey", "my key")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badOutboundPayments")
    void aBadOutboundPaymentIsRefusedNamingTheFieldAndTheAccountIsUnchanged(String what, String field,
                                                                             Consumer<ObjectNode> change) {
        String accountId = openedAccountWithMoney();
        long revision = TestAccounts.revision(store, accountId);
        ObjectNode body = outbound();
        change.accept(body);

        asCustomer(TestAccounts.CUSTOMER).contentType(ContentType.JSON).body(body.toString())
                .post("/accounts/" + accountId + "/outbound-payments")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem(field));
        assertThat(TestAccounts.revision(store, accountId)).isEqualTo(revision);
    }

    @Test
    void negativeOutboundLimitsAreRefusedAndTheAccountIsUnchanged() {
        String accountId = openedAccountWithMoney();
        long revision = TestAccounts.revision(store, accountId);

        asAccountOfficer().contentType(ContentType.JSON).body("{\"dailyCount\":-1,\"dailyAmountPence\":-5,"
                        + "\"weeklyCount\":1,\"weeklyAmountPence\":1}")
                .put("/accounts/" + accountId + "/outbound-limits").then().statusCode(400).contentType(PROBLEM);
        assertThat(TestAccounts.revision(store, accountId)).isEqualTo(revision);
    }

    @Test
    void anUnknownAccountIsNotFoundWhateverIsAsked() {
        String unknown = Accounts.idOf("608371", accountNumber());
        asAccountOfficer().get("/accounts/" + unknown).then().statusCode(404).contentType(PROBLEM);
        asAccountOfficer().contentType(ContentType.JSON).body("{\"reason\":\"lost card\"}")
                .post("/accounts/" + unknown + "/block").then().statusCode(404).contentType(PROBLEM);
        asCustomer(TestAccounts.CUSTOMER).contentType(ContentType.JSON).body(outbound().toString())
                .post("/accounts/" + unknown + "/outbound-payments").then().statusCode(404).contentType(PROBLEM);
    }
}
