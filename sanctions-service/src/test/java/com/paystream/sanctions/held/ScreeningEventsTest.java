package com.paystream.sanctions.held;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The operators' decisions as the screening streams store them: a frozen form, and older decisions still read. */
class ScreeningEventsTest {
    private static final Instant AT = Instant.parse("2026-11-24T10:00:00Z");

    private static String stored(ScreeningEvent event) {
        return new String(Screenings.CODEC.serialize(event), StandardCharsets.UTF_8);
    }

    private static ScreeningEvent read(String typeName, String json) {
        return Screenings.CODEC.deserialize(typeName, json.getBytes(StandardCharsets.UTF_8));
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
}
