package com.paystream.sanctions.screenings;

import com.paystream.events.InboundHeldPaymentRejected;
import com.paystream.events.InboundHeldPaymentReleased;
import com.paystream.events.InboundPaymentDetails;
import com.paystream.events.InboundPaymentHeld;
import com.paystream.events.InboundPaymentSanctionsCleared;
import com.paystream.events.Money;
import com.paystream.events.OutboundHeldPaymentRejected;
import com.paystream.events.OutboundHeldPaymentReleased;
import com.paystream.events.OutboundPaymentDetails;
import com.paystream.events.OutboundPaymentHeld;
import com.paystream.events.OutboundPaymentSanctionsCleared;
import com.paystream.events.Party;
import com.paystream.events.SanctionsMatch.ScreenedParty;
import com.paystream.events.SanctionsMatch;
import com.paystream.sanctions.screenings.DecideHeldPayment.Verdict;
import com.paystream.sanctions.screenings.ScreeningDecider.Decided;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The rules of a decision on a held payment, and what it records and publishes: no framework, no store, no clock. */
class ScreeningDeciderTest {
    private static final String PAYMENT = "p1";
    private static final Instant SCREENED_AT = Instant.parse("2026-11-24T10:00:00Z");
    private static final Instant AT = Instant.parse("2026-11-24T11:00:00Z");
    private static final InboundPaymentDetails INBOUND = new InboundPaymentDetails("TX-1",
            new Party("QUILLFEATHER MORDECAI", "089999", "66374958"), new Party("JANE DOE", "107999", "88837491"),
            Money.pence(1_000), "INV 1", LocalDate.of(2026, 11, 24));
    private static final OutboundPaymentDetails OUTBOUND = new OutboundPaymentDetails("acc-1",
            new Party("JANE DOE", "608371", "10000009"), new Party("VONDERVAAL PERPETUA", "089999", "66374958"),
            Money.pence(1_000), "INV 1");
    private static final List<SanctionsMatch> MATCHES = List.of(new SanctionsMatch(ScreenedParty.ORIGINATOR,
            "QUILLFEATHER MORDECAI", "Mordecai Quillfeather", "e1", 1.0));

    private static PaymentScreened heldInbound() {
        return new PaymentScreened(PAYMENT, INBOUND, MATCHES, true, 0.85, 7, SCREENED_AT);
    }

    private static OutboundPaymentScreened heldOutbound() {
        return new OutboundPaymentScreened(PAYMENT, OUTBOUND, MATCHES, true, 0.85, 7, SCREENED_AT);
    }

    private static Screening given(ScreeningEvent... events) {
        return Screening.of(List.of(events));
    }

    private static DecideHeldPayment release(String reason) {
        return new DecideHeldPayment(PAYMENT, Verdict.RELEASE, "subject-1", "sam", reason, AT);
    }

    private static DecideHeldPayment reject(String reason) {
        return new DecideHeldPayment(PAYMENT, Verdict.REJECT, "subject-1", "sam", reason, AT);
    }

    private static <T extends ScreeningRejection> T refusal(Class<T> type, DecideHeldPayment command,
                                                            Screening screening) {
        T refused = catchThrowableOfType(type, () -> ScreeningDecider.decide(command, screening));
        assertThat(refused).as("refused with " + type.getSimpleName()).isNotNull();
        return refused;
    }

    @Test
    void givenHeldInboundPayment_whenOperatorReleases_thenReleasedRecordedWithWhoWhyAndWhen() {
        Decided decided = ScreeningDecider.decide(release("different person"), given(heldInbound()));

        assertThat(decided.recorded())
                .isEqualTo(new HeldPaymentReleased(PAYMENT, "subject-1", "sam", "different person", AT));
    }

    @Test
    void givenHeldInboundPayment_whenOperatorReleases_thenInboundHeldPaymentReleasedPublishedWithTheDetails() {
        Decided decided = ScreeningDecider.decide(release("different person"), given(heldInbound()));

        assertThat(decided.published()).isEqualTo(new InboundHeldPaymentReleased(PAYMENT, INBOUND, "subject-1", "sam",
                "different person", AT));
    }

    @Test
    void givenHeldInboundPayment_whenOperatorRejects_thenRejectedRecordedWithWhoWhyAndWhen() {
        Decided decided = ScreeningDecider.decide(reject("confirmed match"), given(heldInbound()));

        assertThat(decided.recorded())
                .isEqualTo(new HeldPaymentRejected(PAYMENT, "subject-1", "sam", "confirmed match", AT));
    }

    @Test
    void givenHeldInboundPayment_whenOperatorRejects_thenInboundHeldPaymentRejectedPublishedWithTheSchemesId() {
        Decided decided = ScreeningDecider.decide(reject("confirmed match"), given(heldInbound()));

        assertThat(decided.published()).isEqualTo(new InboundHeldPaymentRejected(PAYMENT, "TX-1", "subject-1", "sam",
                "confirmed match", AT));
    }

    @Test
    void givenHeldOutboundPayment_whenOperatorReleases_thenOutboundHeldPaymentReleasedPublished() {
        Decided decided = ScreeningDecider.decide(release("different person"), given(heldOutbound()));

        assertThat(decided.published()).isEqualTo(new OutboundHeldPaymentReleased(PAYMENT, OUTBOUND, "subject-1",
                "sam", "different person", AT));
    }

    @Test
    void givenHeldOutboundPayment_whenOperatorRejects_thenOutboundHeldPaymentRejectedPublished() {
        Decided decided = ScreeningDecider.decide(reject("confirmed match"), given(heldOutbound()));

        assertThat(decided.published()).isEqualTo(new OutboundHeldPaymentRejected(PAYMENT, OUTBOUND, "subject-1",
                "sam", "confirmed match", AT));
    }

    @Test
    void givenHeldPayment_whenTheReasonHasSpaceAround_thenItIsRecordedWithout() {
        Decided decided = ScreeningDecider.decide(release("  different person \n"), given(heldInbound()));

        assertThat(decided.recorded().reason()).isEqualTo("different person");
    }

    @Test
    void givenHeldPayment_whenOperatorGivesNoReason_thenRefusedAsReasonRequired() {
        refusal(ScreeningRejection.ReasonRequired.class, release(null), given(heldInbound()));
    }

    @Test
    void givenHeldPayment_whenOperatorGivesABlankReason_thenRefusedAsReasonRequired() {
        refusal(ScreeningRejection.ReasonRequired.class, reject(" \t"), given(heldInbound()));
    }

    @Test
    void givenNoScreening_whenOperatorGivesNoReason_thenTheMissingReasonIsRefusedFirst() {
        refusal(ScreeningRejection.ReasonRequired.class, release(""), Screening.NOT_SCREENED);
    }

    @Test
    void givenNoScreening_whenOperatorReleases_thenRefusedAsNotHeld() {
        assertThat(refusal(ScreeningRejection.NotHeld.class, release("different person"), Screening.NOT_SCREENED))
                .hasMessage("No held payment p1");
    }

    @Test
    void givenClearedPayment_whenOperatorReleases_thenRefusedAsNotHeld() {
        Screening cleared = given(new PaymentScreened(PAYMENT, INBOUND, List.of(), false, 0.85, 7, SCREENED_AT));

        refusal(ScreeningRejection.NotHeld.class, release("different person"), cleared);
    }

    @Test
    void givenReleasedPayment_whenOperatorRejects_thenRefusedNamingTheRelease() {
        HeldPaymentReleased first = new HeldPaymentReleased(PAYMENT, "subject-0", "olivia", "different person", AT);

        ScreeningRejection.AlreadyDecided refused = refusal(ScreeningRejection.AlreadyDecided.class,
                reject("second opinion"), given(heldInbound(), first));

        assertThat(refused).hasMessage("Payment p1 was already released");
        assertThat(refused.first()).isEqualTo(first);
    }

    @Test
    void givenRejectedPayment_whenOperatorReleases_thenRefusedNamingTheReject() {
        HeldPaymentRejected first = new HeldPaymentRejected(PAYMENT, "subject-0", "olivia", "confirmed match", AT);

        ScreeningRejection.AlreadyDecided refused = refusal(ScreeningRejection.AlreadyDecided.class,
                release("second opinion"), given(heldOutbound(), first));

        assertThat(refused).hasMessage("Payment p1 was already rejected");
        assertThat(refused.first()).isEqualTo(first);
    }

    @Test
    void givenHeldInboundScreening_thenItsOutcomeIsInboundPaymentHeldWithTheMatches() {
        assertThat(ScreeningDecider.published(heldInbound()))
                .isEqualTo(new InboundPaymentHeld(PAYMENT, INBOUND, MATCHES, SCREENED_AT));
    }

    @Test
    void givenClearedInboundScreening_thenItsOutcomeIsInboundPaymentSanctionsCleared() {
        assertThat(ScreeningDecider.published(new PaymentScreened(PAYMENT, INBOUND, List.of(), false, 0.85, 7,
                SCREENED_AT))).isEqualTo(new InboundPaymentSanctionsCleared(PAYMENT, INBOUND, SCREENED_AT));
    }

    @Test
    void givenHeldOutboundScreening_thenItsOutcomeIsOutboundPaymentHeldWithTheMatches() {
        assertThat(ScreeningDecider.published(heldOutbound()))
                .isEqualTo(new OutboundPaymentHeld(PAYMENT, OUTBOUND, MATCHES, SCREENED_AT));
    }

    @Test
    void givenClearedOutboundScreening_thenItsOutcomeIsOutboundPaymentSanctionsCleared() {
        assertThat(ScreeningDecider.published(new OutboundPaymentScreened(PAYMENT, OUTBOUND, List.of(), false, 0.85,
                7, SCREENED_AT))).isEqualTo(new OutboundPaymentSanctionsCleared(PAYMENT, OUTBOUND, SCREENED_AT));
    }

    @Test
    void givenScreeningAndDecisionEvents_thenTheStateKeepsBoth() {
        HeldPaymentReleased decision = new HeldPaymentReleased(PAYMENT, "subject-0", "olivia", "different", AT);

        Screening screening = given(heldOutbound(), decision);

        assertThat(screening.screened()).contains(heldOutbound());
        assertThat(screening.decision()).contains(decision);
    }

    @Test
    void givenAScreenedPayment_thenItsDirectionFollowsItsEventType() {
        assertThat(List.of(ScreeningDecision.direction(heldInbound()), ScreeningDecision.direction(heldOutbound())))
                .containsExactly("INBOUND", "OUTBOUND");
    }
}
