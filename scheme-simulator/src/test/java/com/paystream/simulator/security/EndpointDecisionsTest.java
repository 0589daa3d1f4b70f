package com.paystream.simulator.security;

import com.paystream.infrastructure.security.Roles;
import com.paystream.infrastructure.testing.EndpointDecisions;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of the simulator names who may call it: the bank's gateway submits, the scheme works the controls, the
 * scheme, auditors and ops read.
 */
class EndpointDecisionsTest {
    private static final List<EndpointDecisions.Endpoint> ENDPOINTS = EndpointDecisions.of("com.paystream.simulator");
    private static final String GATEWAY_ONLY = "roles " + Roles.BANK_GATEWAY;
    private static final String SCHEME_ONLY = "roles " + Roles.SCHEME;
    private static final String READERS = "roles " + String.join(", ", Roles.SCHEME, Roles.AUDITOR, Roles.OPS);

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
    void theBanksGatewayAloneSubmitsOutboundPayments() {
        assertThat(endpointsDecided(GATEWAY_ONLY)).containsExactly("POST /simulator/outbound-payments");
    }

    @Test
    void theSchemeAloneWorksTheSimulatorsControls() {
        assertThat(endpointsDecided(SCHEME_ONLY)).containsExactlyInAnyOrder(
                "POST /simulator/inbound-payments", "POST /simulator/inbound-payments/batch",
                "POST /simulator/inbound-payments/{schemeTransactionId}/resend",
                "POST /simulator/outbound-payments/settle-due", "PUT /simulator/outbound-payments/intake",
                "PUT /simulator/outbound-payments/settlement-mode",
                "POST /simulator/outbound-payments/{schemeTransactionId}/return", "POST /simulator/inbound-files",
                "POST /simulator/inbound-files/{serialNumber}/resend", "GET /simulator/inbound-files/sample");
    }

    @Test
    void whatTheSchemeRecordedIsReadByTheSchemeAuditorsAndOps() {
        assertThat(endpointsDecided(READERS)).containsExactlyInAnyOrder(
                "GET /simulator/inbound-payments", "GET /simulator/inbound-payments/{schemeTransactionId}",
                "GET /simulator/returns", "GET /simulator/outbound-payments",
                "GET /simulator/outbound-payments/{schemeTransactionId}", "GET /simulator/outbound-payments/intake",
                "GET /simulator/outbound-payments/settlement-mode", "GET /simulator/inbound-files/{serialNumber}");
    }

    @Test
    void noEndpointIsLeftOutOfTheseDecisions() {
        assertThat(ENDPOINTS).extracting(endpoint -> endpoint.decision().orElse("NO DECISION"))
                .as(ENDPOINTS.toString()).containsOnly(GATEWAY_ONLY, SCHEME_ONLY, READERS);
    }
}
