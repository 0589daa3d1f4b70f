package com.paystream.sanctions;

import com.paystream.infrastructure.testing.EndpointDecisions;
import com.paystream.infrastructure.testing.EndpointDecisions.Endpoint;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of this service says who may call it (the service refuses one that does not, so a forgotten
 * decision would only show as a door that never opens): deciding held payments and changing the sanctions list are
 * for sanctions officers alone.
 */
class EndpointDecisionsTest {
    private static final List<Endpoint> ENDPOINTS = EndpointDecisions.of("com.paystream.sanctions");

    private static String described(Endpoint endpoint) {
        return endpoint.httpMethod() + " " + endpoint.path() + ": " + endpoint.decision().orElse("NO DECISION");
    }

    @Test
    void everyEndpointNamesTheRolesThatMayCallIt() {
        assertThat(ENDPOINTS).isNotEmpty().allSatisfy(endpoint -> assertThat(endpoint.decision())
                .as(endpoint.toString()).isPresent());
    }

    @Test
    void theEndpointsAndWhoMayCallThemAreExactlyThese() {
        assertThat(ENDPOINTS).extracting(EndpointDecisionsTest::described).containsExactlyInAnyOrder(
                "GET /held-payments: roles sanctions-officer, auditor, ops",
                "GET /held-payments/changes: roles sanctions-officer, auditor, ops",
                "POST /held-payments/{paymentId}/release: roles sanctions-officer",
                "POST /held-payments/{paymentId}/reject: roles sanctions-officer",
                "GET /sanctioned-names: roles sanctions-officer, auditor",
                "POST /sanctioned-names: roles sanctions-officer",
                "GET /sanctioned-names/{entryId}: roles sanctions-officer, auditor",
                "DELETE /sanctioned-names/{entryId}: roles sanctions-officer",
                "POST /sanctions-lists/imports: roles sanctions-officer",
                "GET /screenings/{paymentId}: roles sanctions-officer, auditor, ops, account-officer");
    }

    @Test
    void decisionsAndListChangesAreForSanctionsOfficersAlone() {
        assertThat(ENDPOINTS).filteredOn(endpoint -> !endpoint.httpMethod().equals("GET")).isNotEmpty()
                .allSatisfy(endpoint -> assertThat(endpoint.decision()).as(endpoint.toString())
                        .hasValue("roles sanctions-officer"));
    }
}
