package com.paystream.simulator.outbound;

import com.paystream.events.BacsCalendar;

import java.time.LocalDate;

/**
 * The three-day Bacs cycle on processing days: a payment received on (or, on a non-processing day, after) its input
 * day is processed the next processing day and reaches the beneficiary's account on the one after, its entry day.
 */
final class BacsCycle {
    private final BacsCalendar calendar;

    BacsCycle(BacsCalendar calendar) {
        this.calendar = calendar;
    }

    LocalDate entryDay(LocalDate received) {
        LocalDate input = calendar.processingDayOnOrAfter(received);
        LocalDate processing = calendar.processingDayOnOrAfter(input.plusDays(1));
        return calendar.processingDayOnOrAfter(processing.plusDays(1));
    }

    /** The last day a return may come: {@code days} processing days after the entry day. */
    LocalDate lastReturnDay(LocalDate entryDay, int days) {
        LocalDate day = entryDay;
        for (int i = 0; i < days; i++) {
            day = calendar.processingDayOnOrAfter(day.plusDays(1));
        }
        return day;
    }
}
