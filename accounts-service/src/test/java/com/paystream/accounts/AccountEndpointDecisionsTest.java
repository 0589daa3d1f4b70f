package com.paystream.accounts;

import com.paystream.infrastructure.testing.EndpointDecisions;
import com.paystream.infrastructure.testing.EndpointDecisions.Endpoint;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every endpoint of accounts-service says who may call it, and each decision is the one chosen. */
class AccountEndpointDecisionsTest {
    private static final List<Endpoint> ENDPOINTS = EndpointDecisions.of("com.paystream.accounts");
    private static final String READERS = "roles account-officer, auditor, customer";

    private static List<Endpoint> called(String httpMethod, String path) {
        return ENDPOINTS.stream().filter(e -> e.httpMethod().equals(httpMethod) && e.path().equals(path)).toList();
    }

    @Test
    void everyEndpointNamesWhoMayCallIt() {
        assertThat(ENDPOINTS).extracting(e -> e.httpMethod() + " " + e.path()).containsExactlyInAnyOrder(
                "GET /accounts", "POST /accounts", "GET /accounts/{id}", "GET /accounts/{id}/transactions",
                "GET /accounts/{id}/events", "GET /accounts/by-number/{sortCode}/{accountNumber}",
                "POST /accounts/{id}/block", "POST /accounts/{id}/unblock", "POST /accounts/{id}/close",
                "POST /accounts/{accountId}/outbound-payments", "GET /accounts/{accountId}/outbound-payments",
                "GET /accounts/{accountId}/outbound-payments/{paymentId}",
                "GET /accounts/{accountId}/outbound-limits", "PUT /accounts/{accountId}/outbound-limits");
        assertThat(ENDPOINTS).allSatisfy(endpoint -> assertThat(endpoint.decision()).as(endpoint.toString())
                .isPresent());
    }

    @Test
    void openingBlockingUnblockingAndClosingAreForAccountOfficersAlone() {
        assertThat(ENDPOINTS).filteredOn(e -> e.httpMethod().equals("POST")
                        && !e.path().endsWith("/outbound-payments"))
                .hasSize(4)
                .allSatisfy(endpoint -> assertThat(endpoint.decision()).as(endpoint.toString())
                        .hasValue("roles account-officer"));
    }

    @Test
    void payingOutOfAnAccountIsForCustomersAlone() {
        assertThat(called("POST", "/accounts/{accountId}/outbound-payments")).singleElement()
                .satisfies(endpoint -> assertThat(endpoint.decision()).hasValue("roles customer"));
    }

    @Test
    void everyReadIsForAccountOfficersAuditorsAndCustomers() {
        assertThat(ENDPOINTS).filteredOn(e -> e.httpMethod().equals("GET")).hasSize(8)
                .allSatisfy(endpoint -> assertThat(endpoint.decision()).as(endpoint.toString()).hasValue(READERS));
    }

    @Test
    void settingOutboundLimitsIsForAccountOfficersAndCustomers() {
        assertThat(called("PUT", "/accounts/{accountId}/outbound-limits")).singleElement()
                .satisfies(endpoint -> assertThat(endpoint.decision())
                        .hasValue("roles account-officer, customer"));
    }
}
