package com.paystream.scheme.files;

import com.paystream.scheme.bacsfile.Standard18Credit;
import com.paystream.scheme.bacsfile.InputReport;
import com.paystream.scheme.bacsfile.Problem;
import com.paystream.scheme.bacsfile.Standard18Ingest;
import com.paystream.infrastructure.api.SharedResponses;
import com.paystream.infrastructure.correlation.CorrelationId;
import com.paystream.infrastructure.problem.NotFoundProblem;
import com.paystream.infrastructure.problem.RuleViolation;
import com.paystream.infrastructure.problem.ValidationProblem;
import com.paystream.infrastructure.security.Roles;
import com.paystream.infrastructure.store.EventStore;
import com.paystream.infrastructure.store.Expected;
import com.paystream.infrastructure.store.LoadedStream;
import com.paystream.infrastructure.store.RevisionConflictException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Consumer;

/**
 * The scheme uploads Standard 18 files here. A file is checked whole before anything is written (refused whole, with
 * its input report, when anything is wrong), recorded once under its identity (VOL1 serial number and processing day),
 * and becomes one payment per credit record, each received as a JSON delivery is. The same file again creates
 * nothing and finishes an ingest that was interrupted; another file under the same identity is refused.
 */
@Path("/inbound-files")
@Tag(name = "Inbound files", description = "The scheme delivers Bacs Standard 18 files of inbound credits")
@Produces(MediaType.APPLICATION_JSON)
public class InboundFilesResource {
    private static final String REFUSED = "bacs-file-refused";

    @Inject
    EventStore store;
    @Inject
    FilePayments payments;
    @Inject
    CorrelationId correlationId;
    @Inject
    Clock clock;

    public enum FileState { INGESTING, INGESTED }

    public enum Outcome { ACCEPTED, RESUMED, ALREADY_INGESTED }

    @Schema(description = "A file the gateway took: its identity, what it holds and how far its payments are made")
    public record FileStatus(
            @Schema(description = "VOL1 serial number", examples = "000123") String serialNumber,
            @Schema(description = "UHL1 processing day", examples = "2026-11-26") LocalDate processingDay,
            @Schema(description = "SHA-256 of the file's bytes, hex") String sha256,
            @Schema(description = "INGESTING until every credit record is a payment, then INGESTED") FileState state,
            int groups,
            @Schema(description = "Credit records (contras excluded): one payment each") long credits,
            long creditTotalPence,
            @Schema(description = "Debit records (Direct Debits): counted, no payment") long debits,
            @Schema(description = "Contra records: counted, no payment") long contras,
            Instant acceptedAt,
            @Schema(description = "When the last payment was made; absent while INGESTING") Instant ingestedAt) {
        static FileStatus of(BacsFileAccepted accepted, BacsFileIngested ingested) {
            return new FileStatus(accepted.serialNumber(), accepted.processingDay(), accepted.sha256(),
                    ingested == null ? FileState.INGESTING : FileState.INGESTED, accepted.groups(),
                    accepted.credits(), accepted.creditTotalPence(), accepted.debits(), accepted.contras(),
                    accepted.acceptedAt(), ingested == null ? null : ingested.ingestedAt());
        }
    }

    @Schema(description = "How an upload was taken")
    public record Upload(
            @Schema(description = "ACCEPTED: a new file; RESUMED: the same file again, whose interrupted ingest this "
                    + "upload finished; ALREADY_INGESTED: the same file again, nothing to do") Outcome outcome,
            @Schema(description = "Payments this upload created (none for a file already ingested)")
            long paymentsCreated,
            FileStatus file) {
    }

    @Schema(description = "A refused file: an RFC 9457 problem with the input report")
    public record Refusal(String type, String title, int status, String detail, String instance,
                          @Schema(description = "Problems found in all") long problemCount,
                          @Schema(description = "The first 1,000 problems: record number (1 is VOL1, 0 the file as "
                                  + "a whole), field and why") List<Problem> problems) {
    }

    @POST
    @Consumes({MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @RolesAllowed(Roles.SCHEME)
    @Operation(summary = "Deliver a Standard 18 file", description = "The scheme uploads a Bacs Standard 18 file "
            + "(docs/bacs-files.md). It is checked whole first: a file with any problem is refused with its input "
            + "report and nothing is written. A file is identified by its VOL1 serial number and UHL1 processing "
            + "day: a new one is recorded and each credit record becomes an inbound payment (processed as a JSON "
            + "delivery is; contras and debits make none). The same file again creates nothing new (and finishes "
            + "an ingest that was interrupted); another file under the same identity is refused.")
    @RequestBody(content = @Content(mediaType = MediaType.TEXT_PLAIN,
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                    description = "The file: labels of 80 characters and data records of 100, one a line")))
    @APIResponse(responseCode = "201", description = "A new file, taken: its payments are made (Location: the "
            + "file's status)", content = @Content(schema = @Schema(implementation = Upload.class)))
    @APIResponse(responseCode = "200", description = "This file was delivered before: nothing new, or the rest of "
            + "an interrupted ingest (RESUMED)", content = @Content(schema = @Schema(implementation = Upload.class)))
    @APIResponse(responseCode = "409", description = "Another file was delivered under this serial number and "
            + "processing day (duplicate-bacs-file); nothing was written")
    @APIResponse(responseCode = "422", description = "The file has problems and is refused whole "
            + "(bacs-file-refused), with its input report; nothing was written",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = Refusal.class)))
    @APIResponse(responseCode = "503", ref = SharedResponses.STORE_UNAVAILABLE)
    public Response upload(InputStream body) throws IOException {
        try (SpooledFile file = SpooledFile.copyOf(body);
             FilePayments.Writer writer = payments.writer(correlationId.value())) {
            Taken taken = new Taken();
            InputReport report = Standard18Ingest.validateThenDecide(file,
                    accepted -> taken.decide(accepted, file.sha256(), writer));
            if (!report.accepted()) {
                return refused(report);
            }
            long created = taken.ingest ? writer.finish() : 0;
            if (taken.ingest) {
                taken.ingested = ingested(taken.stream, taken.accepted, report.credits());
            }
            Upload upload = new Upload(taken.outcome, created, FileStatus.of(taken.accepted, taken.ingested));
            URI location = URI.create("/inbound-files/" + taken.accepted.serialNumber() + "/"
                    + taken.accepted.processingDay());
            return (taken.outcome == Outcome.ACCEPTED ? Response.created(location) : Response.ok().location(location))
                    .entity(upload).build();
        }
    }

    @GET
    @Path("/{serialNumber}/{processingDay}")
    @RolesAllowed({Roles.SCHEME, Roles.AUDITOR, Roles.OPS, Roles.SANCTIONS_OFFICER, Roles.ACCOUNT_OFFICER})
    @Operation(summary = "Read a delivered file's status", description = "What the file holds and whether every "
            + "credit record is a payment yet (INGESTING, INGESTED).")
    @APIResponse(responseCode = "200", description = "The file",
            content = @Content(schema = @Schema(implementation = FileStatus.class)))
    @APIResponse(responseCode = "400", ref = SharedResponses.BAD_REQUEST)
    @APIResponse(responseCode = "404", description = "No file was delivered under this serial number and day")
    @APIResponse(responseCode = "503", ref = SharedResponses.STORE_UNAVAILABLE)
    public FileStatus status(
            @Parameter(description = "VOL1 serial number", example = "000123")
            @PathParam("serialNumber") String serialNumber,
            @Parameter(description = "Processing day, YYYY-MM-DD", example = "2026-11-26")
            @PathParam("processingDay") String processingDay) {
        if (!serialNumber.matches("[A-Z0-9]{6}")) {
            throw ValidationProblem.field("serialNumber", "must be six capital letters or digits");
        }
        LocalDate day;
        try {
            day = LocalDate.parse(processingDay);
        } catch (DateTimeParseException e) {
            throw ValidationProblem.field("processingDay", "must be a date YYYY-MM-DD");
        }
        Recorded recorded = recorded(BacsFiles.stream(serialNumber, day));
        if (recorded.accepted == null) {
            throw new NotFoundProblem("No file " + serialNumber + " was delivered for " + day);
        }
        return FileStatus.of(recorded.accepted, recorded.ingested);
    }

    /** What the file's own stream says; decided once the first reading found the file good. */
    private final class Taken {
        String stream;
        BacsFileAccepted accepted;
        BacsFileIngested ingested;
        Outcome outcome;
        boolean ingest;

        Consumer<Standard18Credit> decide(InputReport report, String sha256, FilePayments.Writer writer) {
            stream = BacsFiles.stream(report.serialNumber(), report.processingDay());
            Recorded recorded = recorded(stream);
            if (recorded.accepted == null) {
                BacsFileAccepted candidate = new BacsFileAccepted(report.serialNumber(), report.processingDay(),
                        sha256, report.groups(), report.credits(), report.creditTotalPence(), report.debits(),
                        report.contras(), clock.instant());
                try {
                    store.append(stream, Expected.noStream(), correlationId.command("accept:" + stream).unique(),
                            List.of(candidate), BacsFiles.CODEC);
                    accepted = candidate;
                    outcome = Outcome.ACCEPTED;
                    ingest = true;
                    return writer;
                } catch (RevisionConflictException raced) {
                    recorded = recorded(stream);
                }
            }
            accepted = recorded.accepted;
            ingested = recorded.ingested;
            if (!accepted.sha256().equals(sha256)) {
                throw new RuleViolation("duplicate-bacs-file", "Duplicate file", "A different file with serial "
                        + "number " + accepted.serialNumber() + " for processing day " + accepted.processingDay()
                        + " was delivered at " + accepted.acceptedAt() + "; a file's serial number and processing "
                        + "day identify it");
            }
            ingest = ingested == null;
            outcome = ingest ? Outcome.RESUMED : Outcome.ALREADY_INGESTED;
            return ingest ? writer : null;
        }
    }

    /** Every credit record is a payment: recorded once (a racing resend may have recorded it first). */
    private BacsFileIngested ingested(String stream, BacsFileAccepted accepted, long credits) {
        BacsFileIngested ingested = new BacsFileIngested(accepted.serialNumber(), credits, clock.instant());
        try {
            store.append(stream, Expected.at(0), correlationId.command("ingested:" + stream).unique(),
                    List.of(ingested), BacsFiles.CODEC);
            return ingested;
        } catch (RevisionConflictException finishedAlready) {
            return recorded(stream).ingested;
        }
    }

    private record Recorded(BacsFileAccepted accepted, BacsFileIngested ingested) {
    }

    private Recorded recorded(String stream) {
        LoadedStream<BacsFileEvent> loaded = store.load(stream, BacsFiles.CODEC);
        BacsFileAccepted accepted = null;
        BacsFileIngested ingested = null;
        for (BacsFileEvent event : loaded.payloads()) {
            if (event instanceof BacsFileAccepted a) {
                accepted = a;
            } else if (event instanceof BacsFileIngested i) {
                ingested = i;
            }
        }
        return new Recorded(accepted, ingested);
    }

    private static Response refused(InputReport report) {
        String detail = "The file has " + report.problemCount() + (report.problemCount() == 1 ? " problem" : " problems")
                + " and is refused whole; nothing was taken"
                + (report.problemCount() > report.problems().size() ? " (the first " + report.problems().size()
                + " are listed)" : "");
        return Response.status(422).type(com.paystream.infrastructure.problem.Problem.MEDIA_TYPE)
                .entity(new Refusal(com.paystream.infrastructure.problem.Problem.type(REFUSED), "File refused", 422,
                        detail, "/inbound-files", report.problemCount(), report.problems())).build();
    }
}
