package com.paystream.scheme.outbound;

import com.paystream.events.OutboundPaymentEvent;
import com.paystream.events.OutboundPaymentReturnedByScheme;
import com.paystream.events.OutboundPaymentSentToScheme;
import com.paystream.events.OutboundPaymentSettled;
import com.paystream.events.PaymentEvent;
import com.paystream.events.ReturnReason;
import com.paystream.infrastructure.correlation.CorrelationId;
import com.paystream.infrastructure.problem.NotFoundProblem;
import com.paystream.infrastructure.problem.RuleViolation;
import com.paystream.infrastructure.problem.ValidationProblem;
import com.paystream.infrastructure.security.Roles;
import com.paystream.infrastructure.api.SharedResponses;
import com.paystream.infrastructure.store.LoadedStream;
import com.paystream.infrastructure.store.PaymentTimeline;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What the scheme tells the bank about the outbound payments it was sent: settled, or returned with an ARUCS code.
 * Each notification is recorded once (the same one again answers 200, nothing new); one about a payment the bank never
 * sent is a 404 or a 409. Only the scheme sends these notices (its token's role {@code scheme}).
 */
@Path("/outbound-payments/{paymentId}")
@Tag(name = "Outbound payment notices", description = "The scheme tells the bank what became of the payments it sent")
@APIResponse(responseCode = "404", description = "No payment with this id")
@APIResponse(responseCode = "409", description = "The payment was never sent to the scheme (outbound-payment-not-sent)")
@APIResponse(responseCode = "503", ref = SharedResponses.STORE_UNAVAILABLE)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SCHEME)
public class SchemeNotificationsResource {
    @Inject
    PaymentTimeline timeline;
    @Inject
    CorrelationId correlationId;

    @Inject
    Clock clock;

    public record ReturnNotice(String reasonCode, String detail) {
    }

    public record Recorded(String paymentId, String event, boolean alreadyRecorded) {
    }

    @POST
    @Path("/settlement")
    @Operation(summary = "Notify that an outbound payment settled", description = "The scheme settled a payment "
            + "the bank sent it; recorded once on the payment's timeline.")
    @APIResponse(responseCode = "202", description = "Recorded", content = @Content(schema = @Schema(
            implementation = Recorded.class)))
    @APIResponse(responseCode = "200", description = "Recorded before: nothing new (alreadyRecorded true)",
            content = @Content(schema = @Schema(implementation = Recorded.class)))
    public Response settled(@PathParam("paymentId") String paymentId) {
        LoadedStream<PaymentEvent> payment = timeline.load(paymentId);
        OutboundPaymentSentToScheme sent = sentToScheme(paymentId, payment);
        return record(paymentId, payment, OutboundPaymentSettled.class,
                new OutboundPaymentSettled(paymentId, sent.details(), clock.instant()));
    }

    @POST
    @Path("/return")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Notify that an outbound payment was returned", description = "The scheme returns a "
            + "payment the bank sent, with an ARUCS reason code; recorded once on the payment's timeline, and the "
            + "account is credited back.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "return", value = """
            {"reasonCode":"2","detail":"Account closed"}""")))
    @APIResponse(responseCode = "202", description = "Recorded", content = @Content(schema = @Schema(
            implementation = Recorded.class)))
    @APIResponse(responseCode = "200", description = "Recorded before: nothing new (alreadyRecorded true)",
            content = @Content(schema = @Schema(implementation = Recorded.class)))
    public Response returned(@PathParam("paymentId") String paymentId, ReturnNotice notice) {
        ReturnReason reason = Optional.ofNullable(notice).map(ReturnNotice::reasonCode)
                .flatMap(code -> Arrays.stream(ReturnReason.values()).filter(r -> r.code().equals(code)).findFirst())
                .orElseThrow(() -> ValidationProblem.field("reasonCode", "must be an ARUCS reason code, one of "
                        + Arrays.stream(ReturnReason.values()).map(ReturnReason::code).toList()));
        LoadedStream<PaymentEvent> payment = timeline.load(paymentId);
        OutboundPaymentSentToScheme sent = sentToScheme(paymentId, payment);
        String detail = notice.detail() == null || notice.detail().isBlank() ? reason.description()
                : notice.detail().strip();
        return record(paymentId, payment, OutboundPaymentReturnedByScheme.class,
                new OutboundPaymentReturnedByScheme(paymentId, sent.details(), reason, detail, clock.instant()));
    }

    private static OutboundPaymentSentToScheme sentToScheme(String paymentId, LoadedStream<PaymentEvent> payment) {
        if (!payment.exists()) {
            throw new NotFoundProblem("No payment " + paymentId);
        }
        return payment.payloads().stream().filter(OutboundPaymentSentToScheme.class::isInstance)
                .map(OutboundPaymentSentToScheme.class::cast).findFirst()
                .orElseThrow(() -> new RuleViolation("outbound-payment-not-sent", "Payment " + paymentId
                        + " was not sent to the scheme"));
    }

    private Response record(String paymentId, LoadedStream<PaymentEvent> payment,
                            Class<? extends OutboundPaymentEvent> type, OutboundPaymentEvent event) {
        boolean known = PaymentTimeline.holdsAnyOf(payment, List.of(type));
        if (!known) {
            timeline.append(payment,
                    correlationId.command("scheme-notice:" + type.getSimpleName() + ":" + paymentId), List.of(event));
        }
        Recorded recorded = new Recorded(paymentId, type.getSimpleName(), known);
        return known ? Response.ok(recorded).build() : Response.accepted(recorded).build();
    }
}
