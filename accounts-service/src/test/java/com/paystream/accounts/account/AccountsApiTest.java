package com.paystream.accounts.account;

import com.paystream.infrastructure.testing.EventStoreTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static com.paystream.accounts.account.TestAccounts.CUSTOMER;
import static com.paystream.accounts.account.TestAccounts.newAccountBody;
import static com.paystream.accounts.account.TestAccounts.newAccountNumber;
import static com.paystream.accounts.account.TestAccounts.newCustomerId;
import static com.paystream.accounts.account.TestAccounts.open;
import static com.paystream.infrastructure.testing.Operators.asAccountOfficer;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.endsWith;

@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
class AccountsApiTest {
    @Test
    void anOpenedAccountIsFoundByItsSortCodeAndAccountNumberWithAZeroBalance() {
        String number = newAccountNumber();
        String id = open("089999", number);

        asAccountOfficer().get("/accounts/by-number/089999/" + number)
                .then().statusCode(200)
                .body("accountId", equalTo(id))
                .body("status", equalTo("OPEN"))
                .body("balancePence", equalTo(0));
    }

    @Test
    void anUnknownSortCodeAndAccountNumberIsNotFoundNamedAsAsked() {
        String number = newAccountNumber();

        asAccountOfficer().get("/accounts/by-number/089999/" + number)
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("No account with sort code 089999 and account number " + number));
    }

    @Test
    void openingAnAccountAnswersWithItsLocation() {
        asAccountOfficer().contentType(ContentType.JSON)
                .body(newAccountBody("089999", newAccountNumber(), "JANE DOE", CUSTOMER))
                .post("/accounts")
                .then().statusCode(201).header("Location", org.hamcrest.Matchers.containsString("/accounts/"));
    }

    @Test
    void theSameAccountNumberCannotBeOpenedTwice() {
        String number = newAccountNumber();
        open("089999", number);

        asAccountOfficer().contentType(ContentType.JSON)
                .body(newAccountBody("089999", number, "JOHN ROE", CUSTOMER))
                .post("/accounts")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("account-exists"));
    }

    @Test
    void anAccountNumberThatIsNotEightDigitsIsRefusedNamingTheField() {
        asAccountOfficer().contentType(ContentType.JSON)
                .body(newAccountBody("089999", "1234", "JANE DOE", CUSTOMER))
                .post("/accounts")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("accountNumber"));
    }

    @Test
    void anUnknownAccountIsNotFound() {
        asAccountOfficer().get("/accounts/00000000-0000-0000-0000-000000000000")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aBlockedAccountShowsAsBlocked() {
        String id = open("089999", newAccountNumber());

        asAccountOfficer().contentType(ContentType.JSON).body("{\"reason\":\"fraud review\"}")
                .post("/accounts/" + id + "/block")
                .then().statusCode(200).body("status", equalTo("BLOCKED"));
    }

    @Test
    void blockingWithoutAReasonIsRefused() {
        String id = open("089999", newAccountNumber());

        asAccountOfficer().contentType(ContentType.JSON).body("{}")
                .post("/accounts/" + id + "/block")
                .then().statusCode(400).body("errors.field", hasItem("reason"));
    }

    @Test
    void aClosedAccountCannotBeBlocked() {
        String id = open("089999", newAccountNumber());
        asAccountOfficer().contentType(ContentType.JSON).post("/accounts/" + id + "/close").then().statusCode(200);

        asAccountOfficer().contentType(ContentType.JSON).body("{\"reason\":\"late\"}")
                .post("/accounts/" + id + "/block")
                .then().statusCode(409).body("type", endsWith("account-closed"));
    }

    @Test
    void theOwnerRecordedOnTheAccountIsTheCustomerIdTheOfficerGave() {
        String customer = newCustomerId();
        String number = newAccountNumber();

        String id = asAccountOfficer().contentType(ContentType.JSON)
                .body(newAccountBody("089999", number, "JANE DOE", customer))
                .post("/accounts")
                .then().statusCode(201).body("customerId", equalTo(customer)).extract().path("accountId");

        asAccountOfficer().get("/accounts/" + id).then().statusCode(200).body("customerId", equalTo(customer));
        asAccountOfficer().get("/accounts/" + id + "/events").then().statusCode(200)
                .body("events[0].type", equalTo("AccountOpened"))
                .body("events[0].data.customerId", equalTo(customer));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> asAccountOfficer().get("/accounts").then()
                .body("find { it.accountId == '" + id + "' }.customerId", equalTo(customer)));
    }
}
