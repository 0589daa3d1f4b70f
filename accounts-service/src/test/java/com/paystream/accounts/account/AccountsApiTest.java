package com.paystream.accounts.account;

import com.paystream.infrastructure.testing.EventStoreTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.endsWith;

@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
class AccountsApiTest {

    static String newAccountNumber() {
        return String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    static String open(String sortCode, String accountNumber) {
        return given().contentType(ContentType.JSON)
                .body("{\"sortCode\":\"" + sortCode + "\",\"accountNumber\":\"" + accountNumber
                        + "\",\"holderName\":\"JANE DOE\"}")
                .post("/accounts")
                .then().statusCode(201).extract().path("accountId");
    }

    @Test
    void anOpenedAccountIsFoundByItsSortCodeAndAccountNumberWithAZeroBalance() {
        String number = newAccountNumber();
        String id = open("089999", number);

        given().get("/accounts/by-number/089999/" + number)
                .then().statusCode(200)
                .body("accountId", equalTo(id))
                .body("status", equalTo("OPEN"))
                .body("balancePence", equalTo(0));
    }

    @Test
    void openingAnAccountAnswersWithItsLocation() {
        given().contentType(ContentType.JSON)
                .body("{\"sortCode\":\"089999\",\"accountNumber\":\"" + newAccountNumber()
                        + "\",\"holderName\":\"JANE DOE\"}")
                .post("/accounts")
                .then().statusCode(201).header("Location", org.hamcrest.Matchers.containsString("/accounts/"));
    }

    @Test
    void theSameAccountNumberCannotBeOpenedTwice() {
        String number = newAccountNumber();
        open("089999", number);

        given().contentType(ContentType.JSON)
                .body("{\"sortCode\":\"089999\",\"accountNumber\":\"" + number + "\",\"holderName\":\"JOHN ROE\"}")
                .post("/accounts")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("account-exists"));
    }

    @Test
    void anAccountNumberThatIsNotEightDigitsIsRefusedNamingTheField() {
        given().contentType(ContentType.JSON)
                .body("{\"sortCode\":\"089999\",\"accountNumber\":\"1234\",\"holderName\":\"JANE DOE\"}")
                .post("/accounts")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("accountNumber"));
    }

    @Test
    void anUnknownAccountIsNotFound() {
        given().get("/accounts/00000000-0000-0000-0000-000000000000")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aBlockedAccountShowsAsBlocked() {
        String id = open("089999", newAccountNumber());

        given().contentType(ContentType.JSON).body("{\"reason\":\"fraud review\"}")
                .post("/accounts/" + id + "/block")
                .then().statusCode(200).body("status", equalTo("BLOCKED"));
    }

    @Test
    void blockingWithoutAReasonIsRefused() {
        String id = open("089999", newAccountNumber());

        given().contentType(ContentType.JSON).body("{}")
                .post("/accounts/" + id + "/block")
                .then().statusCode(400).body("errors.field", hasItem("reason"));
    }

    @Test
    void aClosedAccountCannotBeBlocked() {
        String id = open("089999", newAccountNumber());
        given().contentType(ContentType.JSON).post("/accounts/" + id + "/close").then().statusCode(200);

        given().contentType(ContentType.JSON).body("{\"reason\":\"late\"}")
                .post("/accounts/" + id + "/block")
                .then().statusCode(409).body("type", endsWith("account-closed"));
    }
}
