package com.paystream.simulator.generate;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchMixTest {
    @Test
    void aBatchOfTenWithOneInTenToClosedAccountsHoldsExactlyOne() {
        BatchMix mix = new BatchMix(Map.of(PaymentKind.VALID, 9, PaymentKind.CLOSED_ACCOUNT, 1));

        assertThat(mix.counts(10)).containsEntry(PaymentKind.CLOSED_ACCOUNT, 1).containsEntry(PaymentKind.VALID, 9);
    }

    @Test
    void theKindsOfABatchAlwaysAddUpToItsSize() {
        for (int count = 1; count <= 101; count++) {
            assertThat(BatchMix.DEFAULT.allocate(count, new Random(count))).hasSize(count);
        }
    }

    @Test
    void aKindWeightedZeroIsNeverSent() {
        BatchMix mix = new BatchMix(Map.of(PaymentKind.VALID, 1, PaymentKind.UNKNOWN_ACCOUNT, 0));

        assertThat(mix.allocate(50, new Random(1))).containsOnly(PaymentKind.VALID);
    }

    @Test
    void aMixWithoutAnyPositiveWeightIsRefused() {
        assertThatThrownBy(() -> new BatchMix(Map.of(PaymentKind.VALID, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
