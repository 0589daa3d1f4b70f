package com.paystream.accounts.account;

import com.paystream.infrastructure.store.EventStore;
import com.paystream.infrastructure.testing.EventStoreTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Map;

import static com.paystream.infrastructure.testing.Operators.asAccountOfficer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * What a person changes on an account (block, unblock, close, its outbound limits) honours {@code If-Match} with the
 * ETag the reads answer: made at that revision when it is current, refused (412, nothing written) when someone changed
 * the account since; without it, made as it always was. Every answer carries the account's new ETag.
 */
@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
class AccountChangesIfMatchTest {
    private static final String PROBLEM = "application/problem+json";

    @Inject
    EventStore store;

    /** A change an account officer makes to an account. */
    enum Change {
        BLOCK("POST", "/block", Map.of("reason", "fraud review")),
        UNBLOCK("POST", "/unblock", null),
        CLOSE("POST", "/close", null),
        SET_OUTBOUND_LIMITS("PUT", "/outbound-limits", Map.of("dailyCount", 2, "dailyAmountPence", 5_000,
                "weeklyCount", 4, "weeklyAmountPence", 9_000));

        private final String method;
        private final String path;
        private final Map<String, Object> body;

        Change(String method, String path, Map<String, Object> body) {
            this.method = method;
            this.path = path;
            this.body = body;
        }
    }

    /** An account the change changes: open, or blocked for an unblock. */
    private static String accountFor(Change change) {
        String id = TestAccounts.open("608371", TestAccounts.newAccountNumber());
        if (change == Change.UNBLOCK) {
            make(Change.BLOCK, id, null).statusCode(200);
        }
        return id;
    }

    private static ValidatableResponse make(Change change, String accountId, String ifMatch) {
        RequestSpecification request = asAccountOfficer().contentType(ContentType.JSON);
        if (change.body != null) {
            request = request.body(change.body);
        }
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.request(change.method, "/accounts/" + accountId + change.path).then();
    }

    /** The ETag a person reading the account is given. */
    private static String readETag(String accountId) {
        return asAccountOfficer().get("/accounts/" + accountId).then().statusCode(200).extract().header("ETag");
    }

    private static String etag(long revision) {
        return "\"" + revision + "\"";
    }

    /** Another account officer changes the account meanwhile: they set other outbound limits. */
    private static void changedMeanwhile(String accountId) {
        asAccountOfficer().contentType(ContentType.JSON).body(Map.of("dailyCount", 1, "dailyAmountPence", 100,
                        "weeklyCount", 1, "weeklyAmountPence", 100))
                .put("/accounts/" + accountId + "/outbound-limits").then().statusCode(200);
    }

    @ParameterizedTest
    @EnumSource(Change.class)
    void withTheETagJustRead_theChangeIsMadeAndAnswersTheNewETag(Change change) {
        String id = accountFor(change);
        long revision = TestAccounts.revision(store, id);
        assertThat(readETag(id)).isEqualTo(etag(revision));

        make(change, id, readETag(id)).statusCode(200).contentType(ContentType.JSON)
                .header("ETag", etag(revision + 1));
        assertThat(TestAccounts.revision(store, id)).isEqualTo(revision + 1);
    }

    @ParameterizedTest
    @EnumSource(Change.class)
    void withAStaleETag_theChangeIsPreconditionFailedAndNothingIsWritten(Change change) {
        String id = accountFor(change);
        String stale = readETag(id);
        changedMeanwhile(id);
        long revision = TestAccounts.revision(store, id);

        make(change, id, stale).statusCode(412).contentType(PROBLEM)
                .body("type", endsWith("stale-revision"));
        assertThat(TestAccounts.revision(store, id)).isEqualTo(revision);
    }

    @ParameterizedTest
    @EnumSource(Change.class)
    void withoutIfMatch_theChangeIsMadeAsBeforeAndAnswersTheNewETag(Change change) {
        String id = accountFor(change);
        changedMeanwhile(id);
        long revision = TestAccounts.revision(store, id);

        make(change, id, null).statusCode(200).contentType(ContentType.JSON).header("ETag", etag(revision + 1));
        assertThat(TestAccounts.revision(store, id)).isEqualTo(revision + 1);
    }

    @Test
    void aChangeThatChangesNothingAnswersTheETagItWasDecidedAt() {
        String id = accountFor(Change.UNBLOCK);
        String current = readETag(id);

        make(Change.BLOCK, id, current).statusCode(200).header("ETag", current).body("status", equalTo("BLOCKED"));
    }

    @Test
    void anIfMatchThatIsNoETagOfOursIsRefusedNamingItAndNothingIsWritten() {
        String id = accountFor(Change.BLOCK);
        long revision = TestAccounts.revision(store, id);

        make(Change.BLOCK, id, "yesterday").statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("If-Match"));
        assertThat(TestAccounts.revision(store, id)).isEqualTo(revision);
    }

    @Test
    void theOutboundLimitsAnswerTheAccountsRevisionAsTheirETag() {
        String id = accountFor(Change.SET_OUTBOUND_LIMITS);
        changedMeanwhile(id);

        asAccountOfficer().get("/accounts/" + id + "/outbound-limits").then().statusCode(200)
                .header("ETag", readETag(id));
    }
}
