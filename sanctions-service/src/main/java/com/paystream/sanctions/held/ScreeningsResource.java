package com.paystream.sanctions.held;

import com.paystream.events.SanctionsMatch;
import com.paystream.infrastructure.problem.NotFoundProblem;
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
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.util.List;

/**
 * A payment's screening as this service decided it, straight from its private {@code screening-{id}} stream: every
 * match with its score, the threshold and list revision, and the operator's decision on a held payment. Other
 * services read it here, never from the stream: sanctions officers, auditors (payment-scheme-service's own token is
 * one), ops and account officers.
 */
@Path("/screenings")
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
        static OperatorDecision of(ScreeningEvent event) {
            if (event instanceof HeldPaymentReleased released) {
                return new OperatorDecision("RELEASED", released.operatorId(),
                        nameOr(released.operatorName(), released.operatorId()), released.reason(),
                        released.decidedAt());
            }
            if (event instanceof HeldPaymentRejected rejected) {
                return new OperatorDecision("REJECTED", rejected.operatorId(),
                        nameOr(rejected.operatorName(), rejected.operatorId()), rejected.reason(),
                        rejected.decidedAt());
            }
            return null;
        }

        private static String nameOr(String name, String operatorId) {
            return name == null ? operatorId : name;
        }
    }

    public record ScreeningView(String paymentId, String direction, boolean held, List<SanctionsMatch> matches,
                                double threshold, long listRevision, Instant screenedAt,
                                OperatorDecision decision, long revision) {
    }

    @GET
    @Path("/{paymentId}")
    @RolesAllowed({Roles.SANCTIONS_OFFICER, Roles.AUDITOR, Roles.OPS, Roles.ACCOUNT_OFFICER})
    public ScreeningView get(@PathParam("paymentId") String paymentId) {
        LoadedStream<ScreeningEvent> stream = store.load(Screenings.stream(paymentId), Screenings.CODEC);
        if (!stream.exists()) {
            throw new NotFoundProblem("Payment " + paymentId + " has not been screened");
        }
        OperatorDecision decision = null;
        for (StoredEvent<ScreeningEvent> stored : stream.events()) {
            OperatorDecision made = OperatorDecision.of(stored.event());
            if (made != null) {
                decision = made;
            }
        }
        ScreeningEvent first = stream.payloads().get(0);
        if (!(first instanceof ScreeningDecision screened)) {
            throw new IllegalStateException("The screening of " + paymentId + " starts with "
                    + first.getClass().getSimpleName());
        }
        return new ScreeningView(paymentId, first instanceof OutboundPaymentScreened ? "OUTBOUND" : "INBOUND",
                screened.held(), screened.matches(), screened.threshold(), screened.listRevision(),
                screened.screenedAt(), decision, stream.revision());
    }
}
