package com.paystream.scheme.status;

import com.paystream.events.EventTypes;
import com.paystream.events.InboundHeldPaymentRejected;
import com.paystream.events.InboundHeldPaymentReleased;
import com.paystream.events.InboundPaymentAccountCheckFailed;
import com.paystream.events.InboundPaymentAccountChecked;
import com.paystream.events.InboundPaymentBalanceUpdated;
import com.paystream.events.InboundPaymentFailed;
import com.paystream.events.InboundPaymentHeld;
import com.paystream.events.InboundPaymentReceived;
import com.paystream.events.InboundPaymentReturned;
import com.paystream.events.InboundPaymentSanctionsCleared;
import com.paystream.events.InboundPaymentValidated;
import com.paystream.events.PaymentEvent;
import com.paystream.events.PaymentStreams;
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
import java.util.Map;

/** A payment's status and its whole timeline, read straight from its {@code payment-{id}} stream. */
@Path("/payments")
@Produces(MediaType.APPLICATION_JSON)
public class PaymentsResource {
    private static final Map<Class<? extends PaymentEvent>, String> STATUS = Map.ofEntries(
            Map.entry(InboundPaymentReceived.class, "RECEIVED"),
            Map.entry(InboundPaymentValidated.class, "VALIDATED"),
            Map.entry(InboundPaymentReturned.class, "RETURNED"),
            Map.entry(InboundPaymentSanctionsCleared.class, "SANCTIONS_CLEARED"),
            Map.entry(InboundPaymentHeld.class, "HELD"),
            Map.entry(InboundHeldPaymentReleased.class, "RELEASED"),
            Map.entry(InboundHeldPaymentRejected.class, "REJECTED"),
            Map.entry(InboundPaymentAccountChecked.class, "ACCOUNT_CHECKED"),
            Map.entry(InboundPaymentAccountCheckFailed.class, "ACCOUNT_CHECK_FAILED"),
            Map.entry(InboundPaymentBalanceUpdated.class, "COMPLETED"),
            Map.entry(InboundPaymentFailed.class, "FAILED"));

    @Inject
    EventStore store;

    public record TimelineEntry(long revision, String type, Instant recordedAt, PaymentEvent event) {
    }

    public record PaymentView(String paymentId, String status, long revision, List<TimelineEntry> timeline) {
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
        return new PaymentView(id, STATUS.get(last.getClass()), stream.revision(), timeline);
    }

    private static TimelineEntry entry(StoredEvent<PaymentEvent> stored) {
        return new TimelineEntry(stored.revision(), EventTypes.nameOf(stored.event().getClass()),
                stored.created(), stored.event());
    }
}
