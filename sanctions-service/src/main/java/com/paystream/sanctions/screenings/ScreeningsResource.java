package com.paystream.sanctions.screenings;

import com.paystream.infrastructure.api.SharedResponses;
import com.paystream.events.SanctionsMatch;
import com.paystream.infrastructure.problem.NotFoundProblem;
import com.paystream.infrastructure.problem.Revisions;
import com.paystream.infrastructure.security.Roles;
import com.paystream.infrastructure.store.EventStore;
import com.paystream.infrastructure.store.LoadedStream;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;

/**
 * A payment's screening as this service decided it, straight from its private {@code screening-{id}} stream: every
 * match with its score, the threshold and list revision, and the operator's decision on a held payment. Other
 * services read it here, never from the stream: sanctions officers, auditors (payment-scheme-service's own token is
 * one), ops and account officers. The ETag is the stream's revision, for {@code If-Match} on a decision.
 */
@Path("/screenings")
@Tag(name = "Screenings", description = "How each payment was screened against the sanctions list")
@Produces(MediaType.APPLICATION_JSON)
public class ScreeningsResource {
    @Inject
    EventStore store;

    /**
     * An operator's release or reject: who (the subject of their token and their name), why, when. A decision
     * recorded before names were kept shows its {@code operatorId} as the name: it was then the operator's login.
     */
    public record OperatorDecision(String outcome, String operatorId, String operatorName, String reason,
                                   Instant decidedAt) {
        static OperatorDecision of(HeldPaymentDecision decision) {
            return new OperatorDecision(decision.byOutcome(released -> "RELEASED", rejected -> "REJECTED"),
                    decision.operatorId(), decision.operatorName() == null ? decision.operatorId()
                    : decision.operatorName(), decision.reason(), decision.decidedAt());
        }
    }

    public record ScreeningView(String paymentId, String direction, boolean held, List<SanctionsMatch> matches,
                                double threshold, long listRevision, Instant screenedAt,
                                OperatorDecision decision, long revision) {
    }

    @GET
    @Path("/{paymentId}")
    @RolesAllowed({Roles.SANCTIONS_OFFICER, Roles.AUDITOR, Roles.OPS, Roles.ACCOUNT_OFFICER})
    @Operation(summary = "Read a payment's screening", description = "Every match with its score, the threshold and "
            + "list revision used, whether the payment was held, and the operator's decision on a held one. The "
            + "ETag is the screening's revision, for If-Match on a decision.")
    @APIResponse(responseCode = "200", description = "The screening")
    @APIResponse(responseCode = "404", description = "This payment has not been screened")
    @APIResponse(responseCode = "503", ref = SharedResponses.STORE_UNAVAILABLE)
    public RestResponse<ScreeningView> get(@PathParam("paymentId") String paymentId) {
        LoadedStream<ScreeningEvent> stream = store.load(Screenings.stream(paymentId), Screenings.CODEC);
        if (!stream.exists()) {
            throw new NotFoundProblem("Payment " + paymentId + " has not been screened");
        }
        Screening screening = Screening.of(stream.payloads());
        ScreeningDecision screened = screening.screened().orElseThrow(() -> new IllegalStateException(
                "The screening of " + paymentId + " has no screening decision"));
        ScreeningView view = new ScreeningView(paymentId, ScreeningDecision.direction(screened), screened.held(),
                screened.matches(), screened.threshold(), screened.listRevision(), screened.screenedAt(),
                screening.decision().map(OperatorDecision::of).orElse(null), stream.revision());
        return RestResponse.ResponseBuilder.ok(view).header(HttpHeaders.ETAG, Revisions.etag(stream.revision()))
                .build();
    }
}
