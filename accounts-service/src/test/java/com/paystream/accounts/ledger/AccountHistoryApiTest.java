package com.paystream.accounts.ledger;

import com.paystream.accounts.account.Accounts;
import com.paystream.accounts.account.TestAccounts;
import com.paystream.infrastructure.store.EventStore;
import com.paystream.infrastructure.testing.EventStoreTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static com.paystream.infrastructure.testing.Operators.asAuditor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/** An account as it was, at a moment or a revision, answered from its events. */
@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
class AccountHistoryApiTest {
    @Inject
    Accounts accounts;
    @Inject
    EventStore store;

    private static String newAccount() {
        return TestAccounts.open("608371", TestAccounts.newAccountNumber());
    }

    private void credit(String accountId, long pence) {
        TestAccounts.credit(accounts, accountId, pence);
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void anAccountAtARevisionShowsTheBalanceItHadThen() {
        String id = newAccount();
        credit(id, 100);
        credit(id, 200);

        asAuditor().get("/accounts/" + id + "?revision=1").then().statusCode(200)
                .body("balancePence", equalTo(100))
                .body("revision", equalTo(1));
    }

    @Test
    void anAccountAtAnInstantShowsTheBalanceItHadThen() {
        String id = newAccount();
        credit(id, 100);
        pause();
        Instant between = Instant.now();
        pause();
        credit(id, 200);

        asAuditor().get("/accounts/" + id + "?asOf=" + between).then().statusCode(200)
                .body("balancePence", equalTo(100));
    }

    @Test
    void anAccountAsOfNowIsTheAccountNow() {
        String id = newAccount();
        credit(id, 100);

        asAuditor().get("/accounts/" + id + "?asOf=" + Instant.now().plusSeconds(1)).then().statusCode(200)
                .body("balancePence", equalTo(asAuditor().get("/accounts/" + id).then().extract()
                        .path("balancePence")));
    }

    @Test
    void anAccountBeforeItWasOpenedIsNotFound() {
        String id = newAccount();

        asAuditor().get("/accounts/" + id + "?asOf=2020-01-01T00:00:00Z").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void anAsOfThatIsNotAnInstantIsRefusedNamingTheField() {
        String id = newAccount();

        asAuditor().get("/accounts/" + id + "?asOf=yesterday").then().statusCode(400)
                .body("errors.field", hasItem("asOf"));
    }

    @Test
    void aStatementForAPeriodListsOnlyTheTransactionsRecordedInIt() {
        String id = newAccount();
        credit(id, 100);
        pause();
        Instant from = Instant.now();
        pause();
        credit(id, 200);
        pause();
        Instant to = Instant.now();
        pause();
        credit(id, 400);

        asAuditor().get("/accounts/" + id + "/transactions?from=" + from + "&to=" + to).then().statusCode(200)
                .body("amountPence", contains(200))
                .body("balanceAfterPence", contains(300));
    }

    @Test
    void aStatementOverAllTimeFromTheEventsMatchesTheLedger() {
        String id = newAccount();
        credit(id, 100);
        credit(id, 250);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                asAuditor().get("/accounts/" + id + "/transactions").then().body("size()", equalTo(2)));

        List<Object> fromLedger = asAuditor().get("/accounts/" + id + "/transactions").then().extract().path("$");
        asAuditor().get("/accounts/" + id + "/transactions?from=2000-01-01T00:00:00Z").then().statusCode(200)
                .body("$", equalTo(fromLedger));
    }

    @Test
    void aStatementEndingBeforeItStartsIsRefusedNamingTheField() {
        String id = newAccount();

        asAuditor().get("/accounts/" + id + "/transactions?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z")
                .then().statusCode(400).body("errors.field", hasItem("to"));
    }

    @Test
    void theEventsOfAnAccountComeAPageAtATimeInOrder() {
        String id = newAccount();
        credit(id, 100);
        credit(id, 200);

        asAuditor().get("/accounts/" + id + "/events?limit=2").then().statusCode(200)
                .body("events.type", contains("AccountOpened", "AccountCredited"))
                .body("events.revision", contains(0, 1))
                .body("nextRevision", equalTo(2));
        asAuditor().get("/accounts/" + id + "/events?from=2&limit=2").then().statusCode(200)
                .body("events.data.amount.minorUnits", contains(200))
                .body("nextRevision", nullValue());
    }

    @Test
    void theEventsOfAnUnknownAccountAreNotFound() {
        asAuditor().get("/accounts/" + UUID.randomUUID() + "/events").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aPageLargerThanTheMaximumIsRefusedNamingTheField() {
        String id = newAccount();

        asAuditor().get("/accounts/" + id + "/events?limit=5000").then().statusCode(400)
                .body("errors.field", hasItem("limit"));
    }

    @Test
    void anAccountWithAHistoryLongerThanTheSnapshotIntervalShowsTheRightBalanceAtEveryRevision() {
        String id = newAccount();
        for (int i = 0; i < 12; i++) {
            credit(id, 100);
        }

        for (int pass = 0; pass < 2; pass++) {
            for (int revision = 0; revision <= 12; revision++) {
                asAuditor().get("/accounts/" + id + "?revision=" + revision).then().statusCode(200)
                        .body("balancePence", equalTo(revision * 100))
                        .body("revision", equalTo(revision));
            }
        }
    }

    @Test
    void aHistoricalQueryLeavesSnapshotsForTheNextOne() {
        String id = newAccount();
        for (int i = 0; i < 11; i++) {
            credit(id, 100);
        }

        asAuditor().get("/accounts/" + id).then().statusCode(200).body("balancePence", equalTo(1_100));

        assertThat(store.load(HistoricalAccounts.snapshotStream(id), HistoricalAccounts.SNAPSHOT_CODEC).payloads())
                .extracting(snapshot -> ((AccountSnapshotted) snapshot).revision())
                .containsExactly(4L, 9L);
    }

    @Test
    void aStatementStartingAfterASnapshotListsOnlyTheLaterTransactions() {
        String id = newAccount();
        for (int i = 0; i < 7; i++) {
            credit(id, 100);
        }
        asAuditor().get("/accounts/" + id).then().statusCode(200);
        pause();
        Instant from = Instant.now();
        pause();
        credit(id, 50);

        asAuditor().get("/accounts/" + id + "/transactions?from=" + from).then().statusCode(200)
                .body("amountPence", contains(50))
                .body("balanceAfterPence", contains(750));
    }
}
