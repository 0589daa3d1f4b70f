package com.paystream.systemtests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The data seeder against the running suite (the suite itself ran it once at start). */
@ExtendWith(Suite.class)
class SeederSystemTest {
    private final Suite suite = Suite.get();

    @Test
    void runningTheSeederTwiceInARowChangesNothingTheSecondTime() {
        Seeder.run(suite, List.of());

        Seeder.Run again = Seeder.run(suite, List.of());

        assertThat(again.exitCode()).isZero();
        assertThat(again.stdout()).contains("seeded: 0 changes");
    }

    @Test
    void theSeededBlockedAccountIsBlocked() {
        Suite.asAuditor().get(suite.accounts("/accounts/by-number/608371/20000007"))
                .then().statusCode(200).body("status", equalTo("BLOCKED"));
    }

    @Test
    void theSeededClosedAccountIsClosed() {
        Suite.asAuditor().get(suite.accounts("/accounts/by-number/608371/30000005"))
                .then().statusCode(200).body("status", equalTo("CLOSED"));
    }

    @Test
    void theSeededSanctionedNamesAreListed() {
        Suite.asAuditor().get(suite.sanctions("/sanctioned-names"))
                .then().statusCode(200).body("listReference", hasItem("DEMO-001"));
    }

    @Test
    void theSeederExitsWith2WhenTheStoreIsDown() {
        Seeder.Run run = Seeder.runWith(suite, List.of("--eventstore",
                "kurrentdb://admin:changeit@localhost:" + Suite.freePort() + "?tls=false"));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("EventStoreDB is not reachable");
    }
}
