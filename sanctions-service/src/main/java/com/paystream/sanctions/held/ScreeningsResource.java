package com.paystream.sanctions.held;

import com.paystream.events.SanctionsMatch;
import com.paystream.infrastructure.problem.NotFoundProblem;
import com.paystream.infrastructure.store.EventStore;
import com.paystream.infrastructure.store.LoadedStream;
import com.paystream.infrastructure.store.StoredEvent;
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
 * services read it here, never from the stream.
 */
@Path("/screenings")
@Produces(MediaType.APPLICATION_JSON)
public class ScreeningsResource {
    @Inject
    EventStore store;

    /** An operator's release or reject: who, why, when. */
    public record OperatorDecision(String outcome, String operatorId, String reason, Instant decidedAt) {
    }

    public record ScreeningView(String paymentId, String direction, boolean held, List<SanctionsMatch> matches,
                                double threshold, long listRevision, Instant screenedAt,
                                OperatorDecision decision, long revision) {
    }

    @GET
    @Path("/{paymentId}")
    public ScreeningView get(@PathParam("paymentId") String paymentId) {
        LoadedStream<ScreeningEvent> stream = store.load(Screenings.stream(paymentId), Screenings.CODEC);
        if (!stream.exists()) {
            throw new NotFoundProblem("Payment " + paymentId + " has not been screened");
        }
        OperatorDecision decision = null;
        for (StoredEvent<ScreeningEvent> stored : stream.events()) {
            if (stored.event() instanceof HeldPaymentReleased released) {
                decision = new OperatorDecision("RELEASED", released.operatorId(), released.reason(),
                        released.decidedAt());
            } else if (stored.event() instanceof HeldPaymentRejected rejected) {
                decision = new OperatorDecision("REJECTED", rejected.operatorId(), rejected.reason(),
                        rejected.decidedAt());
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
