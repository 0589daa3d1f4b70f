package com.paystream.scheme.status;

import com.paystream.events.EventTypes;
import com.paystream.events.PaymentEvent;
import com.paystream.events.PaymentStreams;
import com.paystream.infrastructure.problem.NotFoundProblem;
import com.paystream.infrastructure.problem.ValidationProblem;
import com.paystream.infrastructure.store.EventStore;
import com.paystream.infrastructure.store.LoadedStream;
import com.paystream.infrastructure.store.StoredEvent;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.util.List;

/** A payment's status and its whole timeline, read straight from its {@code payment-{id}} stream. */
@Path("/payments")
@Produces(MediaType.APPLICATION_JSON)
public class PaymentsResource {
    @Inject
    EventStore store;
    @Inject
    PaymentStatuses statuses;

    public record TimelineEntry(long revision, String type, Instant recordedAt, PaymentEvent event) {
    }

    public record PaymentView(String paymentId, String status, long revision, List<TimelineEntry> timeline) {
    }

    /** Payments by status, e.g. {@code ?status=HELD} (all without it), from the status read model. */
    @GET
    public List<PaymentStatuses.Summary> list(@QueryParam("status") String status) {
        if (status != null && !PaymentStatus.NAMES.contains(status)) {
            throw ValidationProblem.field("status", "must be one of " + PaymentStatus.NAMES);
        }
        return statuses.withStatus(status);
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
                stored.created(), stored.event());
    }
}
