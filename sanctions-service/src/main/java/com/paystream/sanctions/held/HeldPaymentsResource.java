package com.paystream.sanctions.held;

import com.paystream.events.InboundHeldPaymentRejected;
import com.paystream.events.OutboundHeldPaymentRejected;
import com.paystream.events.OutboundHeldPaymentReleased;
import com.paystream.events.InboundHeldPaymentReleased;
import com.paystream.events.PaymentEvent;
import com.paystream.events.PaymentStreams;
import com.paystream.infrastructure.correlation.CorrelationId;
import com.paystream.infrastructure.problem.NotFoundProblem;
import com.paystream.infrastructure.problem.RuleViolation;
import com.paystream.infrastructure.problem.ValidationProblem;
import com.paystream.infrastructure.security.Caller;
import com.paystream.infrastructure.security.Roles;
import com.paystream.infrastructure.store.EventStore;
import com.paystream.infrastructure.store.LoadedStream;
import com.paystream.infrastructure.store.RevisionConflictException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The operators' queue of held payments and their decisions. A decision is recorded first in the payment's
 * screening stream, at the revision read (so two operators cannot both decide), then published on the payment's
 * timeline; a second decision is a 409, and it first re-publishes the recorded one in case a crash cut it short.
 * The queue is for sanctions officers, auditors and ops; deciding is for sanctions officers alone, and the decision
 * records who made it from their access token (subject and name).
 */
@Path("/held-payments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class HeldPaymentsResource {
    @Inject
    HeldPayments heldPayments;
    @Inject
    EventStore store;
    @Inject
    CorrelationId correlationId;
    @Inject
    SecurityIdentity identity;

    private final Clock clock = Clock.systemUTC();

    /** Why the operator decides so; who decides is the access token's holder, never a field of the request. */
    public record DecisionRequest(String reason) {
    }

    @GET
    @RolesAllowed({Roles.SANCTIONS_OFFICER, Roles.AUDITOR, Roles.OPS})
    public List<HeldPayments.Held> list() {
        return heldPayments.all();
    }

    @POST
    @Path("/{paymentId}/release")
    @RolesAllowed(Roles.SANCTIONS_OFFICER)
    public ScreeningEvent release(@PathParam("paymentId") String paymentId, DecisionRequest request) {
        return decide(paymentId, request, true);
    }

    @POST
    @Path("/{paymentId}/reject")
    @RolesAllowed(Roles.SANCTIONS_OFFICER)
    public ScreeningEvent reject(@PathParam("paymentId") String paymentId, DecisionRequest request) {
        return decide(paymentId, request, false);
    }

    private ScreeningEvent decide(String paymentId, DecisionRequest request, boolean release) {
        requireReason(request);
        Caller operator = Caller.of(identity);
        LoadedStream<ScreeningEvent> screening = store.load(Screenings.stream(paymentId), Screenings.CODEC);
        ScreeningEvent screened = screening.exists() ? screening.payloads().get(0) : null;
        boolean held = screened instanceof ScreeningDecision decision && decision.held();
        if (!held) {
            throw new NotFoundProblem("No held payment " + paymentId);
        }
        if (screening.payloads().size() > 1) {
            publish(screened, screening.payloads().get(1));
            throw alreadyDecided(paymentId, screening.payloads().get(1));
        }
        Instant at = clock.instant();
        String reason = request.reason().strip();
        ScreeningEvent decision = release
                ? new HeldPaymentReleased(paymentId, operator.subject(), operator.name(), reason, at)
                : new HeldPaymentRejected(paymentId, operator.subject(), operator.name(), reason, at);
        try {
            store.append(Screenings.stream(paymentId), screening.expectedRevision(),
                    correlationId.command("decide:" + paymentId + ":" + (release ? "release" : "reject")),
                    List.of(decision), Screenings.CODEC);
        } catch (RevisionConflictException raced) {
            LoadedStream<ScreeningEvent> now = store.load(Screenings.stream(paymentId), Screenings.CODEC);
            throw alreadyDecided(paymentId, now.payloads().get(now.payloads().size() - 1));
        }
        publish(screened, decision);
        return decision;
    }

    /**
     * The decision on the payment's timeline, in the payment's own flow (inbound or outbound), unless it is there
     * already (a retried or healed publication).
     */
    private void publish(ScreeningEvent screened, ScreeningEvent decision) {
        PaymentEvent event = screened instanceof OutboundPaymentScreened outbound
                ? outboundDecision(outbound, decision) : inboundDecision((PaymentScreened) screened, decision);
        store.appendUnlessPresent(PaymentStreams.payment(screened.paymentId()),
                e -> e instanceof InboundHeldPaymentReleased || e instanceof InboundHeldPaymentRejected
                        || e instanceof OutboundHeldPaymentReleased || e instanceof OutboundHeldPaymentRejected,
                correlationId.command("publish-decision:" + screened.paymentId()), List.of(event));
    }

    private static PaymentEvent inboundDecision(PaymentScreened screened, ScreeningEvent decision) {
        if (decision instanceof HeldPaymentReleased released) {
            return new InboundHeldPaymentReleased(screened.paymentId(), screened.details(), released.operatorId(),
                    released.operatorName(), released.reason(), released.decidedAt());
        }
        HeldPaymentRejected rejected = (HeldPaymentRejected) decision;
        return new InboundHeldPaymentRejected(screened.paymentId(), screened.details().schemeTransactionId(),
                rejected.operatorId(), rejected.operatorName(), rejected.reason(), rejected.decidedAt());
    }

    private static PaymentEvent outboundDecision(OutboundPaymentScreened screened, ScreeningEvent decision) {
        if (decision instanceof HeldPaymentReleased released) {
            return new OutboundHeldPaymentReleased(screened.paymentId(), screened.details(), released.operatorId(),
                    released.operatorName(), released.reason(), released.decidedAt());
        }
        HeldPaymentRejected rejected = (HeldPaymentRejected) decision;
        return new OutboundHeldPaymentRejected(screened.paymentId(), screened.details(), rejected.operatorId(),
                rejected.operatorName(), rejected.reason(), rejected.decidedAt());
    }

    private static RuleViolation alreadyDecided(String paymentId, ScreeningEvent decision) {
        String what = decision instanceof HeldPaymentReleased ? "released" : "rejected";
        return new RuleViolation("held-payment-already-decided", "Payment " + paymentId + " was already " + what);
    }

    private static void requireReason(DecisionRequest request) {
        if (request == null || request.reason() == null || request.reason().isBlank()) {
            throw ValidationProblem.field("reason", "a decision needs a reason");
        }
    }
}
