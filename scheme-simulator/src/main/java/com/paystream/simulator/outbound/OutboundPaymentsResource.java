package com.paystream.simulator.outbound;

import com.paystream.infrastructure.api.SharedResponses;
import com.paystream.events.BacsCalendar;
import com.paystream.events.Money;
import com.paystream.events.Party;
import com.paystream.infrastructure.problem.FieldError;
import com.paystream.infrastructure.problem.NotFoundProblem;
import com.paystream.infrastructure.problem.RuleViolation;
import com.paystream.infrastructure.problem.UnavailableProblem;
import com.paystream.infrastructure.problem.UpstreamProblem;
import com.paystream.infrastructure.problem.ValidationProblem;
import com.paystream.infrastructure.security.Roles;
import com.paystream.infrastructure.store.Causation;
import com.paystream.infrastructure.store.EventStore;
import com.paystream.infrastructure.store.Expected;
import com.paystream.infrastructure.store.LoadedStream;
import com.paystream.simulator.config.SimulatorConfig;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The scheme's side of outbound payments: it receives them from the bank (idempotent on the transaction id), settles
 * them (see {@link OutboundSettlement}) and can return them to the bank with an ARUCS code within the return window.
 * Only the bank's gateway submits (role {@code bank-gateway}); the scheme works the controls (settle, intake, mode,
 * return); the scheme, auditors and ops read.
 */
@Path("/simulator/outbound-payments")
@Tag(name = "Scheme: outbound payments", description = "The scheme takes the bank's outbound payments, settles them "
        + "and may return them")
@Produces(MediaType.APPLICATION_JSON)
public class OutboundPaymentsResource {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Set<String> ARUCS_CODES = Set.of("0", "2", "3", "5", "B", "C");

    @Inject
    EventStore store;
    @Inject
    ReceivedOutboundPayments received;
    @Inject
    OutboundSettlement settlement;
    @Inject
    BankNotifications bank;
    @Inject
    SimulatorConfig config;
    @Inject
    SchemeIntake intake;

    @Inject
    Clock clock;
    private final BacsCycle cycle = new BacsCycle(BacsCalendar.englandAndWales());

    public record PartyBody(String name, String sortCode, String accountNumber) {
    }

    public record AmountBody(Long minorUnits, String currency) {
    }

    /** What the bank submits. */
    public record Submission(String schemeTransactionId, String paymentId, PartyBody originator,
                             PartyBody beneficiary, AmountBody amount, String reference) {
    }

    public record Accepted(String schemeTransactionId, String paymentId, LocalDate entryDay) {
    }

    public record ReturnRequest(String reasonCode, String detail) {
    }

    public record Settled(LocalDate asOf, int settled) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.BANK_GATEWAY)
    @Operation(summary = "Submit an outbound payment to the scheme", description = "The bank's gateway submits a "
            + "payment; the scheme gives it an entry day. Submitting the same transaction again answers the same.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "submission", value = """
            {"schemeTransactionId":"OUT-7C1D","paymentId":"3f1c9a52-8d2e-4a57-b0e4-5b1f2a7c9d10",
             "originator":{"name":"CAROL JONES","sortCode":"400000","accountNumber":"12345678"},
             "beneficiary":{"name":"HOMES LETTING LTD","sortCode":"601234","accountNumber":"87654321"},
             "amount":{"minorUnits":95000,"currency":"GBP"},"reference":"RENT NOV"}""")))
    @APIResponse(responseCode = "201", description = "Taken (Location: the scheme's record)",
            content = @Content(schema = @Schema(implementation = Accepted.class)))
    @APIResponse(responseCode = "200", description = "Submitted before with the same details: the same",
            content = @Content(schema = @Schema(implementation = Accepted.class)))
    @APIResponse(responseCode = "409", description = "Submitted before with other details "
            + "(scheme-transaction-reused), or no bank has the beneficiary's sort code (unknown-sort-code)")
    @APIResponse(responseCode = "503", description = "The scheme is not taking submissions (scheme-outage, a "
            + "simulated outage), or the event store cannot be reached; nothing was taken")
    public Response receive(Submission submission) {
        if (!intake.isOpen()) {
            throw new UnavailableProblem("scheme-outage", "The scheme is not taking submissions (simulated outage)");
        }
        SchemeOutboundReceived payment = valid(submission);
        String stream = SchemeOutbound.stream(payment.schemeTransactionId());
        LoadedStream<SchemeOutboundEvent> known = store.load(stream, SchemeOutbound.CODEC);
        if (known.exists()) {
            SchemeOutboundReceived first = (SchemeOutboundReceived) known.payloads().get(0);
            if (!first.paymentId().equals(payment.paymentId()) || !first.amount().equals(payment.amount())
                    || !first.beneficiary().equals(payment.beneficiary())) {
                throw new RuleViolation("scheme-transaction-reused", "Transaction " + payment.schemeTransactionId()
                        + " was submitted before with other details");
            }
            return Response.ok(new Accepted(first.schemeTransactionId(), first.paymentId(), first.entryDay()))
                    .build();
        }
        if (config.outbound().unknownSortCodes().contains(payment.beneficiary().sortCode())) {
            throw new RuleViolation("unknown-sort-code", "The scheme has no bank with sort code "
                    + payment.beneficiary().sortCode());
        }
        store.append(stream, Expected.noStream(), Causation.command("scheme-receive:"
                + payment.schemeTransactionId(), payment.paymentId()), List.of(payment), SchemeOutbound.CODEC);
        return Response.created(URI.create("/simulator/outbound-payments/" + payment.schemeTransactionId()))
                .entity(new Accepted(payment.schemeTransactionId(), payment.paymentId(), payment.entryDay())).build();
    }

    @GET
    @RolesAllowed({Roles.SCHEME, Roles.AUDITOR, Roles.OPS})
    @Operation(summary = "List the outbound payments the scheme took", description = "With their entry day, "
            + "settlement and any return. From a read model, which may trail the latest briefly.")
    @APIResponse(responseCode = "200", description = "The outbound payments")
    public List<ReceivedOutboundPayments.Payment> list() {
        return received.all();
    }

    @GET
    @Path("/{schemeTransactionId}")
    @RolesAllowed({Roles.SCHEME, Roles.AUDITOR, Roles.OPS})
    @Operation(summary = "Read what the scheme recorded of an outbound payment", description = "Received, settled, "
            + "returned: in order.")
    @APIResponse(responseCode = "200", description = "The scheme's record of the payment")
    @APIResponse(responseCode = "404", description = "The scheme never received this transaction")
    @APIResponse(responseCode = "503", ref = SharedResponses.STORE_UNAVAILABLE)
    public List<SchemeOutboundEvent> get(@PathParam("schemeTransactionId") String transactionId) {
        List<SchemeOutboundEvent> events = store.load(SchemeOutbound.stream(transactionId), SchemeOutbound.CODEC)
                .payloads();
        if (events.isEmpty()) {
            throw new NotFoundProblem("The scheme never received transaction " + transactionId);
        }
        return events;
    }

    /** Settles every payment whose entry day is on or before {@code asOf} (default: today). */
    @POST
    @Path("/settle-due")
    @RolesAllowed(Roles.SCHEME)
    @Operation(summary = "Settle the payments that are due", description = "Settles every payment whose entry day "
            + "is on or before the day given (today by default), and tells the bank.")
    @APIResponse(responseCode = "200", description = "How many were settled")
    @APIResponse(responseCode = "503", ref = SharedResponses.STORE_UNAVAILABLE)
    public Settled settleDue(@Parameter(description = "The day to settle as of, YYYY-MM-DD (default: today)",
            example = "2026-11-26") @QueryParam("asOf") String asOf) {
        LocalDate day = asOf == null ? today() : parse(asOf);
        return new Settled(day, settlement.settleDue(day));
    }

    public record SettlementMode(String mode) {
    }

    public record Intake(Boolean open) {
    }

    /** Whether the scheme takes submissions now. */
    @GET
    @Path("/intake")
    @RolesAllowed({Roles.SCHEME, Roles.AUDITOR, Roles.OPS})
    @Operation(summary = "Is the scheme taking submissions?")
    @APIResponse(responseCode = "200", description = "Whether the intake is open")
    public Intake intake() {
        return new Intake(intake.isOpen());
    }

    /** Closes ({@code {"open":false}}: a simulated outage, submissions answered 503) or reopens the scheme's intake. */
    @PUT
    @Path("/intake")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SCHEME)
    @Operation(summary = "Open or close the scheme's intake", description = "Closed: a simulated outage, "
            + "submissions are answered 503 until it opens again.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "close", value = """
            {"open":false}""")))
    @APIResponse(responseCode = "200", description = "The intake now")
    public Intake switchIntake(Intake body) {
        if (body == null || body.open() == null) {
            throw ValidationProblem.field("open", "must be true or false");
        }
        intake.set(body.open());
        return new Intake(intake.isOpen());
    }

    /** How the scheme settles now: IMMEDIATE, or BACS_CYCLE (on the entry day). */
    @GET
    @Path("/settlement-mode")
    @RolesAllowed({Roles.SCHEME, Roles.AUDITOR, Roles.OPS})
    @Operation(summary = "How does the scheme settle now?", description = "IMMEDIATE, or BACS_CYCLE (on the entry "
            + "day).")
    @APIResponse(responseCode = "200", description = "The settlement mode")
    public SettlementMode settlementMode() {
        return new SettlementMode(settlement.mode().name());
    }

    /** Switches how the scheme settles, until the next restart (which goes back to the configured mode). */
    @PUT
    @Path("/settlement-mode")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SCHEME)
    @Operation(summary = "Switch how the scheme settles", description = "Until the next restart, which goes back to "
            + "the configured mode.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "cycle", value = """
            {"mode":"BACS_CYCLE"}""")))
    @APIResponse(responseCode = "200", description = "The settlement mode now")
    public SettlementMode switchSettlementMode(SettlementMode body) {
        SimulatorConfig.Outbound.Settlement mode = java.util.Arrays.stream(SimulatorConfig.Outbound.Settlement
                        .values()).filter(m -> body != null && m.name().equals(body.mode())).findFirst()
                .orElseThrow(() -> ValidationProblem.field("mode", "must be IMMEDIATE or BACS_CYCLE"));
        settlement.switchTo(mode);
        return new SettlementMode(mode.name());
    }

    /** The scheme returns a payment to the bank with an ARUCS code, within the return window. */
    @POST
    @Path("/{schemeTransactionId}/return")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SCHEME)
    @Operation(summary = "Return an outbound payment to the bank", description = "With an ARUCS reason code, "
            + "within the return window; the bank is told and credits the account back. Returning it again answers "
            + "the first return.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "return", value = """
            {"reasonCode":"2","detail":"Account closed"}""")))
    @APIResponse(responseCode = "200", description = "Returned",
            content = @Content(schema = @Schema(implementation = SchemeOutboundReturned.class)))
    @APIResponse(responseCode = "404", description = "The scheme never received this transaction")
    @APIResponse(responseCode = "409", description = "The return window has closed (return-window-closed)")
    @APIResponse(responseCode = "502", description = "The bank did not take the return (bank-notification-failed); "
            + "nothing was recorded")
    @APIResponse(responseCode = "503", ref = SharedResponses.STORE_UNAVAILABLE)
    public Response returnPayment(@PathParam("schemeTransactionId") String transactionId, ReturnRequest request) {
        if (request == null || request.reasonCode() == null || !ARUCS_CODES.contains(request.reasonCode())) {
            throw ValidationProblem.field("reasonCode", "must be an ARUCS reason code, one of " + ARUCS_CODES);
        }
        String stream = SchemeOutbound.stream(transactionId);
        LoadedStream<SchemeOutboundEvent> known = store.load(stream, SchemeOutbound.CODEC);
        if (!known.exists()) {
            throw new NotFoundProblem("The scheme never received transaction " + transactionId);
        }
        SchemeOutboundReceived payment = (SchemeOutboundReceived) known.payloads().get(0);
        Optional<SchemeOutboundReturned> earlier = known.payloads().stream()
                .filter(SchemeOutboundReturned.class::isInstance).map(SchemeOutboundReturned.class::cast).findFirst();
        if (earlier.isPresent()) {
            return Response.ok(earlier.get()).build();
        }
        LocalDate lastDay = cycle.lastReturnDay(payment.entryDay(), config.outbound().returnWindowDays());
        if (today().isAfter(lastDay)) {
            throw new RuleViolation("return-window-closed", "Transaction " + transactionId + " could be returned "
                    + "until " + lastDay);
        }
        String detail = request.detail() == null || request.detail().isBlank() ? "Returned by the scheme"
                : request.detail().strip();
        bank.returned(payment.paymentId(), request.reasonCode(), detail).ifPresent(refused -> {
            throw new UpstreamProblem("bank-notification-failed", "The bank did not take the return: " + refused);
        });
        SchemeOutboundReturned returned = new SchemeOutboundReturned(transactionId, request.reasonCode(), detail,
                clock.instant());
        store.append(stream, known.expected(), Causation.command("scheme-return:" + transactionId,
                payment.paymentId()), List.of(returned), SchemeOutbound.CODEC);
        return Response.ok(returned).build();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), LONDON);
    }

    private static LocalDate parse(String date) {
        try {
            return LocalDate.parse(date);
        } catch (RuntimeException e) {
            throw ValidationProblem.field("asOf", "must be a date, YYYY-MM-DD");
        }
    }

    private SchemeOutboundReceived valid(Submission body) {
        if (body == null) {
            throw ValidationProblem.field("body", "a submission is required");
        }
        List<FieldError> errors = new ArrayList<>();
        if (body.schemeTransactionId() == null || body.schemeTransactionId().isBlank()) {
            errors.add(new FieldError("schemeTransactionId", "is required"));
        }
        if (body.paymentId() == null || body.paymentId().isBlank()) {
            errors.add(new FieldError("paymentId", "is required"));
        }
        party(errors, "originator", body.originator());
        party(errors, "beneficiary", body.beneficiary());
        if (body.amount() == null || body.amount().minorUnits() == null || body.amount().minorUnits() <= 0
                || !"GBP".equals(body.amount().currency())) {
            errors.add(new FieldError("amount", "must be a GBP amount above zero, in pence"));
        }
        if (body.reference() == null) {
            errors.add(new FieldError("reference", "is required"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationProblem(errors);
        }
        Instant now = clock.instant();
        return new SchemeOutboundReceived(body.schemeTransactionId().strip(), body.paymentId().strip(),
                asParty(body.originator()), asParty(body.beneficiary()), Money.pence(body.amount().minorUnits()),
                body.reference(), cycle.entryDay(LocalDate.ofInstant(now, LONDON)), now);
    }

    private static void party(List<FieldError> errors, String field, PartyBody party) {
        if (party == null || party.name() == null || party.name().isBlank()) {
            errors.add(new FieldError(field + ".name", "is required"));
        }
        if (party == null || party.sortCode() == null || !party.sortCode().matches("\\d{6}")) {
            errors.add(new FieldError(field + ".sortCode", "must be 6 digits"));
        }
        if (party == null || party.accountNumber() == null || !party.accountNumber().matches("\\d{8}")) {
            errors.add(new FieldError(field + ".accountNumber", "must be 8 digits"));
        }
    }

    private static Party asParty(PartyBody party) {
        return new Party(party.name(), party.sortCode(), party.accountNumber());
    }
}
