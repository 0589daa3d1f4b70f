package com.paystream.infrastructure.store;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventIdsTest {
    private final Causation cause = Causation.event("6f1c0d5e-0000-0000-0000-000000000001", "corr-1");

    @Test
    void theSameCauseStreamIndexAndTypeGiveTheSameId() {
        assertThat(EventIds.of(cause, "payment-1", 0, "InboundPaymentValidated"))
                .isEqualTo(EventIds.of(cause, "payment-1", 0, "InboundPaymentValidated"));
    }

    @Test
    void anotherCauseGivesAnotherId() {
        Causation other = Causation.event("6f1c0d5e-0000-0000-0000-000000000002", "corr-1");
        assertThat(EventIds.of(other, "payment-1", 0, "InboundPaymentValidated"))
                .isNotEqualTo(EventIds.of(cause, "payment-1", 0, "InboundPaymentValidated"));
    }

    @Test
    void anotherIndexTypeOrStreamGivesAnotherId() {
        assertThat(EventIds.of(cause, "payment-1", 1, "InboundPaymentValidated"))
                .isNotEqualTo(EventIds.of(cause, "payment-1", 0, "InboundPaymentValidated"))
                .isNotEqualTo(EventIds.of(cause, "payment-1", 1, "InboundPaymentReturned"))
                .isNotEqualTo(EventIds.of(cause, "account-1", 1, "InboundPaymentValidated"));
    }

    @Test
    void idsAreNameBasedVersion3Uuids() {
        assertThat(EventIds.of(cause, "payment-1", 0, "InboundPaymentValidated").version()).isEqualTo(3);
    }
}
