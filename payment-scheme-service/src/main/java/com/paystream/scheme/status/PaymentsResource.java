package com.paystream.scheme.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.paystream.events.EventTypes;
import com.paystream.events.PaymentEvent;
import com.paystream.events.PaymentStreams;
import com.paystream.infrastructure.api.SharedResponses;
import com.paystream.infrastructure.paging.Pages;
import com.paystream.infrastructure.problem.NotFoundProblem;
import com.paystream.infrastructure.problem.ValidationProblem;
import com.paystream.infrastructure.security.Roles;
import com.paystream.infrastructure.store.EventStore;
import com.paystream.infrastructure.store.LoadedStream;
import com.paystream.infrastructure.store.StoredEvent;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

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

    /** How many payments stand at each status, of those matching the filters (every filter but {@code status}). */
    public record StatusCounts(long total, Map<String, Long> byStatus) {
    }

    /**
     * Payments from the status read model, newest first: all, or those matching every filter given. With
     * {@code limit}, a page at a time: a {@code Link} header ({@code rel="next"}) gives the next page while there is
     * one.
     */
    @GET
    @Operation(summary = "List payments, newest first",
            description = "Inbound and outbound payments as they stand now, newest first (by when they started), "
                    + "filtered by status, direction, when they started, amount, a party's sort code and account "
                    + "number, the scheme's transaction id or the correlation id. Give limit to read a page at a time: "
                    + "while there are more, the Link header (rel=\"next\") names the next page (its before "
                    + "parameter is the last payment of this page). The list may trail the latest events briefly.")
    @APIResponse(responseCode = "200", description = "The matching payments, newest first",
            headers = @Header(name = "Link", description = "The next page, when limit is given and there are more",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = PaymentStatuses.Summary.class)))
    public Response list(@BeanParam PaymentSearch search, @Context UriInfo uri) {
        PaymentQuery query = search.query();
        Integer limit = search.limit();
        List<PaymentStatuses.Summary> found = statuses.find(query);
        String before = search.before();
        if (before != null) {
            PaymentStatuses.Summary last = statuses.get(before).filter(query::matches).orElseThrow(() ->
                    ValidationProblem.field("before", "must be a payment of the page before (its paymentId)"));
            found = found.stream().filter(p -> PaymentStatuses.NEWEST_FIRST.compare(p, last) > 0).toList();
        }
        return Pages.ok(found, limit, uri, "before", PaymentStatuses.Summary::paymentId);
    }

    @GET
    @Path("/counts")
    @Operation(summary = "Count payments by status",
            description = "How many payments stand at each status now, of those matching the filters (the same as "
                    + "the list's, status excepted, so each status can be offered with its count), and in all.")
    @APIResponse(responseCode = "200", description = "The counts, by status (statuses with no payment left out)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = StatusCounts.class)))
    public StatusCounts counts(@BeanParam PaymentSearch search) {
        List<PaymentStatuses.Summary> found = statuses.find(search.query().withStatus(null));
        Map<String, Long> byStatus = found.stream().collect(Collectors.groupingBy(PaymentStatuses.Summary::status,
                TreeMap::new, Collectors.counting()));
        return new StatusCounts(found.size(), byStatus);
    }

    @GET
    @Path("/changes")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Follow payments as they change",
            description = "Server-sent events: each payment as the list shows it, every time it changes (a new "
                    + "payment, a new status), from the moment of the call on. A listener that falls behind loses the "
                    + "changes it could not take: read the list again to catch up.")
    @APIResponse(responseCode = "200", description = "One event per change, its data the payment as listed",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
                    schema = @Schema(implementation = PaymentStatuses.Summary.class)))
    public Multi<PaymentStatuses.Summary> changes() {
        return statuses.changes();
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

}
