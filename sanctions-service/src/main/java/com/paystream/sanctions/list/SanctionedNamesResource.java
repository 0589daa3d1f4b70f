package com.paystream.sanctions.list;

import com.paystream.infrastructure.api.SharedResponses;
import com.paystream.infrastructure.correlation.CorrelationId;
import com.paystream.infrastructure.problem.FieldError;
import com.paystream.infrastructure.problem.NotFoundProblem;
import com.paystream.infrastructure.problem.ValidationProblem;
import com.paystream.infrastructure.security.Caller;
import com.paystream.infrastructure.security.Roles;
import com.paystream.infrastructure.store.AppendResult;
import com.paystream.sanctions.list.SanctionsListCommand.AddSanctionedName;
import com.paystream.sanctions.list.SanctionsListCommand.RemoveSanctionedName;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The sanctioned-names list. Writes go to the list stream; reads come from {@link SanctionsListView}, which follows
 * it (eventually consistent: a name added is listed once the view applied it, normally within milliseconds; the
 * {@code ETag} of a write is the list revision it produced). Sanctions officers and auditors read it; only sanctions
 * officers change it, and each change records who made it from their access token (subject and name).
 */
@Path("/sanctioned-names")
@Tag(name = "Sanctioned names", description = "The list every payment is screened against")
@Produces(MediaType.APPLICATION_JSON)
public class SanctionedNamesResource {
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final int MAX_NAME = 200;

    @Inject
    SanctionsListCommands commands;
    @Inject
    SanctionsListView view;
    @Inject
    CorrelationId correlationId;
    @Inject
    SecurityIdentity identity;

    @Inject
    Clock clock;

    /** The body of {@code POST /sanctioned-names}. */
    public record NewSanctionedName(String name, List<String> aliases, LocalDate dateOfBirth, String country,
                                    String listReference) {
    }

    /**
     * A listed name; {@code addedBy} is the subject of the officer who added it, {@code addedByName} their name (for
     * an entry added before names were kept, {@code addedBy}: it was then the officer's login).
     */
    public record SanctionedNameView(String entryId, String name, List<String> aliases, LocalDate dateOfBirth,
                                     String country, String listReference, Instant addedAt, String addedBy,
                                     String addedByName) {
        static SanctionedNameView of(SanctionedNameAdded added) {
            return new SanctionedNameView(added.entryId(), added.name(), added.aliases(), added.dateOfBirth(),
                    added.country(), added.listReference(), added.addedAt(), added.addedBy(),
                    added.addedByName() == null ? added.addedBy() : added.addedByName());
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SANCTIONS_OFFICER)
    @Operation(summary = "Add a sanctioned name", description = "Puts a name (with its aliases) on the list: every "
            + "payment screened from then on is checked against it. Recorded with who added it (from the access "
            + "token).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "name", value = """
            {"name":"Ivan Petrovich Sidorov","aliases":["Ivan Sidorov","I. P. Sidorov"],"dateOfBirth":"1961-04-12",
             "country":"RU","listReference":"UK-SANC-2024-0117"}""")))
    @APIResponse(responseCode = "201", description = "Listed (Location: the entry; ETag: the list's revision)",
            content = @Content(schema = @Schema(implementation = SanctionedNameView.class)))
    @APIResponse(responseCode = "409", description = "This name is already listed "
            + "(sanctioned-name-already-listed)")
    @APIResponse(responseCode = "503", ref = SharedResponses.STORE_UNAVAILABLE)
    public Response add(NewSanctionedName body, @Context UriInfo uri) {
        validate(body);
        Caller officer = Caller.of(identity);
        String entryId = UUID.randomUUID().toString();
        AddSanctionedName command = new AddSanctionedName(entryId, body.name().trim(),
                body.aliases() == null ? List.of() : body.aliases().stream().map(String::trim).toList(),
                body.dateOfBirth(), body.country(), body.listReference().trim(), clock.instant(),
                officer.subject(), officer.name());
        AppendResult result = commands.handle(command, correlationId.command("add-sanctioned-name:" + entryId));
        SanctionedNameView created = new SanctionedNameView(entryId, command.name(), command.aliases(),
                command.dateOfBirth(), command.country(), command.listReference(), command.at(), command.by(),
                command.byName());
        return Response.created(uri.getAbsolutePathBuilder().path(entryId).build())
                .tag(String.valueOf(result.nextExpectedRevision()))
                .entity(created).build();
    }

    @DELETE
    @Path("/{entryId}")
    @RolesAllowed(Roles.SANCTIONS_OFFICER)
    @Operation(summary = "Remove a sanctioned name", description = "Takes the entry off the list, with the reason; "
            + "payments screened from then on are no longer checked against it. Recorded with who removed it.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No listed entry with this id")
    @APIResponse(responseCode = "503", ref = SharedResponses.STORE_UNAVAILABLE)
    public Response remove(@PathParam("entryId") String entryId,
                           @Parameter(description = "Why the name comes off the list", required = true,
                                   example = "Delisted by HM Treasury notice 2026/14")
                           @QueryParam("reason") String reason) {
        if (reason == null || reason.isBlank()) {
            throw ValidationProblem.field("reason", "is required: why the name comes off the list");
        }
        Caller officer = Caller.of(identity);
        commands.handle(new RemoveSanctionedName(entryId, reason.trim(), clock.instant(), officer.subject(),
                        officer.name()),
                correlationId.command("remove-sanctioned-name:" + entryId + ":" + reason.trim()));
        return Response.noContent().build();
    }

    @GET
    @RolesAllowed({Roles.SANCTIONS_OFFICER, Roles.AUDITOR})
    @Operation(summary = "List sanctioned names", description = "Every name on the list, with who added it and when. "
            + "From a read model, which may trail the latest change briefly.")
    @APIResponse(responseCode = "200", description = "The listed names")
    public List<SanctionedNameView> list() {
        return view.entries().stream().map(SanctionedNameView::of).toList();
    }

    @GET
    @Path("/{entryId}")
    @RolesAllowed({Roles.SANCTIONS_OFFICER, Roles.AUDITOR})
    @Operation(summary = "Read a sanctioned name")
    @APIResponse(responseCode = "200", description = "The listed name")
    @APIResponse(responseCode = "404", description = "No listed entry with this id")
    public SanctionedNameView get(@PathParam("entryId") String entryId) {
        return view.list().entry(entryId).map(SanctionedNameView::of)
                .orElseThrow(() -> new NotFoundProblem("No sanctioned name with entry id " + entryId + " is listed"));
    }

    private static void validate(NewSanctionedName body) {
        if (body == null) {
            throw ValidationProblem.field("body", "is required");
        }
        List<FieldError> errors = new ArrayList<>();
        if (body.name() == null || body.name().isBlank()) {
            errors.add(new FieldError("name", "is required"));
        } else if (body.name().length() > MAX_NAME) {
            errors.add(new FieldError("name", "is at most " + MAX_NAME + " characters"));
        }
        if (body.aliases() != null) {
            for (int i = 0; i < body.aliases().size(); i++) {
                String alias = body.aliases().get(i);
                if (alias == null || alias.isBlank()) {
                    errors.add(new FieldError("aliases[" + i + "]", "must not be blank"));
                }
            }
        }
        if (body.listReference() == null || body.listReference().isBlank()) {
            errors.add(new FieldError("listReference", "is required"));
        }
        if (body.country() != null && !COUNTRY.matcher(body.country()).matches()) {
            errors.add(new FieldError("country", "is an ISO 3166-1 alpha-2 code, e.g. GB"));
        }
        if (body.dateOfBirth() != null && body.dateOfBirth().isAfter(LocalDate.now())) {
            errors.add(new FieldError("dateOfBirth", "is not in the future"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationProblem(errors);
        }
    }
}
