package com.paystream.simulator.outbound;

import com.paystream.events.BacsCalendar;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class BacsCycleTest {
    private final BacsCycle cycle = new BacsCycle(BacsCalendar.englandAndWales());

    @Test
    void aPaymentInputOnTuesdayEntersTheBeneficiarysAccountOnThursday() {
        assertThat(cycle.entryDay(LocalDate.of(2026, 11, 24))).isEqualTo(LocalDate.of(2026, 11, 26));
    }

    @Test
    void aPaymentInputOnFridayEntersOnTuesdayAfterTheWeekend() {
        assertThat(cycle.entryDay(LocalDate.of(2026, 11, 27))).isEqualTo(LocalDate.of(2026, 12, 1));
    }

    @Test
    void aPaymentReceivedOnChristmasEveSkipsTheBankHolidays() {
        // input Thu 24 Dec; processing Tue 29 Dec (25, 28 holidays); entry Wed 30 Dec
        assertThat(cycle.entryDay(LocalDate.of(2026, 12, 24))).isEqualTo(LocalDate.of(2026, 12, 30));
    }

    @Test
    void theReturnWindowCountsProcessingDaysAfterTheEntryDay() {
        assertThat(cycle.lastReturnDay(LocalDate.of(2026, 11, 26), 2)).isEqualTo(LocalDate.of(2026, 11, 30));
    }
}
