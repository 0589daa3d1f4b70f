package com.paystream.sanctions.imports;

import com.paystream.infrastructure.api.SharedResponses;
import com.paystream.infrastructure.correlation.CorrelationId;
import com.paystream.infrastructure.problem.Problem;
import com.paystream.infrastructure.problem.ValidationProblem;
import com.paystream.infrastructure.security.Caller;
import com.paystream.infrastructure.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Sanctions officers import a publication of an official list (OFAC's SDN list, the UK Sanctions List) as the file
 * its publisher serves: checked whole, refused whole with a report when anything is wrong, otherwise only what changed
 * since the list's last import is written ({@link SanctionsListImports}).
 */
@Path("/sanctions-lists/imports")
@Tag(name = "Sanctioned names", description = "The list every payment is screened against")
@Produces(MediaType.APPLICATION_JSON)
public class SanctionsListImportsResource {
    static final String PATH = "/sanctions-lists/imports";
    private static final String REFUSED = "sanctions-list-file-refused";

    @Inject
    SanctionsListImports imports;
    @Inject
    CorrelationId correlationId;
    @Inject
    SecurityIdentity identity;

    @Schema(description = "What an import did")
    public record ImportView(
            @Schema(description = "IMPORTED: a new publication, its changes written; RESUMED: this publication "
                    + "again, the rest of its interrupted import written; NO_CHANGES: the list holds this "
                    + "publication already, nothing was written") SanctionsListImports.Outcome outcome,
            @Schema(description = "The file's format", examples = "ofac-sdn") String source,
            @Schema(description = "The publication: format, header date, first 16 hex digits of the file's SHA-256",
                    examples = "ofac-sdn:2026-12-01:9f86d081884c7d65") String publicationId,
            @Schema(description = "The publication's date, from the file's header") LocalDate publishedOn,
            @Schema(description = "Entries in the file") int entries,
            @Schema(description = "Entries put on the list") int added,
            @Schema(description = "Listed entries whose details changed") int changed,
            @Schema(description = "Listed entries of this source no longer in the file, taken off") int removed) {
        static ImportView of(SanctionsListImports.Result result) {
            return new ImportView(result.outcome(), result.source(), result.publicationId(), result.publishedOn(),
                    result.entries(), result.added(), result.changed(), result.removed());
        }
    }

    @Schema(description = "A refused list file: an RFC 9457 problem with its report")
    public record Refusal(String type, String title, int status, String detail, String instance,
                          @Schema(description = "Problems found in all") long problemCount,
                          @Schema(description = "The first 100 problems: line, entry id, why") List<FileProblem> problems) {
    }

    @POST
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML, MediaType.APPLICATION_OCTET_STREAM})
    @RolesAllowed(Roles.SANCTIONS_OFFICER)
    @Operation(summary = "Import an official sanctions list", description = "Takes a publication of OFAC's SDN list "
            + "(sdn.xml, format=ofac-sdn) or of the FCDO's UK Sanctions List (UK-Sanctions-List.xml, "
            + "format=uk-sanctions-list), as the publisher serves it (docs/operations.md). The file is checked whole "
            + "first: one with any problem (another root or namespace, truncated, an entry without id or name, an id "
            + "twice, a record count that does not match) is refused with its report and nothing is written. Then "
            + "only what changed against the entries listed from that source is written: the import record, and one "
            + "event per entry added, changed or removed. Entries of other sources (the seed, names added by hand) "
            + "are not touched. The same publication again writes nothing.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_XML,
            schema = @Schema(type = SchemaType.STRING, description = "The list file as published")))
    @APIResponse(responseCode = "201", description = "Imported: its changes are on the list",
            content = @Content(schema = @Schema(implementation = ImportView.class)))
    @APIResponse(responseCode = "200", description = "This publication was imported before: nothing new "
            + "(NO_CHANGES), or the rest of an interrupted import (RESUMED)",
            content = @Content(schema = @Schema(implementation = ImportView.class)))
    @APIResponse(responseCode = "409", description = "The list changed while the import was written "
            + "(concurrent-modification); import the file again")
    @APIResponse(responseCode = "422", description = "The file has problems and is refused whole "
            + "(sanctions-list-file-refused), with its report; nothing was written",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Refusal.class)))
    @APIResponse(responseCode = "503", ref = SharedResponses.STORE_UNAVAILABLE)
    public Response importList(
            @Parameter(description = "The file's format", required = true, example = "ofac-sdn",
                    schema = @Schema(enumeration = {"ofac-sdn", "uk-sanctions-list"}))
            @QueryParam("format") String format,
            InputStream body) {
        ListFormat listFormat = ListFormat.of(format).orElseThrow(() -> ValidationProblem.field("format",
                "is required: one of " + Arrays.stream(ListFormat.values()).map(ListFormat::id)
                        .collect(Collectors.joining(", "))));
        SanctionsListImports.Result result;
        try {
            result = imports.importFile(listFormat, body, Caller.of(identity), correlationId.value());
        } catch (SanctionsListImports.Refused refused) {
            return refused(refused.file());
        }
        return Response.status(result.outcome() == SanctionsListImports.Outcome.IMPORTED ? 201 : 200)
                .entity(ImportView.of(result)).build();
    }

    private static Response refused(OfficialList file) {
        String detail = "The " + file.format().id() + " file has " + file.problemCount()
                + (file.problemCount() == 1 ? " problem" : " problems") + " and is refused whole; nothing was "
                + "imported" + (file.problemCount() > file.problems().size() ? " (the first "
                + file.problems().size() + " are listed)" : "");
        return Response.status(422).type(Problem.MEDIA_TYPE).entity(new Refusal(Problem.type(REFUSED),
                "List file refused", 422, detail, PATH, file.problemCount(), file.problems())).build();
    }
}
