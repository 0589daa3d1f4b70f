package com.paystream.scheme.inbound;

import com.paystream.events.InboundPaymentDetails;
import com.paystream.events.InboundPaymentReceived;
import com.paystream.events.Money;
import com.paystream.events.Party;
import com.paystream.events.PaymentEvent;
import com.paystream.events.PaymentStreams;
import com.paystream.infrastructure.correlation.CorrelationId;
import com.paystream.infrastructure.problem.FieldError;
import com.paystream.infrastructure.problem.RuleViolation;
import com.paystream.infrastructure.problem.ValidationProblem;
import com.paystream.infrastructure.security.Roles;
import com.paystream.infrastructure.api.SharedResponses;
import com.paystream.infrastructure.store.EventStore;
import com.paystream.infrastructure.store.LoadedStream;
import com.paystream.infrastructure.store.RevisionConflictException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The scheme delivers inbound payments here. Delivery is idempotent on the scheme's transaction id: the payment id
 * derives from it, and the first event is written only where the payment's stream does not exist yet. Only the scheme
 * delivers (its token's role {@code scheme}).
 */
@Path("/inbound-payments")
@Tag(name = "Inbound payments", description = "The scheme delivers inbound payments to the bank")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InboundPaymentsResource {
    @Inject
    EventStore store;
    @Inject
    CorrelationId correlationId;

    @Inject
    Clock clock;

    public record PartyRequest(String name, String sortCode, String accountNumber) {
    }

    public record AmountRequest(Long minorUnits, String currency) {
    }

    public record InboundPaymentRequest(String schemeTransactionId, PartyRequest originator,
                                        PartyRequest beneficiary, AmountRequest amount, String reference,
                                        LocalDate processingDate) {
    }

    public record Accepted(String paymentId, String schemeTransactionId, String status) {
    }

    /** The payment id for a scheme transaction id: the same delivery always names the same payment. */
    static String paymentIdOf(String schemeTransactionId) {
        return Receipts.paymentIdOf(schemeTransactionId);
    }

    @POST
    @RolesAllowed(Roles.SCHEME)
    @Operation(summary = "Deliver an inbound payment", description = "The scheme delivers a payment for one of the "
            + "bank's accounts. It is received at once and checked afterwards (validated, screened for sanctions, "
            + "its account checked, then credited, held or returned): follow it at Location. Delivering the same "
            + "transaction again changes nothing and names the same payment.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "payment", value = """
            {"schemeTransactionId":"SIM-4F2A9C01B7D3E865","originator":{"name":"ACME SUPPLIES LTD",
             "sortCode":"200000","accountNumber":"55779911"},"beneficiary":{"name":"Carol Jones",
             "sortCode":"400000","accountNumber":"12345678"},"amount":{"minorUnits":12550,"currency":"GBP"},
             "reference":"INV 20931","processingDate":"2026-11-24"}""")))
    @APIResponse(responseCode = "202", description = "Received: the payment is being processed (Location: its "
            + "status)", content = @Content(schema = @Schema(implementation = Accepted.class)))
    @APIResponse(responseCode = "200", description = "This transaction was delivered before with the same details: "
            + "the same payment (status ALREADY_RECEIVED)",
            content = @Content(schema = @Schema(implementation = Accepted.class)))
    @APIResponse(responseCode = "409", description = "This transaction was delivered before with other details "
            + "(scheme-transaction-reused)")
    @APIResponse(responseCode = "503", ref = SharedResponses.STORE_UNAVAILABLE)
    public Response receive(InboundPaymentRequest request) {
        InboundPaymentDetails details = validShape(request);
        String paymentId = paymentIdOf(details.schemeTransactionId());
        String stream = PaymentStreams.payment(paymentId);
        try {
            // written only if the payment is new: a repeated or racing delivery meets the first one's stream and is
            // answered from it (its event ids are its own, so a repeat is never taken for this write)
            store.append(Receipts.firstWrite(details, correlationId.command("receive:" + paymentId).unique(),
                    clock.instant()));
        } catch (RevisionConflictException raced) {
            return repeatedDelivery(stream, paymentId, details);
        }
        return Response.accepted(new Accepted(paymentId, details.schemeTransactionId(), "RECEIVED"))
                .location(URI.create("/payments/" + paymentId)).build();
    }

    /** The scheme delivered this transaction before: the same details are the same payment, others a conflict. */
    private Response repeatedDelivery(String stream, String paymentId, InboundPaymentDetails details) {
        LoadedStream<PaymentEvent> existing = store.load(stream);
        PaymentEvent first = existing.payloads().isEmpty() ? null : existing.payloads().get(0);
        if (first instanceof InboundPaymentReceived received && received.details().equals(details)) {
            return Response.ok(new Accepted(paymentId, details.schemeTransactionId(), "ALREADY_RECEIVED"))
                    .location(URI.create("/payments/" + paymentId)).build();
        }
        throw new RuleViolation("scheme-transaction-reused", "Scheme transaction " + details
                .schemeTransactionId() + " was already delivered with different details");
    }

    /** Every field present and of the right form (the scheme's own rules are checked after receipt). */
    private static InboundPaymentDetails validShape(InboundPaymentRequest request) {
        if (request == null) {
            throw ValidationProblem.field("body", "an inbound payment is required");
        }
        List<FieldError> errors = new ArrayList<>();
        requireText(errors, "schemeTransactionId", request.schemeTransactionId());
        requireParty(errors, "originator", request.originator());
        requireParty(errors, "beneficiary", request.beneficiary());
        if (request.amount() == null || request.amount().minorUnits() == null || request.amount().minorUnits() <= 0) {
            errors.add(new FieldError("amount.minorUnits", "is required: pence, a whole number above zero"));
        }
        if (request.amount() == null || request.amount().currency() == null
                || !request.amount().currency().matches("[A-Z]{3}")) {
            errors.add(new FieldError("amount.currency", "must be an ISO 4217 code such as GBP"));
        }
        if (request.reference() == null) {
            errors.add(new FieldError("reference", "is required"));
        }
        if (request.processingDate() == null) {
            errors.add(new FieldError("processingDate", "is required (YYYY-MM-DD)"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationProblem(errors);
        }
        return new InboundPaymentDetails(request.schemeTransactionId().strip(), party(request.originator()),
                party(request.beneficiary()), new Money(request.amount().minorUnits(), request.amount().currency()),
                request.reference(), request.processingDate());
    }

    private static void requireText(List<FieldError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
        }
    }

    private static void requireParty(List<FieldError> errors, String field, PartyRequest party) {
        if (party == null) {
            errors.add(new FieldError(field, "is required"));
            return;
        }
        requireText(errors, field + ".name", party.name());
        if (party.sortCode() == null || !party.sortCode().matches("\\d{6}")) {
            errors.add(new FieldError(field + ".sortCode", "must be 6 digits as a string"));
        }
        if (party.accountNumber() == null || !party.accountNumber().matches("\\d{8}")) {
            errors.add(new FieldError(field + ".accountNumber", "must be 8 digits as a string"));
        }
    }

    private static Party party(PartyRequest party) {
        return new Party(party.name(), party.sortCode(), party.accountNumber());
    }
}
