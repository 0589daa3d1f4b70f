package com.paystream.events;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The scheme's processing calendar: Bacs processes on weekdays that are not England and Wales bank holidays
 * ({@code bacs-bank-holidays.txt}, one ISO date a line). Shared by the scheme gateway, which refuses other dates,
 * and the scheme simulator, which sends on processing days.
 */
public final class BacsCalendar {
    private static final String RESOURCE = "bacs-bank-holidays.txt";
    private static final BacsCalendar ENGLAND_AND_WALES = new BacsCalendar(load());

    private final Set<LocalDate> bankHolidays;

    public BacsCalendar(Set<LocalDate> bankHolidays) {
        this.bankHolidays = Set.copyOf(bankHolidays);
    }

    /** The bundled calendar. */
    public static BacsCalendar englandAndWales() {
        return ENGLAND_AND_WALES;
    }

    public boolean isProcessingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !bankHolidays.contains(date);
    }

    /** The date itself when it is a processing day, else the next one. */
    public LocalDate processingDayOnOrAfter(LocalDate date) {
        LocalDate day = date;
        while (!isProcessingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    private static Set<LocalDate> load() {
        try (InputStream in = BacsCalendar.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII)).lines()
                    .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(LocalDate::parse).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
