package com.paystream.simulator.outbound;

import com.paystream.events.BacsCalendar;

import java.time.LocalDate;

/**
 * The three-day Bacs cycle of an outbound payment, on the shared calendar: one received on (or, on a non-processing
 * day, after) its input day is processed the next processing day and reaches the beneficiary's account on the one
 * after, its entry day ({@link BacsCalendar#entryDay}).
 */
final class BacsCycle {
    private final BacsCalendar calendar;

    BacsCycle(BacsCalendar calendar) {
        this.calendar = calendar;
    }

    LocalDate entryDay(LocalDate received) {
        LocalDate input = calendar.processingDayOnOrAfter(received);
        return calendar.entryDay(calendar.nextProcessingDay(input));
    }

    /** The last day a return may come: {@code days} processing days after the entry day. */
    LocalDate lastReturnDay(LocalDate entryDay, int days) {
        LocalDate day = entryDay;
        for (int i = 0; i < days; i++) {
            day = calendar.nextProcessingDay(day);
        }
        return day;
    }
}
