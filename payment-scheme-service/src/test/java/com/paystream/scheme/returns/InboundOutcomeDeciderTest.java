package com.paystream.scheme.returns;

import com.paystream.events.AccountCheckFailure;
import com.paystream.events.InboundHeldPaymentRejected;
import com.paystream.events.InboundPaymentAccountCheckFailed;
import com.paystream.events.InboundPaymentFailed;
import com.paystream.events.InboundPaymentReturned;
import com.paystream.events.ReturnReason;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class InboundOutcomeDeciderTest {
    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    private static InboundPaymentAccountCheckFailed failed(AccountCheckFailure failure) {
        return new InboundPaymentAccountCheckFailed("p-1", "TX-1", failure, AT);
    }

    @Test
    void givenNoAccount_whenTheCheckFails_thenThePaymentIsReturnedWithArucsFive() {
        assertThat(InboundOutcomeDecider.onAccountCheckFailed(failed(AccountCheckFailure.NO_ACCOUNT), AT))
                .isInstanceOfSatisfying(InboundPaymentReturned.class, returned -> {
                    assertThat(returned.reason()).isEqualTo(ReturnReason.NO_ACCOUNT);
                    assertThat(returned.reason().code()).isEqualTo("5");
                    assertThat(returned.schemeTransactionId()).isEqualTo("TX-1");
                });
    }

    @Test
    void givenAClosedAccount_whenTheCheckFails_thenThePaymentIsReturnedWithArucsB() {
        assertThat(InboundOutcomeDecider.onAccountCheckFailed(failed(AccountCheckFailure.ACCOUNT_CLOSED), AT))
                .isInstanceOfSatisfying(InboundPaymentReturned.class,
                        returned -> assertThat(returned.reason().code()).isEqualTo("B"));
    }

    @Test
    void givenABlockedAccount_whenTheCheckFails_thenThePaymentFailsAndIsNotReturned() {
        assertThat(InboundOutcomeDecider.onAccountCheckFailed(failed(AccountCheckFailure.ACCOUNT_BLOCKED), AT))
                .isInstanceOf(InboundPaymentFailed.class);
    }

    @Test
    void givenAHeldPayment_whenAnOperatorRejectsIt_thenItFailsNamingTheOperatorAndReason() {
        InboundPaymentFailed failed = InboundOutcomeDecider.onHeldPaymentRejected(new InboundHeldPaymentRejected(
                "p-1", "TX-1", "5f0c6a1e-subject", "operator-7", "confirmed match", AT), AT);

        assertThat(failed.reason()).contains("operator-7").contains("5f0c6a1e-subject").contains("confirmed match");
    }

    @Test
    void givenARejectionRecordedBeforeOperatorsHadNames_whenItIsDecided_thenItFailsNamingTheOperatorsId() {
        InboundPaymentFailed failed = InboundOutcomeDecider.onHeldPaymentRejected(
                new InboundHeldPaymentRejected("p-1", "TX-1", "operator-7", null, "confirmed match", AT), AT);

        assertThat(failed.reason()).contains("by operator-7:").doesNotContain("null");
    }
}
