package com.paystream.infrastructure.security;

import com.paystream.infrastructure.testing.EndpointDecisions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The endpoints every service gets from the infrastructure (/ops) each say who may call them. */
class EndpointDecisionsTest {
    @Test
    void everyOpsEndpointNamesTheRolesThatMayCallIt() {
        var endpoints = EndpointDecisions.of("com.paystream.infrastructure");
        assertThat(endpoints).extracting(EndpointDecisions.Endpoint::path).contains("/ops/subscriptions",
                "/ops/subscriptions/{group}/parked/replay", "/ops/read-models/{name}/rebuild");
        assertThat(endpoints).allSatisfy(endpoint -> assertThat(endpoint.decision()).as(endpoint.toString())
                .isPresent());
    }

    @Test
    void replayingAndRebuildingAreForOpsAlone() {
        assertThat(EndpointDecisions.of("com.paystream.infrastructure")).filteredOn(e -> e.httpMethod().equals("POST"))
                .allSatisfy(endpoint -> assertThat(endpoint.decision()).as(endpoint.toString()).hasValue("roles ops"));
    }
}
