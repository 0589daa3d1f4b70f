package com.paystream.benchmarks;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class TimelinePositionTest {
    @Test
    void eventsDeliveredAgainByASubscriptionStillRunningBesideItsReplacementAreCountedOnce() {
        TimelinePosition position = new TimelinePosition(100L);
        // the replaced subscription delivers 101-103, the new one (from 101) 102-105, interleaved
        List<Long> delivered = List.of(101L, 102L, 102L, 103L, 103L, 104L, 105L);

        long counted = delivered.stream().filter(position::advance).count();

        assertThat(counted).isEqualTo(5);
        assertThat(position.last()).isEqualTo(105L);
    }

    @Test
    void aTimelineFollowedFromTheStartCountsItsFirstEvent() {
        TimelinePosition position = new TimelinePosition(null);

        assertThat(LongStream.rangeClosed(0, 2).filter(position::advance).count()).isEqualTo(3);
    }
}
