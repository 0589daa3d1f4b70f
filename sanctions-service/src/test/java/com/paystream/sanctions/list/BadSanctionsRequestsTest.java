package com.paystream.sanctions.list;

import com.paystream.infrastructure.testing.EventStoreTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static com.paystream.infrastructure.testing.Operators.asOfficer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

/** Sanctions-list changes no officer should be able to make: a 400 naming the field, and the list unchanged. */
@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
class BadSanctionsRequestsTest {
    private static final String PROBLEM = "application/problem+json";

    static Stream<Arguments> badNames() {
        String reference = "\"listReference\":\"BAD-1\"";
        return Stream.of(
                Arguments.of("a name with a right-to-left override", "name",
                        "{\"name\":\"Ivor\\u202eMadeup\"," + reference + "}"),
                Arguments.of("a name with a NUL character", "name", "{\"name\":\"Ivor\\u0000Madeup\"," + reference + "}"),
                Arguments.of("an alias with a zero-width space", "aliases[0]",
                        "{\"name\":\"Ivor Madeup\",\"aliases\":[\"I.\\u200bMadeup\"]," + reference + "}"),
                Arguments.of("an alias that is a number", "aliases[0]",
                        "{\"name\":\"Ivor Madeup\",\"aliases\":[42]," + reference + "}"),
                Arguments.of("aliases that are not a list", "aliases",
                        "{\"name\":\"Ivor Madeup\",\"aliases\":{\"a\":1}," + reference + "}"),
                Arguments.of("a name of 20,000 characters", "name",
                        "{\"name\":\"" + "I".repeat(20_000) + "\"," + reference + "}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badNames")
    void aBadNameIsRefusedNamingTheFieldAndNothingIsListed(String what, String field, String body) {
        List<String> before = asOfficer().get("/sanctioned-names").then().extract().path("entryId");

        asOfficer().contentType(ContentType.JSON).body(body).post("/sanctioned-names")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem(field));
        assertThat(asOfficer().get("/sanctioned-names").then().extract().<List<String>>path("entryId"))
                .containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void aDecisionOnAnUnknownPaymentWithAReasonFullOfControlCharactersIsRefusedAsMalformed() {
        asOfficer().contentType(ContentType.JSON).body("{\"reason\":\"ok\\u0007\\u0008\"}")
                .post("/held-payments/" + UUID.randomUUID() + "/release")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("reason"));
    }
}
