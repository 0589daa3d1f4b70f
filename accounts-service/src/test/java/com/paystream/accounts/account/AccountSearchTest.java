package com.paystream.accounts.account;

import com.paystream.infrastructure.testing.EventStoreTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static com.paystream.accounts.account.TestAccounts.CUSTOMER;
import static com.paystream.accounts.account.TestAccounts.newAccountBody;
import static com.paystream.accounts.account.TestAccounts.newAccountNumber;
import static com.paystream.infrastructure.testing.Operators.asAccountOfficer;
import static com.paystream.infrastructure.testing.Operators.asAuditor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;

/** Finding accounts in the list by holder name, sort code or account number, a page at a time. */
@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
class AccountSearchTest {

    /** A word no other test's holder has in their name. */
    private static String uniqueName() {
        return "ZEPHYRINE" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static String uniqueSortCode() {
        return "9" + String.format("%05d", ThreadLocalRandom.current().nextInt(100_000));
    }

    private static String open(String sortCode, String accountNumber, String holderName) {
        return asAccountOfficer().contentType(ContentType.JSON)
                .body(newAccountBody(sortCode, accountNumber, holderName, CUSTOMER))
                .post("/accounts").then().statusCode(201).extract().path("accountId");
    }

    private static Response found(String query) {
        return asAuditor().get("/accounts?" + query);
    }

    @Test
    void anAccountIsFoundByItsHoldersNameInAnyCase() {
        String name = uniqueName();
        String id = open("089999", newAccountNumber(), "MRS " + name + " DOE");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                found("q=" + name.toLowerCase()).then().statusCode(200).body("accountId", contains(id)));
    }

    @Test
    void anAccountIsFoundByItsSortCodeWrittenWithDashesAndItsAccountNumber() {
        String sortCode = uniqueSortCode();
        String number = newAccountNumber();
        String id = open(sortCode, number, "JANE DOE");
        open(sortCode, newAccountNumber(), "JANE DOE");
        String dashed = sortCode.substring(0, 2) + "-" + sortCode.substring(2, 4) + "-" + sortCode.substring(4);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                found("q=" + dashed + " " + number).then().statusCode(200).body("accountId", contains(id)));
    }

    @Test
    void aPageHoldsAtMostTheLimitAndItsNextLinkLeadsToTheRest() {
        String name = uniqueName();
        String sortCode = uniqueSortCode();
        String first = open(sortCode, "10000001", name);
        String second = open(sortCode, "10000002", name);
        String third = open(sortCode, "10000003", name);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                found("q=" + name).then().body("accountId", contains(first, second, third)));

        Response page = found("q=" + name + "&limit=2");
        page.then().statusCode(200).body("accountId", contains(first, second));
        String next = page.header("Link").replaceAll("^<([^>]+)>; rel=\"next\"$", "$1");

        Response rest = asAuditor().get(next);
        rest.then().statusCode(200).body("accountId", contains(third));
        assertThat(rest.header("Link")).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"limit=0, limit", "limit=501, limit", "limit=many, limit", "after=no-such-account, after"})
    void aBadParameterIsRefusedAsAProblemNamingIt(String query, String field) {
        found(query).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    @Test
    void aSearchLongerThanANameCouldBeIsRefused() {
        found("q=" + "A".repeat(201)).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("q"));
    }
}
