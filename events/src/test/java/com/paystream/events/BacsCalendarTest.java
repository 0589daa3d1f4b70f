package com.paystream.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void weekendsAreNotProcessingDays() {
        assertThat(calendar.isProcessingDay(LocalDate.of(2026, 12, 5))).isFalse();
        assertThat(calendar.isProcessingDay(LocalDate.of(2026, 12, 6))).isFalse();
    }

    @Test
    void aSubstituteBankHolidayIsNotAProcessingDay() {
        // Boxing Day 2026 is a Saturday: the bank holiday is Monday 28 December
        assertThat(calendar.isProcessingDay(LocalDate.of(2026, 12, 28))).isFalse();
    }

    @Test
    void theProcessingDayAfterChristmasEveIsTheFirstWorkingDayAfterBoxingDay() {
        // Thu 24 Dec is a processing day; from Fri 25 Dec: Christmas, Boxing Day (Sat), Sun, substitute Mon 28
        assertThat(calendar.processingDayOnOrAfter(LocalDate.of(2026, 12, 25))).isEqualTo(LocalDate.of(2026, 12, 29));
    }

    @Test
    void theOfficialListIsBundledWithTheYearsItCovers() {
        assertThat(calendar.coverage().firstYear()).isEqualTo(2024);
        assertThat(calendar.coverage().lastYear()).isEqualTo(2027);
        assertThat(calendar.coverage().source()).contains("GOV.UK");
        assertThat(calendar.bankHolidays(2027)).hasSize(8).contains(LocalDate.of(2027, 3, 26));
    }

    @Test
    void theEntryDayOfAFridayProcessingDayIsTheNextMonday() {
        assertThat(calendar.entryDay(LocalDate.of(2026, 12, 4))).isEqualTo(LocalDate.of(2026, 12, 7));
    }

    @Test
    void theEntryDayOfThePaymentProcessedBeforeEasterIsTheTuesdayAfterEasterMonday() {
        // Good Friday 3 April 2026, Easter Monday 6 April: processed Thursday 2 April, entered Tuesday 7 April
        assertThat(calendar.entryDay(LocalDate.of(2026, 4, 2))).isEqualTo(LocalDate.of(2026, 4, 7));
    }

    @Test
    void theEntryDayOfThePaymentProcessedOnChristmasEveIsAfterTheSubstituteBoxingDay() {
        assertThat(calendar.entryDay(LocalDate.of(2026, 12, 24))).isEqualTo(LocalDate.of(2026, 12, 29));
    }

    @Test
    void onASundayTheLatestEntryDayIsFridayAndItsPaymentWasProcessedOnThursday() {
        LocalDate sunday = LocalDate.of(2026, 12, 6);

        assertThat(calendar.latestEntryDay(sunday)).isEqualTo(LocalDate.of(2026, 12, 4));
        assertThat(calendar.processingDateForLatestEntry(sunday)).isEqualTo(LocalDate.of(2026, 12, 3));
    }

    @Test
    void onAMondayThePaymentEnteredTodayWasProcessedOnTheFridayBefore() {
        LocalDate monday = LocalDate.of(2026, 12, 7);

        assertThat(calendar.latestEntryDay(monday)).isEqualTo(monday);
        assertThat(calendar.processingDateForLatestEntry(monday)).isEqualTo(LocalDate.of(2026, 12, 4));
    }

    @Test
    void theSchemesTodayIsTheDateInLondon() {
        // 23:30 UTC on 30 June is 00:30 on 1 July in London (summer time)
        Clock lateEvening = Clock.fixed(Instant.parse("2026-06-30T23:30:00Z"), ZoneOffset.UTC);

        assertThat(BacsCalendar.today(lateEvening)).isEqualTo(LocalDate.of(2026, 7, 1));
    }

    @Test
    void aYearBeyondTheOfficialListIsComputedFromTheStandingRules() {
        // 2028: Easter Sunday 16 April; Christmas on a Monday
        assertThat(calendar.isOfficial(2028)).isFalse();
        assertThat(calendar.bankHolidays(2028)).containsExactly(LocalDate.of(2028, 1, 3), LocalDate.of(2028, 4, 14),
                LocalDate.of(2028, 4, 17), LocalDate.of(2028, 5, 1), LocalDate.of(2028, 5, 29),
                LocalDate.of(2028, 8, 28), LocalDate.of(2028, 12, 25), LocalDate.of(2028, 12, 26));
        assertThat(calendar.isProcessingDay(LocalDate.of(2028, 4, 14))).isFalse();
    }

    @Test
    void theComputedHolidaysOfTheOfficiallyListedYearsEqualTheOfficialOnes() {
        for (int year = 2024; year <= 2027; year++) {
            assertThat(EnglandAndWalesBankHolidays.of(year)).as("%d", year)
                    .containsExactlyInAnyOrderElementsOf(calendar.bankHolidays(year));
        }
    }

    @Test
    void easterSundayFollowsTheGregorianComputus() {
        assertThat(EnglandAndWalesBankHolidays.easterSunday(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
        assertThat(EnglandAndWalesBankHolidays.easterSunday(2029)).isEqualTo(LocalDate.of(2029, 4, 1));
        assertThat(EnglandAndWalesBankHolidays.easterSunday(2038)).isEqualTo(LocalDate.of(2038, 4, 25));
        assertThat(EnglandAndWalesBankHolidays.easterSunday(2035)).isEqualTo(LocalDate.of(2035, 3, 25));
    }

    @Test
    void aNewerListFromAFileReplacesTheBundledOne(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bank-holidays.json");
        Files.writeString(file, """
                {"england-and-wales":{"division":"england-and-wales","events":[
                  {"title":"New Year’s Day","date":"2029-01-01","notes":"","bunting":true},
                  {"title":"A day proclaimed","date":"2029-06-15","notes":"","bunting":true},
                  {"title":"Boxing Day","date":"2029-12-26","notes":"","bunting":true}]}}
                """);

        BacsCalendar newer = BacsCalendar.fromFile(file);

        assertThat(newer.coverage().firstYear()).isEqualTo(2029);
        assertThat(newer.coverage().source()).startsWith(file.toString());
        assertThat(newer.isProcessingDay(LocalDate.of(2029, 6, 15))).isFalse();
        // Good Friday 2029 is not in this list: the list is what counts for the years it covers
        assertThat(newer.isProcessingDay(LocalDate.of(2029, 3, 30))).isTrue();
    }

    @Test
    void aFileWithoutEnglandAndWalesIsRefusedNamingIt(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("holidays.json");
        Files.writeString(file, "{\"scotland\":{\"division\":\"scotland\",\"events\":[]}}");

        assertThatThrownBy(() -> BacsCalendar.fromFile(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("england-and-wales");
    }
}
