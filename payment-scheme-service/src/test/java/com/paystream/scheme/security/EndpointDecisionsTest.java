package com.paystream.scheme.security;

import com.paystream.infrastructure.security.Roles;
import com.paystream.infrastructure.testing.EndpointDecisions;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every endpoint of the service names who may call it: the scheme delivers, the bank's staff read. */
class EndpointDecisionsTest {
    private static final List<EndpointDecisions.Endpoint> ENDPOINTS = EndpointDecisions.of("com.paystream.scheme");
    private static final String SCHEME_ONLY = "roles " + Roles.SCHEME;
    private static final String STAFF_READERS = "roles " + String.join(", ", Roles.AUDITOR, Roles.OPS,
            Roles.SANCTIONS_OFFICER, Roles.ACCOUNT_OFFICER);
    private static final String SCHEME_AND_STAFF = "roles " + String.join(", ", Roles.SCHEME, Roles.AUDITOR, Roles.OPS,
            Roles.SANCTIONS_OFFICER, Roles.ACCOUNT_OFFICER);

    private static List<String> endpointsDecided(String decision) {
        return ENDPOINTS.stream().filter(endpoint -> endpoint.decision().filter(decision::equals).isPresent())
                .map(endpoint -> endpoint.httpMethod() + " " + endpoint.path()).toList();
    }

    @Test
    void everyEndpointNamesWhoMayCallIt() {
        assertThat(ENDPOINTS).isNotEmpty().allSatisfy(endpoint -> assertThat(endpoint.decision())
                .as(endpoint.toString()).isPresent());
    }

    @Test
    void theSchemeAloneDeliversPaymentsAndTellsWhatBecameOfOutboundOnes() {
        assertThat(endpointsDecided(SCHEME_ONLY)).containsExactlyInAnyOrder("POST /inbound-payments", "POST /inbound-files",
                "POST /outbound-payments/{paymentId}/settlement", "POST /outbound-payments/{paymentId}/return");
    }

    @Test
    void paymentsAndOriginatorsAreReadByTheBanksStaffAlone() {
        assertThat(endpointsDecided(STAFF_READERS)).containsExactlyInAnyOrder("GET /payments", "GET /payments/counts", "GET /payments/changes",
                "GET /payments/{id}",
                "GET /payments/{id}/timeline", "GET /originators", "GET /originators/{sortCode}/{accountNumber}");
    }

    @Test
    void aDeliveredFilesStatusAndTheBacsCalendarAreReadByTheSchemeAndTheBanksStaff() {
        assertThat(endpointsDecided(SCHEME_AND_STAFF)).containsExactlyInAnyOrder(
                "GET /inbound-files/{serialNumber}/{processingDay}", "GET /bacs-calendar/today");
    }

    @Test
    void noEndpointIsLeftOutOfTheseDecisions() {
        assertThat(ENDPOINTS).extracting(endpoint -> endpoint.decision().orElse("NO DECISION"))
                .as(ENDPOINTS.toString()).containsOnly(SCHEME_ONLY, STAFF_READERS, SCHEME_AND_STAFF);
    }
}
