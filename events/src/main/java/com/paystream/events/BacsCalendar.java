package com.paystream.events;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The scheme's processing calendar and its three-day cycle. Bacs processes on weekdays that are not England and Wales
 * bank holidays. The bank holidays come from GOV.UK's official list ({@code bank-holidays.json}, division
 * {@code england-and-wales}; bundled, or a newer copy of the same format from a file); a year outside the list is
 * worked out from the standing rules ({@link EnglandAndWalesBankHolidays}) with a warning that it is computed, not
 * official.
 *
 * <p>The cycle: a payment's processing date is day 2, the day Bacs processes it and the destination bank receives it;
 * its entry day, day 3, is the next processing day, when the credit is applied to the account. The scheme's "today"
 * is the date in London ({@link #today(Clock)}).
 *
 * <p>Shared by the scheme gateway, which checks deliveries against it, the scheme simulator and everything else that
 * sends payments.
 */
public final class BacsCalendar {
    /** Where the scheme's days begin and end. */
    public static final ZoneId SCHEME_ZONE = ZoneId.of("Europe/London");
    /** The division of GOV.UK's list that Bacs follows. */
    public static final String DIVISION = "england-and-wales";
    private static final String BUNDLED = "bank-holidays.json";
    private static final String BUNDLED_SOURCE = "bundled GOV.UK bank-holidays.json (" + DIVISION
            + ", fetched 2025-08-17)";
    private static final System.Logger LOG = System.getLogger(BacsCalendar.class.getName());

    private final Set<LocalDate> official;
    private final Coverage coverage;
    private final Map<Integer, Set<LocalDate>> computed = new ConcurrentHashMap<>();

    /** Which years the official list covers, and where it comes from. */
    public record Coverage(int firstYear, int lastYear, String source) {
    }

    /**
     * A calendar with these official bank holidays; the years from the earliest to the latest of them count as
     * covered, other years are computed.
     */
    public BacsCalendar(Set<LocalDate> officialHolidays, String source) {
        if (officialHolidays.isEmpty()) {
            throw new IllegalArgumentException("No bank holidays in " + source);
        }
        this.official = Set.copyOf(officialHolidays);
        TreeSet<LocalDate> sorted = new TreeSet<>(officialHolidays);
        this.coverage = new Coverage(sorted.first().getYear(), sorted.last().getYear(), source);
    }

    private static final class Bundled {
        static final BacsCalendar CALENDAR = load();

        private static BacsCalendar load() {
            try (InputStream in = BacsCalendar.class.getResourceAsStream(BUNDLED)) {
                if (in == null) {
                    throw new IllegalStateException(BUNDLED + " is missing");
                }
                return new BacsCalendar(read(in, BUNDLED), BUNDLED_SOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The bundled calendar: GOV.UK's official list as shipped. */
    public static BacsCalendar englandAndWales() {
        return Bundled.CALENDAR;
    }

    /**
     * The calendar of a file in GOV.UK's {@code bank-holidays.json} format (a newer copy of the official list).
     *
     * @throws IllegalArgumentException when the file cannot be read or holds no England and Wales bank holidays
     */
    public static BacsCalendar fromFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new BacsCalendar(read(in, file.toString()), file + " (file last modified "
                    + Files.getLastModifiedTime(file).toInstant() + ")");
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the bank holidays file " + file + ": " + e.getMessage(), e);
        }
    }

    private static Set<LocalDate> read(InputStream in, String source) throws IOException {
        JsonNode events = EventJson.mapper().readTree(in).path(DIVISION).path("events");
        if (!events.isArray() || events.isEmpty()) {
            throw new IllegalArgumentException(source + " has no " + DIVISION + " events: not GOV.UK's "
                    + "bank-holidays.json format");
        }
        Set<LocalDate> dates = new TreeSet<>();
        for (JsonNode event : events) {
            try {
                dates.add(LocalDate.parse(event.path("date").asText()));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(source + ": " + DIVISION + " event " + event
                        + " has no date (YYYY-MM-DD)", e);
            }
        }
        return dates;
    }

    /** The scheme's today: the date in London now. */
    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), SCHEME_ZONE);
    }

    public Coverage coverage() {
        return coverage;
    }

    /** Whether the official list covers {@code year} (otherwise its bank holidays are computed). */
    public boolean isOfficial(int year) {
        return year >= coverage.firstYear() && year <= coverage.lastYear();
    }

    /** The bank holidays of {@code year}: official where the list covers it, else computed from the rules. */
    public Set<LocalDate> bankHolidays(int year) {
        if (isOfficial(year)) {
            Set<LocalDate> ofYear = new TreeSet<>();
            official.stream().filter(day -> day.getYear() == year).forEach(ofYear::add);
            return ofYear;
        }
        return computed(year);
    }

    private Set<LocalDate> computed(int year) {
        return computed.computeIfAbsent(year, y -> {
            LOG.log(System.Logger.Level.WARNING, "England and Wales bank holidays of {0} are computed from the "
                    + "standing rules, not official: the list ({1}) covers {2}-{3}; refresh it "
                    + "(scheme.calendar.bank-holidays-path)", String.valueOf(y), coverage.source(),
                    String.valueOf(coverage.firstYear()), String.valueOf(coverage.lastYear()));
            return Collections.unmodifiableSortedSet(new TreeSet<>(EnglandAndWalesBankHolidays.of(y)));
        });
    }

    public boolean isProcessingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) {
            return false;
        }
        return isOfficial(date.getYear()) ? !official.contains(date) : !computed(date.getYear()).contains(date);
    }

    /** The date itself when it is a processing day, else the next one. */
    public LocalDate processingDayOnOrAfter(LocalDate date) {
        LocalDate day = date;
        while (!isProcessingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** The date itself when it is a processing day, else the one before. */
    public LocalDate processingDayOnOrBefore(LocalDate date) {
        LocalDate day = date;
        while (!isProcessingDay(day)) {
            day = day.minusDays(1);
        }
        return day;
    }

    /** The first processing day after {@code date}. */
    public LocalDate nextProcessingDay(LocalDate date) {
        return processingDayOnOrAfter(date.plusDays(1));
    }

    /** The last processing day before {@code date}. */
    public LocalDate previousProcessingDay(LocalDate date) {
        return processingDayOnOrBefore(date.minusDays(1));
    }

    /** Day 3 of a payment processed on {@code processingDate}: the next processing day, when it is credited. */
    public LocalDate entryDay(LocalDate processingDate) {
        return nextProcessingDay(processingDate);
    }

    /**
     * The latest entry day on or before {@code today}: today on a processing day, else the processing day before. A
     * credit whose entry day is earlier is over.
     */
    public LocalDate latestEntryDay(LocalDate today) {
        return processingDayOnOrBefore(today);
    }

    /** The processing date whose entry day is the latest one on or before {@code today}: credited at once. */
    public LocalDate processingDateForLatestEntry(LocalDate today) {
        return previousProcessingDay(latestEntryDay(today));
    }
}
