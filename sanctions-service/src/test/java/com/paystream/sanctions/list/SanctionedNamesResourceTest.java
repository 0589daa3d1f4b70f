package com.paystream.sanctions.list;

import com.paystream.infrastructure.store.EventStore;
import com.paystream.infrastructure.testing.EventStoreTestResource;
import com.paystream.infrastructure.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static com.paystream.infrastructure.testing.Operators.OFFICER;
import static com.paystream.infrastructure.testing.Operators.asAuditor;
import static com.paystream.infrastructure.testing.Operators.asClerk;
import static com.paystream.infrastructure.testing.Operators.asCustomer;
import static com.paystream.infrastructure.testing.Operators.asOfficer;
import static com.paystream.infrastructure.testing.Operators.asOps;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
class SanctionedNamesResourceTest {
    private static final String PROBLEM_JSON = "application/problem+json";
    @Inject
    SeedSanctionsList seed;
    @Inject
    EventStore store;
    @Inject
    SanctionsListCommands commands;

    private final String name = "Testperson " + UUID.randomUUID().toString().substring(0, 8) + " Fictivus";

    private String add(String name, String dob) {
        String body = "{\"name\":\"" + name + "\",\"aliases\":[\"T. Fictivus\"],\"dateOfBirth\":\"" + dob
                + "\",\"country\":\"ZZ\",\"listReference\":\"TEST-1\"}";
        return asOfficer().contentType(ContentType.JSON).body(body).post("/sanctioned-names")
                .then().statusCode(201).header("Location", notNullValue())
                .extract().path("entryId");
    }

    private List<String> listedIds() {
        return asOfficer().get("/sanctioned-names").then().statusCode(200).extract().path("entryId");
    }

    /** The list stream's events, as stored. */
    private List<SanctionsListEvent> listEvents() {
        return store.load(commands.stream(), SanctionsListCodec.INSTANCE).payloads();
    }

    private long listRevision() {
        return store.load(commands.stream(), SanctionsListCodec.INSTANCE).revision();
    }

    @Test
    void anAddedNameIsListed() {
        String entryId = add(name, "1970-01-01");
        await().atMost(Duration.ofSeconds(5)).until(() -> listedIds().contains(entryId));
        asOfficer().get("/sanctioned-names/" + entryId).then().statusCode(200)
                .body("name", equalTo(name)).body("aliases", hasItem("T. Fictivus"));
    }

    @Test
    void anAddedNameRecordsTheOfficerWhoAddedIt() {
        String entryId = add(name, "1969-12-31");
        await().atMost(Duration.ofSeconds(5)).until(() -> listedIds().contains(entryId));
        asOfficer().get("/sanctioned-names/" + entryId).then().statusCode(200)
                .body("addedBy", equalTo(TestTokens.subjectOf(OFFICER))).body("addedByName", equalTo(OFFICER));
    }

    @Test
    void addingANameWithoutSigningInIsUnauthenticatedAndListsNothing() {
        given().contentType(ContentType.JSON).body("{\"name\":\"" + name + "\",\"listReference\":\"X\"}")
                .post("/sanctioned-names").then().statusCode(401).contentType(PROBLEM_JSON);
        asOfficer().get("/sanctioned-names").then().body("name", not(hasItem(name)));
    }

    @Test
    void anOpsOperatorCannotAddANameAndTheListIsUnchanged() {
        long before = listRevision();

        asOps().contentType(ContentType.JSON).body("{\"name\":\"" + name + "\",\"listReference\":\"X\"}")
                .post("/sanctioned-names").then().statusCode(403).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:paystream:problem:forbidden"));
        assertThat(listRevision()).isEqualTo(before);
        asOfficer().get("/sanctioned-names").then().body("name", not(hasItem(name)));
    }

    @Test
    void anOpsOperatorCannotRemoveANameAndTheListIsUnchanged() {
        String entryId = add(name, "1967-05-06");
        await().atMost(Duration.ofSeconds(5)).until(() -> listedIds().contains(entryId));
        long before = listRevision();

        asOps().queryParam("reason", "delisted").delete("/sanctioned-names/" + entryId)
                .then().statusCode(403).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:paystream:problem:forbidden"));
        assertThat(listRevision()).isEqualTo(before);
        assertThat(listedIds()).contains(entryId);
    }

    @Test
    void anAuditorCanReadTheListButNotAddToIt() {
        long before = listRevision();

        asAuditor().get("/sanctioned-names").then().statusCode(200).body("entryId", hasItem("seed-0001"));
        asAuditor().contentType(ContentType.JSON).body("{\"name\":\"" + name + "\",\"listReference\":\"X\"}")
                .post("/sanctioned-names").then().statusCode(403).contentType(PROBLEM_JSON);
        assertThat(listRevision()).isEqualTo(before);
    }

    @Test
    void aCustomersTokenCannotReadTheList() {
        asCustomer("C-1001").get("/sanctioned-names").then().statusCode(403).contentType(PROBLEM_JSON);
    }

    @Test
    void aRemovalRecordsTheOfficersSubjectAndName() {
        String entryId = add(name, "1966-07-08");

        asOfficer().queryParam("reason", "delisted").delete("/sanctioned-names/" + entryId).then().statusCode(204);

        assertThat(listEvents()).filteredOn(e -> e instanceof SanctionedNameRemoved r && r.entryId().equals(entryId))
                .singleElement().satisfies(e -> {
                    SanctionedNameRemoved removed = (SanctionedNameRemoved) e;
                    assertThat(removed.removedBy()).isEqualTo(TestTokens.subjectOf(OFFICER));
                    assertThat(removed.removedByName()).isEqualTo(OFFICER);
                });
    }

    @Test
    void removingANameWithoutTheSanctionsOfficerRoleIsForbiddenAndItStaysListed() {
        String entryId = add(name, "1968-06-07");
        await().atMost(Duration.ofSeconds(5)).until(() -> listedIds().contains(entryId));

        asClerk().queryParam("reason", "delisted").delete("/sanctioned-names/" + entryId)
                .then().statusCode(403).contentType(PROBLEM_JSON);
        assertThat(listedIds()).contains(entryId);
    }

    @Test
    void addingTheSameNameAndDateOfBirthAgainIs409() {
        add(name, "1971-02-03");
        asOfficer().contentType(ContentType.JSON)
                .body("{\"name\":\"" + name.toUpperCase() + "\",\"dateOfBirth\":\"1971-02-03\",\"listReference\":\"X\"}")
                .post("/sanctioned-names")
                .then().statusCode(409).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:paystream:problem:sanctioned-name-already-listed"));
    }

    @Test
    void aRemovedNameIsNoLongerListed() {
        String entryId = add(name, "1972-03-04");
        asOfficer().queryParam("reason", "delisted").delete("/sanctioned-names/" + entryId).then().statusCode(204);
        await().atMost(Duration.ofSeconds(5)).until(() -> !listedIds().contains(entryId));
        asOfficer().get("/sanctioned-names/" + entryId).then().statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void removingAnUnknownEntryIs404() {
        asOfficer().queryParam("reason", "delisted").delete("/sanctioned-names/" + UUID.randomUUID())
                .then().statusCode(404).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:paystream:problem:not-found"));
    }

    @Test
    void removingWithoutAReasonIs400NamingTheReason() {
        String entryId = add(name, "1973-04-05");
        asOfficer().delete("/sanctioned-names/" + entryId)
                .then().statusCode(400).contentType(PROBLEM_JSON).body("errors.field", hasItem("reason"));
    }

    @Test
    void aBodyWithoutANameIs400NamingTheField() {
        asOfficer().contentType(ContentType.JSON).body("{\"listReference\":\"X\"}").post("/sanctioned-names")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:paystream:problem:validation-failed"))
                .body("errors.field", hasItem("name"));
    }

    @Test
    void aMalformedDateOfBirthIs400NamingTheField() {
        asOfficer().contentType(ContentType.JSON)
                .body("{\"name\":\"A B\",\"listReference\":\"X\",\"dateOfBirth\":\"yesterday\"}")
                .post("/sanctioned-names")
                .then().statusCode(400).contentType(PROBLEM_JSON).body("errors.field", hasItem("dateOfBirth"));
    }

    @Test
    void theFictitiousSeedListIsListedOnStart() {
        await().atMost(Duration.ofSeconds(5)).until(() -> listedIds().contains("seed-0001"));
        asOfficer().get("/sanctioned-names").then().body("entryId", hasItem("seed-0015"))
                .body("name", not(hasItem((Object) null)));
    }

    @Test
    void seedingAgainWhenTheListExistsAppendsNothing() {
        assertThat(seed.seed()).isFalse();
    }
}
