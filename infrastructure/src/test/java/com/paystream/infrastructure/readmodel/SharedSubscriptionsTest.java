package com.paystream.infrastructure.readmodel;

import com.paystream.infrastructure.fixtures.PaymentIdsForTest;
import com.paystream.infrastructure.fixtures.StrictListForTest;
import com.paystream.infrastructure.fixtures.TimelineForTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SharedSubscriptionsTest {
    private final ReadModel<?> first = new PaymentIdsForTest.First();
    private final ReadModel<?> second = new PaymentIdsForTest.Second();

    @Test
    void readModelsRebuiltOnEveryStartThatFollowTheSameStreamShareOneSubscription() {
        assertThat(ReadModelRunner.sharingASubscription(List.of(first, second))).containsExactly(List.of(first, second));
    }

    @Test
    void aReadModelThatKeepsItsStateHasASubscriptionOfItsOwn() {
        ReadModel<?> kept = new TimelineForTest();

        assertThat(ReadModelRunner.sharingASubscription(List.of(first, kept, second)))
                .containsExactly(List.of(first, second), List.of(kept));
    }

    @Test
    void aReadModelThatStopsAtAnEventItCannotReadHasASubscriptionOfItsOwn() {
        ReadModel<?> strict = new StrictListForTest();

        assertThat(ReadModelRunner.sharingASubscription(List.of(strict, first)))
                .containsExactly(List.of(strict), List.of(first));
    }

    @Test
    void twoReadModelsOfTheSameNameAreRefused() {
        assertThatThrownBy(() -> ReadModelRunner.sharingASubscription(List.of(first, new PaymentIdsForTest.First())))
                .hasMessageContaining("Two read models are named " + PaymentIdsForTest.First.NAME);
    }
}
