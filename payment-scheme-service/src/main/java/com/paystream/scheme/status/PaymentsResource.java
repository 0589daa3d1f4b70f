package com.paystream.scheme.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.paystream.events.EventTypes;
import com.paystream.events.PaymentEvent;
import com.paystream.events.PaymentStreams;
import com.paystream.infrastructure.problem.NotFoundProblem;
import com.paystream.infrastructure.problem.ValidationProblem;
import com.paystream.infrastructure.security.Roles;
import com.paystream.infrastructure.store.EventStore;
import com.paystream.infrastructure.store.LoadedStream;
import com.paystream.infrastructure.store.StoredEvent;
import com.paystream.infrastructure.api.SharedResponses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;

/**
 * A payment's status and its whole timeline, read straight from its {@code payment-{id}} stream. For the bank's staff
 * who read payments (auditors, ops, sanctions and account officers); customers see their payments in accounts-service.
 */
@Path("/payments")
@Tag(name = "Payments", description = "Every payment's status and its timeline, for the bank's staff")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.AUDITOR, Roles.OPS, Roles.SANCTIONS_OFFICER, Roles.ACCOUNT_OFFICER})
public class PaymentsResource {
    @Inject
    EventStore store;
    @Inject
    PaymentStatuses statuses;
    @Inject
    SanctionsScreenings screenings;

    /** One event of the payment's story: which, when, and the correlation and cause it was written with. */
    public record TimelineEntry(long revision, String type, Instant recordedAt, String correlationId,
                                String causationId, PaymentEvent event) {
    }

    public record PaymentView(String paymentId, String status, long revision, List<TimelineEntry> timeline) {
    }

    /**
     * The audit trail: every event of the payment's timeline (written by each service in turn), and the screening
     * decision with its matches, scores and the operator's release or reject, as sanctions-service recorded it
     * ({@code screening} null with a {@code screeningNote} saying why when there is none to show).
     */
    public record AuditTrail(String paymentId, String status, long revision, List<TimelineEntry> timeline,
                             JsonNode screening, String screeningNote) {
    }

    /**
     * Payments from the status read model, oldest first: all, or those matching every filter given, e.g.
     * {@code ?status=HELD}, {@code ?schemeTransactionId=…}, {@code ?correlationId=…}.
     */
    @GET
    @Operation(summary = "List payments", description = "Payments with their status, oldest first: all of them, or "
            + "those matching every filter given. From the status read model, which may trail the latest events "
            + "briefly.")
    @APIResponse(responseCode = "200", description = "The payments, oldest first")
    public List<PaymentStatuses.Summary> list(
            @Parameter(description = "Only payments in this status, e.g. HELD", example = "HELD")
            @QueryParam("status") String status,
            @Parameter(description = "Only the payment the scheme sent with this transaction id")
            @QueryParam("schemeTransactionId") String schemeTransactionId,
            @Parameter(description = "Only payments carrying this correlation id")
            @QueryParam("correlationId") String correlationId) {
        if (status != null && !PaymentStatus.NAMES.contains(status)) {
            throw ValidationProblem.field("status", "must be one of " + PaymentStatus.NAMES);
        }
        return statuses.find(new PaymentStatuses.Query(status, blankToNull(schemeTransactionId),
                blankToNull(correlationId)));
    }

    @GET
    @Path("/{id}/timeline")
    @Operation(summary = "Read a payment's audit trail", description = "Every event of the payment's timeline, "
            + "written by each service in turn, with the sanctions screening as sanctions-service recorded it: its "
            + "matches, scores and the operator's release or reject.")
    @APIResponse(responseCode = "200", description = "The payment's status, timeline and screening")
    @APIResponse(responseCode = "404", description = "No payment with this id")
    @APIResponse(responseCode = "503", ref = SharedResponses.STORE_UNAVAILABLE)
    public AuditTrail timeline(@PathParam("id") String id) {
        PaymentView payment = get(id);
        SanctionsScreenings.Answer screening = screenings.of(id);
        return new AuditTrail(id, payment.status(), payment.revision(), payment.timeline(), screening.screening(),
                screening.note());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a payment", description = "The payment's status and every event of its timeline, "
            + "straight from its events.")
    @APIResponse(responseCode = "200", description = "The payment's status and timeline")
    @APIResponse(responseCode = "404", description = "No payment with this id")
    @APIResponse(responseCode = "503", ref = SharedResponses.STORE_UNAVAILABLE)
    public PaymentView get(@PathParam("id") String id) {
        LoadedStream<PaymentEvent> stream = store.load(PaymentStreams.payment(id));
        if (!stream.exists()) {
            throw new NotFoundProblem("No payment " + id);
        }
        List<TimelineEntry> timeline = stream.events().stream().map(PaymentsResource::entry).toList();
        PaymentEvent last = stream.payloads().get(stream.payloads().size() - 1);
        return new PaymentView(id, PaymentStatus.of(last), stream.revision(), timeline);
    }

    private static TimelineEntry entry(StoredEvent<PaymentEvent> stored) {
        return new TimelineEntry(stored.revision(), EventTypes.nameOf(stored.event().getClass()),
                stored.created(), stored.metadata().correlationId(), stored.metadata().causationId(), stored.event());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
