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
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.util.List;

/**
 * A payment's status and its whole timeline, read straight from its {@code payment-{id}} stream. For the bank's staff
 * who read payments (auditors, ops, sanctions and account officers); customers see their payments in accounts-service.
 */
@Path("/payments")
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
    public List<PaymentStatuses.Summary> list(@QueryParam("status") String status,
                                              @QueryParam("schemeTransactionId") String schemeTransactionId,
                                              @QueryParam("correlationId") String correlationId) {
        if (status != null && !PaymentStatus.NAMES.contains(status)) {
            throw ValidationProblem.field("status", "must be one of " + PaymentStatus.NAMES);
        }
        return statuses.find(new PaymentStatuses.Query(status, blankToNull(schemeTransactionId),
                blankToNull(correlationId)));
    }

    @GET
    @Path("/{id}/timeline")
    public AuditTrail timeline(@PathParam("id") String id) {
        PaymentView payment = get(id);
        SanctionsScreenings.Answer screening = screenings.of(id);
        return new AuditTrail(id, payment.status(), payment.revision(), payment.timeline(), screening.screening(),
                screening.note());
    }

    @GET
    @Path("/{id}")
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
