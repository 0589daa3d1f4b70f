package com.paystream.events;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * England and Wales bank holidays of a year worked out from the standing rules, for a year the official list does not
 * cover: New Year's Day, Good Friday, Easter Monday, the first Monday of May (early May), the last Mondays of May
 * (spring) and August (summer), Christmas Day and Boxing Day; a holiday falling on a weekend moves to the next
 * weekday that is not already a holiday (so Christmas on a Saturday is kept on Monday 27th, Boxing Day on Tuesday
 * 28th). A one-off holiday proclaimed for a year (a coronation, a jubilee) or a moved one is only in the official list.
 */
public final class EnglandAndWalesBankHolidays {
    private EnglandAndWalesBankHolidays() {
    }

    /** The bank holidays of {@code year} by the standing rules. */
    public static SortedSet<LocalDate> of(int year) {
        SortedSet<LocalDate> holidays = new TreeSet<>();
        holidays.add(substitute(LocalDate.of(year, Month.JANUARY, 1), holidays));
        LocalDate easter = easterSunday(year);
        holidays.add(easter.minusDays(2));
        holidays.add(easter.plusDays(1));
        LocalDate may = LocalDate.of(year, Month.MAY, 1);
        holidays.add(may.with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)));
        holidays.add(may.with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
        holidays.add(LocalDate.of(year, Month.AUGUST, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
        holidays.add(substitute(LocalDate.of(year, Month.DECEMBER, 25), holidays));
        holidays.add(substitute(LocalDate.of(year, Month.DECEMBER, 26), holidays));
        return holidays;
    }

    /**
     * Easter Sunday in the Gregorian calendar, by the anonymous Gregorian computus (Meeus/Jones/Butcher), the rule
     * the Church of England's table of Easter follows.
     */
    public static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    /** The day itself on a weekday that is no holiday yet, else the next such weekday. */
    private static LocalDate substitute(LocalDate day, Set<LocalDate> taken) {
        LocalDate kept = day;
        while (kept.getDayOfWeek() == DayOfWeek.SATURDAY || kept.getDayOfWeek() == DayOfWeek.SUNDAY
                || taken.contains(kept)) {
            kept = kept.plusDays(1);
        }
        return kept;
    }
}
