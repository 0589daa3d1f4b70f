package com.paystream.events;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class BacsCalendarTest {
    private final BacsCalendar calendar = BacsCalendar.englandAndWales();

    @Test
    void christmasDayIsNotAProcessingDay() {
        assertThat(calendar.isProcessingDay(LocalDate.of(2026, 12, 25))).isFalse();
    }

    @Test
    void anOrdinaryTuesdayIsAProcessingDay() {
        assertThat(calendar.isProcessingDay(LocalDate.of(2026, 11, 24))).isTrue();
    }

    @Test
    void theProcessingDayAfterChristmasEveIsTheFirstWorkingDayAfterBoxingDay() {
        // Thu 24 Dec is a processing day; from Fri 25 Dec: Christmas, Boxing Day (Sat), Sun, substitute Mon 28
        assertThat(calendar.processingDayOnOrAfter(LocalDate.of(2026, 12, 25))).isEqualTo(LocalDate.of(2026, 12, 29));
    }
}
