package com.paystream.infrastructure.ops;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Lag and state of a consumer group from what the store reports of it. */
class GroupProgressTest {
    @Test
    void givenEveryEventReadAndNothingWaiting_thenLagIsZeroAndTheGroupCaughtUp() {
        long lag = Lag.of(41L, 41L, 0, 0, 0);

        assertThat(lag).isZero();
        assertThat(GroupState.of(lag, 0)).isEqualTo(GroupState.CAUGHT_UP);
    }

    @Test
    void givenThreeEventsNotReadYet_thenTheGroupIsBehindByThree() {
        long lag = Lag.of(41L, 38L, 0, 0, 0);

        assertThat(lag).isEqualTo(3);
        assertThat(GroupState.of(lag, 0)).isEqualTo(GroupState.BEHIND);
    }

    @Test
    void givenEventsWaitingRetriedOrInFlight_thenEachCountsAsNotFinished() {
        assertThat(Lag.of(41L, 41L, 2, 1, 4)).isEqualTo(7);
    }

    @Test
    void givenAGroupThatHasReadNothingOfAStreamOfFiveEvents_thenItIsBehindByFive() {
        assertThat(Lag.of(4L, null, 0, 0, 0)).isEqualTo(5);
    }

    @Test
    void givenAnEmptyStream_thenLagIsZero() {
        assertThat(Lag.of(null, null, 0, 0, 0)).isZero();
    }

    @Test
    void givenParkedMessages_thenTheGroupIsParkedWhateverItsLag() {
        assertThat(GroupState.of(0, 2)).isEqualTo(GroupState.PARKED);
        assertThat(GroupState.of(5, 2)).isEqualTo(GroupState.PARKED);
    }
}
