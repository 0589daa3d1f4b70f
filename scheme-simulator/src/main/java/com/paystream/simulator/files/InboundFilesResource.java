package com.paystream.simulator.files;

import com.paystream.events.BacsCalendar;
import com.paystream.infrastructure.api.SharedResponses;
import com.paystream.infrastructure.problem.FieldError;
import com.paystream.infrastructure.problem.NotFoundProblem;
import com.paystream.infrastructure.problem.UpstreamProblem;
import com.paystream.infrastructure.problem.ValidationProblem;
import com.paystream.infrastructure.security.Roles;
import com.paystream.infrastructure.store.EventStore;
import com.paystream.simulator.config.SimulatorConfig;
import com.paystream.simulator.generate.Standard18FileMaker;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The scheme's Standard 18 files: make one for a batch of credits and upload it to the bank, send one again exactly as
 * first sent, read what was recorded, or just get a file (for people, and the ingest benchmark). Every file takes a
 * serial number of its own ({@link FileSerials}).
 */
@Path("/simulator/inbound-files")
@Tag(name = "Scheme: inbound files", description = "The scheme sends the bank Bacs Standard 18 files of credits")
@Produces(MediaType.APPLICATION_JSON)
public class InboundFilesResource {
    private static final BacsCalendar CALENDAR = BacsCalendar.englandAndWales();

    @Inject
    FileDeliveries deliveries;
    @Inject
    FileSerials serials;
    @Inject
    EventStore store;
    @Inject
    SimulatorConfig config;
    @Inject
    Clock clock;

    private final SecureRandom seeds = new SecureRandom();

    /** {@code originators}: how many service users' groups the credits are spread over (default 3, at most 50). */
    public record FileRequest(Integer credits, Integer originators) {
    }

    public record Recorded(String serialNumber, List<SchemeFileEvent> events) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SCHEME)
    @Operation(summary = "Send the bank a Standard 18 file", description = "Makes a file of the credits asked for, "
            + "spread over several originators' groups, each with its contra, and (with two originators or more) a "
            + "group of Direct Debits; records it and uploads it to the bank's gateway; answers the bank's reply.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "file", value = """
            {"credits":200,"originators":3}""")))
    @APIResponse(responseCode = "201", description = "Sent, with the bank's answer (Location: the record)",
            content = @Content(schema = @Schema(implementation = FileDeliveries.FileDelivery.class)))
    @APIResponse(responseCode = "502", description = "Recorded as sent, but the bank's gateway gave no usable answer "
            + "(scheme-delivery-failed)")
    @APIResponse(responseCode = "503", ref = SharedResponses.STORE_UNAVAILABLE)
    public Response send(FileRequest request) {
        Standard18FileMaker.Plan plan = plan(request == null ? null : request.credits(),
                request == null ? null : request.originators());
        return answer(deliveries.send(plan));
    }

    @POST
    @Path("/{serialNumber}/resend")
    @RolesAllowed(Roles.SCHEME)
    @Operation(summary = "Send a file again", description = "Uploads the file again exactly as first sent, as the "
            + "scheme may: the bank must create nothing new.")
    @APIResponse(responseCode = "201", description = "Sent again, with the bank's answer",
            content = @Content(schema = @Schema(implementation = FileDeliveries.FileDelivery.class)))
    @APIResponse(responseCode = "404", description = "The scheme never sent this file")
    @APIResponse(responseCode = "502", description = "Recorded as sent, but the bank's gateway gave no usable answer "
            + "(scheme-delivery-failed)")
    @APIResponse(responseCode = "503", ref = SharedResponses.STORE_UNAVAILABLE)
    public Response resend(@PathParam("serialNumber") String serialNumber) {
        SchemeFileSent first = recorded(serialNumber).stream().filter(SchemeFileSent.class::isInstance)
                .map(SchemeFileSent.class::cast).findFirst()
                .orElseThrow(() -> new NotFoundProblem("The scheme never sent file " + serialNumber));
        return answer(deliveries.send(FileDeliveries.planOf(first)));
    }

    @GET
    @Path("/{serialNumber}")
    @RolesAllowed({Roles.SCHEME, Roles.AUDITOR, Roles.OPS})
    @Operation(summary = "Read what the scheme recorded of a file", description = "Everything recorded for it, in "
            + "order: each upload and the bank's answer to it.")
    @APIResponse(responseCode = "200", description = "The file's record",
            content = @Content(schema = @Schema(implementation = Recorded.class)))
    @APIResponse(responseCode = "404", description = "The scheme has no record of this file")
    @APIResponse(responseCode = "503", ref = SharedResponses.STORE_UNAVAILABLE)
    public Recorded get(@PathParam("serialNumber") String serialNumber) {
        List<SchemeFileEvent> events = recorded(serialNumber);
        if (events.isEmpty()) {
            throw new NotFoundProblem("The scheme has no record of file " + serialNumber);
        }
        return new Recorded(serialNumber, events);
    }

    @GET
    @Path("/sample")
    @Produces(MediaType.TEXT_PLAIN)
    @RolesAllowed(Roles.SCHEME)
    @Operation(summary = "Make a Standard 18 file without sending it", description = "The file a send would make, "
            + "written as it is made (any size, never held): for people to read, and for the ingest benchmark to "
            + "upload itself. It takes a serial number of its own, so it can be uploaded as it is.")
    @APIResponse(responseCode = "200", description = "The file, one record a line",
            content = @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "503", ref = SharedResponses.STORE_UNAVAILABLE)
    public Response sample(
            @Parameter(description = "Credits in the file", example = "200") @QueryParam("credits") Integer credits,
            @Parameter(description = "Originators' groups (default 3)", example = "3")
            @QueryParam("originators") Integer originators) {
        Standard18FileMaker.Plan plan = plan(credits, originators);
        StreamingOutput file = output -> {
            Writer out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.US_ASCII), 64 * 1024);
            deliveries.write(plan, out);
            out.flush();
        };
        return Response.ok(file, MediaType.TEXT_PLAIN_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + plan.serialNumber() + ".s18\"").build();
    }

    /** A checked plan under a new serial number, for today's processing day. */
    private Standard18FileMaker.Plan plan(Integer credits, Integer originators) {
        int groups = originators == null ? 3 : originators;
        List<FieldError> errors = new ArrayList<>();
        if (credits == null || credits < 1 || credits > config.files().maxCredits()) {
            errors.add(new FieldError("credits", "must be from 1 to " + config.files().maxCredits()));
        }
        if (groups < 1 || groups > 50 || credits != null && credits >= 1 && groups > credits) {
            errors.add(new FieldError("originators", "must be from 1 to 50, and no more than the credits"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationProblem(errors);
        }
        LocalDate today = BacsCalendar.today(clock);
        return new Standard18FileMaker.Plan(serials.next(), Standard18FileMaker.processingDay(CALENDAR, today), today,
                credits, groups, seeds.nextLong());
    }

    private List<SchemeFileEvent> recorded(String serialNumber) {
        return store.load(SchemeFiles.stream(serialNumber), SchemeFiles.CODEC).payloads();
    }

    /** 201 with the record's location; 502 when the gateway gave no usable answer (recorded all the same). */
    private static Response answer(FileDeliveries.FileDelivery delivery) {
        if (delivery.failure() != null) {
            throw new UpstreamProblem("scheme-delivery-failed", "File " + delivery.serialNumber() + " is recorded "
                    + "as sent but the bank's gateway gave no usable answer: " + delivery.failure());
        }
        return Response.created(URI.create("/simulator/inbound-files/" + delivery.serialNumber()))
                .entity(delivery).build();
    }
}
