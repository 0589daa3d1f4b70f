package com.paystream.sanctions.screenings;

import com.paystream.infrastructure.api.SharedResponses;
import com.paystream.infrastructure.correlation.CorrelationId;
import com.paystream.infrastructure.problem.NotFoundProblem;
import com.paystream.infrastructure.problem.Revisions;
import com.paystream.infrastructure.problem.RuleViolation;
import com.paystream.infrastructure.problem.ValidationProblem;
import com.paystream.infrastructure.security.Caller;
import com.paystream.infrastructure.security.Roles;
import com.paystream.infrastructure.store.AppendResult;
import com.paystream.infrastructure.store.Causation;
import com.paystream.infrastructure.store.EventStore;
import com.paystream.infrastructure.store.LoadedStream;
import com.paystream.infrastructure.store.PaymentTimeline;
import com.paystream.infrastructure.store.RevisionConflictException;
import com.paystream.infrastructure.store.StreamWrite;
import com.paystream.sanctions.screenings.DecideHeldPayment.Verdict;
import com.paystream.sanctions.screenings.ScreeningDecider.Decided;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestStreamElementType;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * The operators' queue of held payments and their decisions. A decision is recorded in the payment's screening
 * stream, at the revision read (so two operators cannot both decide), and published on the payment's timeline in the
 * same atomic write; a second decision is a 409.
 * With {@code If-Match: "<revision>"} (the screening stream's revision: each queued payment's {@code revision}, or
 * the ETag of {@code GET /screenings/{paymentId}}) a decision is made only on the screening the operator saw: a
 * stale one is a 412 and writes nothing. The queue is for sanctions officers, auditors and ops; deciding is for
 * sanctions officers alone, and the decision records who made it from their access token (subject and name).
 */
@Path("/held-payments")
@Tag(name = "Held payments", description = "The queue of payments held by sanctions screening, and the operators' "
        + "decisions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class HeldPaymentsResource {
    private static final String ALREADY_DECIDED = "held-payment-already-decided";
    /** Writes tried while only the payment's timeline moves under them (a held payment's timeline is quiet). */
    private static final int TIMELINE_ATTEMPTS = 3;
    private static final String IF_MATCH = "The screening's revision the operator saw (its ETag, or the queue's "
            + "revision): decide only if it is still current";

    @Inject
    HeldPayments heldPayments;
    @Inject
    EventStore store;
    @Inject
    PaymentTimeline timeline;
    @Inject
    CorrelationId correlationId;
    @Inject
    SecurityIdentity identity;

    @Inject
    Clock clock;

    /** Why the operator decides so; who decides is the access token's holder, never a field of the request. */
    public record DecisionRequest(String reason) {
    }

    @GET
    @RolesAllowed({Roles.SANCTIONS_OFFICER, Roles.AUDITOR, Roles.OPS})
    @Operation(summary = "List held payments", description = "Payments held by sanctions screening and waiting for "
            + "an operator's decision, each with its matches and the screening's revision. From a read model, which "
            + "may trail the latest screenings briefly.")
    @APIResponse(responseCode = "200", description = "The held payments")
    public List<HeldPayments.Held> list() {
        return heldPayments.all();
    }

    @GET
    @Path("/changes")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SANCTIONS_OFFICER, Roles.AUDITOR, Roles.OPS})
    @Operation(summary = "Follow the held-payments queue as it changes",
            description = "Server-sent events: each payment as it joins the queue (held by screening, held: true) or "
                    + "leaves it (released or rejected, held: false), from the moment of the call on. Read the queue "
                    + "for the payments themselves.")
    @APIResponse(responseCode = "200", description = "One event per payment joining or leaving the queue",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
                    schema = @Schema(implementation = HeldPayments.Change.class)))
    public Multi<HeldPayments.Change> changes() {
        return heldPayments.changes();
    }

    @POST
    @Path("/{paymentId}/release")
    @RolesAllowed(Roles.SANCTIONS_OFFICER)
    @Operation(summary = "Release a held payment", description = "The operator decides the match is not the "
            + "sanctioned party: the payment goes on to its account check and credit. Recorded with who decided "
            + "(from the access token) and why; irreversible.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "release", value = """
            {"reason":"Different date of birth: not the listed person"}""")))
    @APIResponse(responseCode = "200", description = "Released (ETag: the screening's new revision)",
            content = @Content(schema = @Schema(implementation = HeldPaymentReleased.class)))
    @APIResponse(responseCode = "404", description = "No held payment with this id (never held, or not screened)")
    @APIResponse(responseCode = "409", description = "The payment was decided before (held-payment-already-decided)")
    @APIResponse(responseCode = "412", description = "If-Match names a revision of the screening other than the "
            + "current one: decided or changed since it was read; nothing was written")
    @APIResponse(responseCode = "503", ref = SharedResponses.STORE_UNAVAILABLE)
    public RestResponse<HeldPaymentDecision> release(@PathParam("paymentId") String paymentId,
                                                     @Parameter(description = IF_MATCH, example = "\"1\"")
                                                     @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                                     DecisionRequest request) {
        return decide(paymentId, Verdict.RELEASE, request, ifMatch);
    }

    @POST
    @Path("/{paymentId}/reject")
    @RolesAllowed(Roles.SANCTIONS_OFFICER)
    @Operation(summary = "Reject a held payment", description = "The operator confirms the match: an inbound "
            + "payment fails and is not credited, its funds kept for compliance (not returned to the scheme); an "
            + "outbound payment is never sent and its reservation is released. Recorded with who decided (from the "
            + "access token) and why; irreversible.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "reject", value = """
            {"reason":"Confirmed match with the listed person"}""")))
    @APIResponse(responseCode = "200", description = "Rejected (ETag: the screening's new revision)",
            content = @Content(schema = @Schema(implementation = HeldPaymentRejected.class)))
    @APIResponse(responseCode = "404", description = "No held payment with this id (never held, or not screened)")
    @APIResponse(responseCode = "409", description = "The payment was decided before (held-payment-already-decided)")
    @APIResponse(responseCode = "412", description = "If-Match names a revision of the screening other than the "
            + "current one: decided or changed since it was read; nothing was written")
    @APIResponse(responseCode = "503", ref = SharedResponses.STORE_UNAVAILABLE)
    public RestResponse<HeldPaymentDecision> reject(@PathParam("paymentId") String paymentId,
                                                    @Parameter(description = IF_MATCH, example = "\"1\"")
                                                     @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                                    DecisionRequest request) {
        return decide(paymentId, Verdict.REJECT, request, ifMatch);
    }

    private RestResponse<HeldPaymentDecision> decide(String paymentId, Verdict verdict, DecisionRequest request,
                                                     String ifMatch) {
        Caller operator = Caller.of(identity);
        DecideHeldPayment command = new DecideHeldPayment(paymentId, verdict, operator.subject(), operator.name(),
                request == null ? null : request.reason(), clock.instant());
        LoadedStream<ScreeningEvent> screening = load(paymentId);
        Revisions.requireMatch(ifMatch, screening.revision());
        Decided decided = decideOrRefuse(command, Screening.of(screening.payloads()));
        Causation cause = correlationId.command("decide:" + paymentId + ":" + verdict.name().toLowerCase(Locale.ROOT));
        for (int attempt = 1; ; attempt++) {
            try {
                // the decision and its publication on the payment's timeline, in one atomic write
                AppendResult recorded = store.appendAtomically(
                        StreamWrite.of(Screenings.stream(paymentId), screening.expected(), cause,
                                List.of(decided.recorded()), Screenings.CODEC),
                        timeline.onto(timeline.load(paymentId), cause, List.of(decided.published()))).get(0);
                return RestResponse.ResponseBuilder.ok(decided.recorded())
                        .header(HttpHeaders.ETAG, Revisions.etag(recorded.nextExpectedRevision())).build();
            } catch (RevisionConflictException raced) {
                if (!Screenings.stream(paymentId).equals(raced.stream()) && attempt < TIMELINE_ATTEMPTS) {
                    continue; // the payment's timeline moved between its read and the write: nothing was written
                }
                if (ifMatch != null) {
                    throw raced; // decided by someone else since the revision in If-Match: 412
                }
                throw decidedMeanwhile(command, raced);
            }
        }
    }

    private Decided decideOrRefuse(DecideHeldPayment command, Screening screening) {
        try {
            return ScreeningDecider.decide(command, screening);
        } catch (ScreeningRejection.ReasonRequired refused) {
            throw ValidationProblem.field("reason", refused.getMessage());
        } catch (ScreeningRejection.NotHeld refused) {
            throw new NotFoundProblem(refused.getMessage());
        } catch (ScreeningRejection.AlreadyDecided refused) {
            throw new RuleViolation(ALREADY_DECIDED, refused.getMessage());
        }
    }

    /**
     * Another operator decided between the read and the write: the refusal names their decision (which they publish
     * themselves), or, should the stream have moved otherwise, the conflict stands.
     */
    private RuntimeException decidedMeanwhile(DecideHeldPayment command, RevisionConflictException raced) {
        try {
            ScreeningDecider.decide(command, Screening.of(load(command.paymentId()).payloads()));
            return raced;
        } catch (ScreeningRejection.AlreadyDecided refused) {
            return new RuleViolation(ALREADY_DECIDED, refused.getMessage());
        }
    }

    private LoadedStream<ScreeningEvent> load(String paymentId) {
        return store.load(Screenings.stream(paymentId), Screenings.CODEC);
    }
}
