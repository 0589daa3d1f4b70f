package com.paystream.accounts.account;

import com.paystream.events.Money;
import com.paystream.infrastructure.store.Causation;
import com.paystream.infrastructure.store.EventStore;
import io.restassured.http.ContentType;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static com.paystream.infrastructure.testing.Operators.asAccountOfficer;

/** The accounts of the tests: opened as an account officer does, funded and looked at behind the service's back. */
public final class TestAccounts {
    /** The customer the tests' accounts belong to unless a test names another. */
    public static final String CUSTOMER = "C-1001";

    private TestAccounts() {
    }

    public static String newAccountNumber() {
        return String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** A customer id no other test uses. */
    public static String newCustomerId() {
        return "C-" + ThreadLocalRandom.current().nextLong(1_000_000_000_000L);
    }

    /** Opens an account for {@link #CUSTOMER}, as an account officer does. */
    public static String open(String sortCode, String accountNumber) {
        return open(sortCode, accountNumber, CUSTOMER);
    }

    /** Opens an account for this customer, as an account officer does. */
    public static String open(String sortCode, String accountNumber, String customerId) {
        return asAccountOfficer().contentType(ContentType.JSON)
                .body(newAccountBody(sortCode, accountNumber, "JANE DOE", customerId))
                .post("/accounts")
                .then().statusCode(201).extract().path("accountId");
    }

    public static String newAccountBody(String sortCode, String accountNumber, String holderName, String customerId) {
        return "{\"sortCode\":\"" + sortCode + "\",\"accountNumber\":\"" + accountNumber + "\",\"holderName\":\""
                + holderName + "\",\"customerId\":\"" + customerId + "\"}";
    }

    /** The body of a customer's outbound payment to NORTHWIND TRADING (089999 66374958). */
    public static Map<String, Object> outboundPayment(String idempotencyKey, long pence, String reference) {
        return Map.of("idempotencyKey", idempotencyKey,
                "beneficiary", Map.of("name", "NORTHWIND TRADING", "sortCode", "089999", "accountNumber", "66374958"),
                "amount", Map.of("minorUnits", pence, "currency", "GBP"),
                "reference", reference);
    }

    /** Credits the account with an inbound payment of {@code pence}, as the inbound flow does. */
    public static void credit(Accounts accounts, String accountId, long pence) {
        Accounts.Loaded loaded = accounts.load(accountId);
        long balance = loaded.account().balancePence() + pence;
        accounts.append(accountId, loaded, Causation.command(UUID.randomUUID().toString(), accountId),
                List.of(new AccountCredited(accountId, "in-" + UUID.randomUUID(), Money.pence(pence),
                        Money.pence(balance), Instant.now())));
    }

    /** The revision of the account's stream, read from the store itself. */
    public static long revision(EventStore store, String accountId) {
        return store.load(Accounts.stream(accountId), Accounts.CODEC).revision();
    }

    /** Whether the account's stream exists, read from the store itself. */
    public static boolean exists(EventStore store, String accountId) {
        return store.load(Accounts.stream(accountId), Accounts.CODEC).exists();
    }
}
