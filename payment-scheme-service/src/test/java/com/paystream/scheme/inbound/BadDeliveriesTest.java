package com.paystream.scheme.inbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.paystream.events.PaymentStreams;
import com.paystream.infrastructure.security.Roles;
import com.paystream.infrastructure.store.EventStore;
import com.paystream.infrastructure.testing.EventStoreTestResource;
import com.paystream.infrastructure.testing.TestTokens;
import com.paystream.scheme.Deliveries;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static com.paystream.infrastructure.testing.Operators.asAuditor;
import static com.paystream.infrastructure.testing.Operators.asScheme;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

/** What the gateway does with deliveries no scheme should send: a 400 naming the field, and nothing written. */
@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
class BadDeliveriesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROBLEM = "application/problem+json";

    @TestHTTPResource("/")
    URI gateway;

    @Inject
    EventStore store;

    private static ObjectNode delivery(String transactionId) {
        ObjectNode body = JSON.createObjectNode().put("schemeTransactionId", transactionId)
                .put("reference", "INV 1").put("processingDate", Deliveries.enteredToday().toString());
        body.putObject("originator").put("name", "ACME WIDGETS LTD").put("sortCode", "089999")
                .put("accountNumber", "66374958");
        body.putObject("beneficiary").put("name", "JANE DOE").put("sortCode", "107999")
                .put("accountNumber", "88837491");
        body.putObject("amount").put("minorUnits", 1_000).put("currency", "GBP");
        return body;
    }

    private static Arguments changed(String what, String field, Consumer<ObjectNode> change) {
        return Arguments.of(what, field, change);
    }

    private static ObjectNode amount(ObjectNode body) {
        return (ObjectNode) body.get("amount");
    }

    private static ObjectNode originator(ObjectNode body) {
        return (ObjectNode) body.get("originator");
    }

    static Stream<Arguments> badDeliveries() {
        return Stream.of(
                changed("no fields at all", "schemeTransactionId", body -> body.removeAll()),
                changed("a missing amount", "amount.minorUnits", body -> body.remove("amount")),
                changed("an amount as text", "amount.minorUnits", body -> amount(body).put("minorUnits", "ten")),
                changed("an amount as a numeric string", "amount.minorUnits",
                        body -> amount(body).put("minorUnits", "1000")),
                changed("a fraction of a penny", "amount.minorUnits", body -> amount(body).put("minorUnits", 1.5)),
                changed("a negative amount", "amount.minorUnits", body -> amount(body).put("minorUnits", -100)),
                changed("a zero amount", "amount.minorUnits", body -> amount(body).put("minorUnits", 0)),
                changed("an amount past the largest whole number", "amount.minorUnits",
                        body -> amount(body).put("minorUnits", new BigInteger("99999999999999999999"))),
                changed("a currency that is no code", "amount.currency", body -> amount(body).put("currency", "£")),
                changed("a name with a right-to-left override", "originator.name",
                        body -> originator(body).put("name", "ACME\u202eDTL")),
                changed("a name with a NUL character", "originator.name",
                        body -> originator(body).put("name", "ACME\u0000LTD")),
                changed("a name with a zero-width space", "originator.name",
                        body -> originator(body).put("name", "AC\u200bME")),
                changed("a reference of 20,000 characters", "reference",
                        body -> body.put("reference", "A".repeat(20_000))),
                changed("a sort code with dashes", "originator.sortCode",
                        body -> originator(body).put("sortCode", "08-99-99")),
                changed("an account number as a number", "originator.accountNumber",
                        body -> originator(body).put("accountNumber", 66374958)),
                changed("a processing date that is no date", "processingDate",
                        body -> body.put("processingDate", "2026-13-45")),
                changed("a party that is a list", "beneficiary", body -> body.putArray("beneficiary")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badDeliveries")
    void aBadDeliveryIsRefusedNamingTheFieldAndNothingIsWritten(String what, String field,
                                                                 Consumer<ObjectNode> change) {
        String transactionId = "TX-BAD-" + UUID.randomUUID();
        ObjectNode body = delivery(transactionId);
        change.accept(body);

        asScheme().contentType(ContentType.JSON).body(body.toString()).post("/inbound-payments")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem(field));
        assertNothingWrittenFor(transactionId);
    }

    private void assertNothingWrittenFor(String transactionId) {
        assertThat(store.load(PaymentStreams.payment(InboundPaymentsResource.paymentIdOf(transactionId))).exists())
                .isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadableBodies")
    void aBodyThatIsNotADeliveryIsRefusedAsMalformed(String what, String body) {
        asScheme().contentType(ContentType.JSON).body(body).post("/inbound-payments")
                .then().statusCode(400).contentType(PROBLEM);
    }

    static Stream<Arguments> unreadableBodies() {
        return Stream.of(Arguments.of("JSON cut short", "{\"schemeTransactionId\":"),
                Arguments.of("a JSON array", "[]"), Arguments.of("JSON null", "null"),
                Arguments.of("not JSON at all", "schemeTransactionId=TX-1"), Arguments.of("an empty body", ""));
    }

    @Test
    void aBodyOverTheSizeLimitIsRefusedWith413AndNothingIsWritten() {
        String transactionId = "TX-HUGE-" + UUID.randomUUID();
        ObjectNode body = delivery(transactionId).put("reference", "A".repeat(2_000_000));

        asScheme().contentType(ContentType.JSON).body(body.toString()).post("/inbound-payments")
                .then().statusCode(413).contentType(PROBLEM);
        assertNothingWrittenFor(transactionId);
    }

    @Test
    void aBodySentInChunksWithoutALengthIsRefusedWith411AndNothingIsWritten() throws Exception {
        String transactionId = "TX-CHUNKED-" + UUID.randomUUID();
        byte[] body = delivery(transactionId).toString().getBytes(StandardCharsets.UTF_8);

        // a body of unknown length: the JDK's client sends it in chunks (Transfer-Encoding: chunked)
        HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(gateway.resolve("/inbound-payments"))
                        .header("Authorization", "Bearer " + TestTokens.token("scheme-simulator", Roles.SCHEME))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(411);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue(PROBLEM);
        assertThat(answer.body()).contains("length-required");
        assertNothingWrittenFor(transactionId);
    }

    @Test
    void aDeliveryInAnotherMediaTypeIsRefusedWith415() {
        asScheme().contentType(ContentType.XML).body("<payment/>").post("/inbound-payments")
                .then().statusCode(415).contentType(PROBLEM);
    }

    @Test
    void anUnknownPaymentIsNotFound() {
        asAuditor().get("/payments/" + UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);
        asAuditor().get("/payments/" + UUID.randomUUID() + "/timeline").then().statusCode(404).contentType(PROBLEM);
    }
}
