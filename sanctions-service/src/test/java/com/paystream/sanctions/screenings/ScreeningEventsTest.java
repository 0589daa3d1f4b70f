package com.paystream.sanctions.screenings;

import com.paystream.events.InboundPaymentDetails;
import com.paystream.events.Money;
import com.paystream.events.OutboundPaymentDetails;
import com.paystream.events.Party;
import com.paystream.events.SanctionsMatch;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The screenings and the operators' decisions as the screening streams store them: a frozen form, and older
 * decisions still read.
 */
class ScreeningEventsTest {
    private static final Instant AT = Instant.parse("2026-11-24T10:00:00Z");

    private static String stored(ScreeningEvent event) {
        return new String(Screenings.CODEC.serialize(event), StandardCharsets.UTF_8);
    }

    private static ScreeningEvent read(String typeName, String json) {
        return Screenings.CODEC.deserialize(typeName, json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aRescreenIsStoredInItsFrozenJsonFormWithItsNewMatches() {
        assertThat(stored(new HeldPaymentRescreened("p1", List.of(new SanctionsMatch(
                SanctionsMatch.ScreenedParty.ORIGINATOR, "IVAN PETROV", "Ivan Petrov", "OFAC-1", 0.97)), 42, AT)))
                .isEqualTo("{\"paymentId\":\"p1\",\"matches\":[{\"party\":\"ORIGINATOR\","
                        + "\"screenedName\":\"IVAN PETROV\",\"listedName\":\"Ivan Petrov\","
                        + "\"listEntryId\":\"OFAC-1\",\"score\":0.97}],\"listRevision\":42,"
                        + "\"rescreenedAt\":\"2026-11-24T10:00:00Z\"}");
    }

    @Test
    void aReleaseIsStoredInItsFrozenJsonFormWithTheOperatorsSubjectAndName() {
        assertThat(stored(new HeldPaymentReleased("p1", "subject-1", "officer", "different person", AT))).isEqualTo(
                "{\"paymentId\":\"p1\",\"operatorId\":\"subject-1\",\"operatorName\":\"officer\","
                        + "\"reason\":\"different person\",\"decidedAt\":\"2026-11-24T10:00:00Z\"}");
    }

    @Test
    void aRejectIsStoredInItsFrozenJsonFormWithTheOperatorsSubjectAndName() {
        assertThat(stored(new HeldPaymentRejected("p1", "subject-1", "officer", "confirmed match", AT))).isEqualTo(
                "{\"paymentId\":\"p1\",\"operatorId\":\"subject-1\",\"operatorName\":\"officer\","
                        + "\"reason\":\"confirmed match\",\"decidedAt\":\"2026-11-24T10:00:00Z\"}");
    }

    @Test
    void aReleaseRecordedBeforeNamesWereKeptStillReads() {
        assertThat(read("HeldPaymentReleased", "{\"paymentId\":\"p1\",\"operatorId\":\"operator\","
                + "\"reason\":\"different person\",\"decidedAt\":\"2026-11-24T10:00:00Z\"}"))
                .isEqualTo(new HeldPaymentReleased("p1", "operator", null, "different person", AT));
    }

    @Test
    void aRejectRecordedBeforeNamesWereKeptStillReads() {
        assertThat(read("HeldPaymentRejected", "{\"paymentId\":\"p1\",\"operatorId\":\"operator\","
                + "\"reason\":\"confirmed match\",\"decidedAt\":\"2026-11-24T10:00:00Z\"}"))
                .isEqualTo(new HeldPaymentRejected("p1", "operator", null, "confirmed match", AT));
    }

    @Test
    void theScreeningShowsTheSubjectAndTheNameOfTheOperatorWhoDecided() {
        assertThat(ScreeningsResource.OperatorDecision.of(
                new HeldPaymentRejected("p1", "subject-1", "officer", "confirmed match", AT)))
                .isEqualTo(new ScreeningsResource.OperatorDecision("REJECTED", "subject-1", "officer",
                        "confirmed match", AT));
    }

    @Test
    void theScreeningOfADecisionFromBeforeNamesWereKeptShowsItsLoginAsTheName() {
        assertThat(ScreeningsResource.OperatorDecision.of(
                new HeldPaymentReleased("p1", "operator", null, "different person", AT)))
                .isEqualTo(new ScreeningsResource.OperatorDecision("RELEASED", "operator", "operator",
                        "different person", AT));
    }

    @Test
    void anInboundScreeningIsStoredInItsFrozenJsonForm() {
        InboundPaymentDetails details = new InboundPaymentDetails("TX-1",
                new Party("QUILLFEATHER MORDECAI", "089999", "66374958"), new Party("JANE DOE", "107999", "88837491"),
                Money.pence(1_000), "INV 1", LocalDate.of(2026, 11, 24));
        List<SanctionsMatch> matches = List.of(new SanctionsMatch(SanctionsMatch.ScreenedParty.ORIGINATOR,
                "QUILLFEATHER MORDECAI", "Mordecai Quillfeather", "e1", 0.9712));

        assertThat(stored(new PaymentScreened("p1", details, matches, true, 0.85, 7, AT))).isEqualTo(
                "{\"paymentId\":\"p1\",\"details\":{\"schemeTransactionId\":\"TX-1\",\"originator\":{\"name\":"
                        + "\"QUILLFEATHER MORDECAI\",\"sortCode\":\"089999\",\"accountNumber\":\"66374958\"},"
                        + "\"beneficiary\":{\"name\":\"JANE DOE\",\"sortCode\":\"107999\","
                        + "\"accountNumber\":\"88837491\"},"
                        + "\"amount\":{\"minorUnits\":1000,\"currency\":\"GBP\"},\"reference\":\"INV 1\","
                        + "\"processingDate\":\"2026-11-24\"},\"matches\":[{\"party\":\"ORIGINATOR\","
                        + "\"screenedName\":\"QUILLFEATHER MORDECAI\",\"listedName\":\"Mordecai Quillfeather\","
                        + "\"listEntryId\":\"e1\",\"score\":0.9712}],\"held\":true,\"threshold\":0.85,"
                        + "\"listRevision\":7,"
                        + "\"screenedAt\":\"2026-11-24T10:00:00Z\"}");
    }

    @Test
    void anOutboundScreeningIsStoredInItsFrozenJsonForm() {
        OutboundPaymentDetails details = new OutboundPaymentDetails("acc-1",
                new Party("JANE DOE", "608371", "10000009"), new Party("VONDERVAAL PERPETUA", "089999", "66374958"),
                Money.pence(1_000), "INV 1");

        assertThat(stored(new OutboundPaymentScreened("p1", details, List.of(), false, 0.85, 7, AT))).isEqualTo(
                "{\"paymentId\":\"p1\",\"details\":{\"accountId\":\"acc-1\",\"originator\":{\"name\":\"JANE DOE\","
                        + "\"sortCode\":\"608371\",\"accountNumber\":\"10000009\"},\"beneficiary\":{\"name\":"
                        + "\"VONDERVAAL PERPETUA\",\"sortCode\":\"089999\",\"accountNumber\":\"66374958\"},"
                        + "\"amount\":{\"minorUnits\":1000,\"currency\":\"GBP\"},\"reference\":\"INV 1\"},"
                        + "\"matches\":[],\"held\":false,\"threshold\":0.85,\"listRevision\":7,"
                        + "\"screenedAt\":\"2026-11-24T10:00:00Z\"}");
    }
}
