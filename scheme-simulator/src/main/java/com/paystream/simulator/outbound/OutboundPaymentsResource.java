package com.paystream.simulator.outbound;

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
    public List<ReceivedOutboundPayments.Payment> list() {
        return received.all();
    }

    @GET
    @Path("/{schemeTransactionId}")
    @RolesAllowed({Roles.SCHEME, Roles.AUDITOR, Roles.OPS})
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
    public Settled settleDue(@QueryParam("asOf") String asOf) {
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
    public Intake intake() {
        return new Intake(intake.isOpen());
    }

    /** Closes ({@code {"open":false}}: a simulated outage, submissions answered 503) or reopens the scheme's intake. */
    @PUT
    @Path("/intake")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SCHEME)
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
    public SettlementMode settlementMode() {
        return new SettlementMode(settlement.mode().name());
    }

    /** Switches how the scheme settles, until the next restart (which goes back to the configured mode). */
    @PUT
    @Path("/settlement-mode")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SCHEME)
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
