package com.paystream.scheme.calendar;

import com.paystream.events.BacsCalendar;
import com.paystream.infrastructure.security.Roles;
import com.paystream.scheme.config.BacsCalendars;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.LocalDate;

/**
 * The Bacs calendar as the scheme gateway applies it today, so that people and scripts need no date arithmetic: above
 * all the processing date to give a payment for it to be credited at once.
 */
@Path("/bacs-calendar")
@Tag(name = "Bacs calendar", description = "Processing days and the three-day cycle, as the gateway applies them")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SCHEME, Roles.AUDITOR, Roles.OPS, Roles.SANCTIONS_OFFICER, Roles.ACCOUNT_OFFICER})
public class BacsCalendarResource {
    @Inject
    BacsCalendars calendars;
    @Inject
    Clock clock;

    @Schema(description = "The scheme's today (the date in London) in the Bacs cycle. A payment's processing date is "
            + "day 2 of the cycle; its entry day, when it is credited, is the next processing day (day 3).")
    public record Today(
            @Schema(description = "The scheme's date today, in London", example = "2026-12-06")
            LocalDate today,
            @Schema(description = "Whether today is a processing day (a weekday that is no England and Wales bank "
                    + "holiday)")
            boolean processingDay,
            @Schema(description = "Today on a processing day, else the processing day before: the latest entry day "
                    + "that has come; a payment whose entry day is earlier is returned as passed",
                    example = "2026-12-04")
            LocalDate latestEntryDay,
            @Schema(description = "The processing date whose entry day is latestEntryDay: a payment delivered with "
                    + "it is credited at once", example = "2026-12-03")
            LocalDate processingDateForLatestEntry,
            @Schema(description = "The next processing day after today; a payment processed then waits, scheduled, "
                    + "for its entry day", example = "2026-12-07")
            LocalDate nextProcessingDay,
            @Schema(description = "The entry day of a payment processed on nextProcessingDay", example = "2026-12-08")
            LocalDate nextProcessingDayEntryDay,
            @Schema(description = "Whether this year's bank holidays come from the official list (else they are "
                    + "computed from the standing rules)")
            boolean officialThisYear) {
    }

    @GET
    @Path("/today")
    @Operation(summary = "Read today's place in the Bacs cycle",
            description = "The scheme's today (the date in London), whether it is a processing day, the latest entry "
                    + "day, the processing date to give a payment for it to be credited at once, and the next "
                    + "processing day with its entry day (a payment processed then is scheduled until that day).")
    @APIResponse(responseCode = "200", description = "Today in the Bacs cycle",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Today.class)))
    public Today today() {
        BacsCalendar calendar = calendars.calendar();
        LocalDate today = BacsCalendar.today(clock);
        LocalDate next = calendar.nextProcessingDay(today);
        return new Today(today, calendar.isProcessingDay(today), calendar.latestEntryDay(today),
                calendar.processingDateForLatestEntry(today), next, calendar.entryDay(next),
                calendar.isOfficial(today.getYear()));
    }
}
