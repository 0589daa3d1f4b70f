package com.paystream.systemtests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** What every packaged service offers its operators: OpenAPI, Swagger UI, health, correlation ids. */
@ExtendWith(Suite.class)
class ServiceEndpointsSystemTest {
    private final Suite suite = Suite.get();

    private List<String> services() {
        return List.of(suite.scheme(""), suite.sanctions(""), suite.accounts(""), suite.simulator(""));
    }

    @Test
    void everyServicePublishesItsOpenApiDocument() {
        services().forEach(base -> given().accept("application/json").get(base + "/q/openapi")
                .then().statusCode(200).body("openapi", containsString("3.")));
    }

    @Test
    void everyServiceServesSwaggerUi() {
        services().forEach(base -> given().get(base + "/q/swagger-ui/").then().statusCode(200));
    }

    @Test
    void everyServiceIsLiveAndReady() {
        services().forEach(base -> {
            given().get(base + "/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
            given().get(base + "/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        });
    }

    @Test
    void everyServiceAnswersWithTheCorrelationIdItWasGiven() {
        List.of(suite.scheme("/payments"), suite.sanctions("/sanctioned-names"), suite.accounts("/accounts"),
                suite.simulator("/simulator/returns")).forEach(url -> Suite.asAuditor()
                .header("X-Correlation-Id", "corr-system-test").get(url)
                .then().statusCode(200).header("X-Correlation-Id", "corr-system-test"));
    }
}
