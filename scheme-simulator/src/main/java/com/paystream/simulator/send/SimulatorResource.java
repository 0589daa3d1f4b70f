package com.paystream.simulator.send;

import com.paystream.infrastructure.api.SharedResponses;
import com.paystream.events.BacsCalendar;
import com.paystream.events.InboundPaymentDetails;
import com.paystream.events.Money;
import com.paystream.events.Party;
import com.paystream.infrastructure.problem.FieldError;
import com.paystream.infrastructure.problem.NotFoundProblem;
import com.paystream.infrastructure.problem.UpstreamProblem;
import com.paystream.infrastructure.problem.ValidationProblem;
import com.paystream.infrastructure.security.Roles;
import com.paystream.infrastructure.store.EventStore;
import com.paystream.infrastructure.store.LoadedStream;
import com.paystream.simulator.config.SimulatorConfig;
import com.paystream.simulator.generate.BatchMix;
import com.paystream.simulator.generate.PaymentGenerator;
import com.paystream.simulator.generate.PaymentKind;
import com.paystream.simulator.record.SchemeInbound;
import com.paystream.simulator.record.SchemeInboundEvent;
import com.paystream.simulator.record.SchemePaymentSent;
import com.paystream.simulator.record.SentPayments;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The scheme's side: inject inbound payments into the bank, one or a batch, and see what was sent and returned. The
 * scheme works these controls; the scheme, auditors and ops read what it recorded.
 */
@Path("/simulator")
@Tag(name = "Scheme: inbound payments", description = "The scheme sends the bank inbound payments, one or a batch, "
        + "and records what it sent and what came back")
@Produces(MediaType.APPLICATION_JSON)
public class SimulatorResource {
    @Inject
    PaymentGenerator generator;
    @Inject
    SchemeDeliveries deliveries;
    @Inject
    SentPayments sent;
    @Inject
    EventStore store;
    @Inject
    SimulatorConfig config;
    @Inject
    Clock clock;

    private final Random shuffle = new Random();

    public record PartyRequest(String name, String sortCode, String accountNumber) {
    }

    public record AmountRequest(Long minorUnits, String currency) {
    }

    /** Every field optional: what is missing is generated for the kind (default {@code valid}). */
    public record PaymentRequest(String kind, String schemeTransactionId, PartyRequest originator,
                                 PartyRequest beneficiary, AmountRequest amount, String reference,
                                 LocalDate processingDate) {
    }

    /** {@code mix}: relative weights by kind, e.g. {@code {"valid": 8, "closedAccount": 2}}. */
    public record BatchRequest(Integer count, Map<String, Integer> mix) {
    }

    public record BatchResult(String batchId, int count, Map<PaymentKind, Integer> kinds, int accepted,
                              int refused, int failed, List<SchemeDeliveries.Delivery> payments) {
    }

    public record Recorded(String schemeTransactionId, List<SchemeInboundEvent> events) {
    }

    @POST
    @Path("/inbound-payments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SCHEME)
    @Operation(summary = "Send the bank one inbound payment", description = "Makes a payment of the kind asked for "
            + "(valid by default; or one the bank should hold, return or fail; or a future one, processed on the next "
            + "processing day, which waits scheduled for its entry day), with any field given taken as is, records "
            + "it and delivers it to the bank's gateway. Without processingDate, a payment is processed so that its "
            + "entry day is today's latest one: credited at once.")
    @RequestBody(content = @Content(examples = {
            @ExampleObject(name = "valid", value = """
                    {"kind":"valid"}"""),
            @ExampleObject(name = "future", value = """
                    {"kind":"future"}"""),
            @ExampleObject(name = "amount", value = """
                    {"kind":"valid","amount":{"minorUnits":12550,"currency":"GBP"},"reference":"INV 20931"}""")}))
    @APIResponse(responseCode = "201", description = "Sent, with the bank's answer (Location: the record)",
            content = @Content(schema = @Schema(implementation = SchemeDeliveries.Delivery.class)))
    @APIResponse(responseCode = "502", description = "Recorded as sent, but the bank's gateway gave no usable answer "
            + "(scheme-delivery-failed)")
    @APIResponse(responseCode = "503", ref = SharedResponses.STORE_UNAVAILABLE)
    public Response sendOne(PaymentRequest request) {
        PaymentRequest body = request != null ? request : new PaymentRequest(null, null, null, null, null, null, null);
        PaymentKind kind = kindOf(body.kind());
        if (!generator.canMake(kind)) {
            throw ValidationProblem.field("kind", "no accounts or names are configured for " + kind.key());
        }
        String transactionId = body.schemeTransactionId() != null && !body.schemeTransactionId().isBlank()
                ? body.schemeTransactionId().strip() : newTransactionId();
        InboundPaymentDetails details = override(generator.generate(kind, transactionId, today()), body);
        return answer(deliveries.send(details, kind, null));
    }

    /** Delivers a transaction again exactly as first sent (the scheme re-sending: the bank must not pay twice). */
    @POST
    @Path("/inbound-payments/{schemeTransactionId}/resend")
    @RolesAllowed(Roles.SCHEME)
    @Operation(summary = "Send a transaction again", description = "Delivers the transaction again exactly as first "
            + "sent, as the scheme may: the bank must not pay twice.")
    @APIResponse(responseCode = "201", description = "Sent again, with the bank's answer",
            content = @Content(schema = @Schema(implementation = SchemeDeliveries.Delivery.class)))
    @APIResponse(responseCode = "404", description = "The scheme never sent this transaction")
    @APIResponse(responseCode = "502", description = "Recorded as sent, but the bank's gateway gave no usable answer "
            + "(scheme-delivery-failed)")
    @APIResponse(responseCode = "503", ref = SharedResponses.STORE_UNAVAILABLE)
    public Response resend(@PathParam("schemeTransactionId") String transactionId) {
        SchemePaymentSent first = recorded(transactionId).stream()
                .filter(SchemePaymentSent.class::isInstance).map(SchemePaymentSent.class::cast).findFirst()
                .orElseThrow(() -> new NotFoundProblem("The scheme never sent transaction " + transactionId));
        return answer(deliveries.send(first.details(), first.kind(), first.batchId()));
    }

    @POST
    @Path("/inbound-payments/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SCHEME)
    @Operation(summary = "Send the bank a batch of inbound payments", description = "Makes count payments with the "
            + "mix of kinds asked for (relative weights; a realistic mix by default) and delivers them all; answers "
            + "how each was taken.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "batch", value = """
            {"count":20,"mix":{"valid":8,"closedAccount":1,"sanctionedName":1}}""")))
    @APIResponse(responseCode = "200", description = "Sent: the batch id and how the bank took each payment")
    @APIResponse(responseCode = "503", ref = SharedResponses.STORE_UNAVAILABLE)
    public BatchResult sendBatch(BatchRequest request) throws InterruptedException {
        if (request == null || request.count() == null || request.count() < 1
                || request.count() > config.maxBatchSize()) {
            throw ValidationProblem.field("count", "must be from 1 to " + config.maxBatchSize());
        }
        BatchMix mix = mixOf(request.mix());
        String batchId = "BATCH-" + hex(12);
        LocalDate today = today();
        List<PaymentKind> kinds = mix.allocate(request.count(), shuffle);
        List<InboundPaymentDetails> payments = new ArrayList<>(kinds.size());
        for (PaymentKind kind : kinds) {
            payments.add(generator.generate(kind, newTransactionId(), today));
        }
        List<SchemeDeliveries.Delivery> results = sendAll(payments, kinds, batchId);
        int accepted = (int) results.stream().filter(SchemeDeliveries.Delivery::accepted).count();
        int failed = (int) results.stream().filter(d -> d.failure() != null).count();
        return new BatchResult(batchId, results.size(), mix.counts(request.count()), accepted,
                results.size() - accepted - failed, failed, results);
    }

    @GET
    @Path("/inbound-payments")
    @RolesAllowed({Roles.SCHEME, Roles.AUDITOR, Roles.OPS})
    @Operation(summary = "List what the scheme sent", description = "The transactions the scheme sent, with the "
            + "bank's answers and any return. From a read model, which may trail the latest briefly.")
    @APIResponse(responseCode = "200", description = "The transactions sent")
    public List<SentPayments.Transaction> list(
            @Parameter(description = "Only this batch's (the batchId a batch answered)", example = "BATCH-3F9A01C2B7D4")
            @QueryParam("batchId") String batchId,
            @Parameter(description = "true: only those the bank returned")
            @QueryParam("returned") boolean returnedOnly) {
        return sent.find(Optional.ofNullable(batchId), returnedOnly);
    }

    /** Everything recorded for one transaction, in order, read from its stream. */
    @GET
    @Path("/inbound-payments/{schemeTransactionId}")
    @RolesAllowed({Roles.SCHEME, Roles.AUDITOR, Roles.OPS})
    @Operation(summary = "Read what the scheme recorded of a transaction", description = "Everything recorded for "
            + "it, in order: sent, the bank's answer, returned.")
    @APIResponse(responseCode = "200", description = "The transaction's record")
    @APIResponse(responseCode = "404", description = "The scheme has no record of this transaction")
    @APIResponse(responseCode = "503", ref = SharedResponses.STORE_UNAVAILABLE)
    public Recorded get(@PathParam("schemeTransactionId") String transactionId) {
        List<SchemeInboundEvent> events = recorded(transactionId);
        if (events.isEmpty()) {
            throw new NotFoundProblem("The scheme has no record of transaction " + transactionId);
        }
        return new Recorded(transactionId, events);
    }

    /** The payments the bank returned to the scheme, newest first. */
    @GET
    @Path("/returns")
    @RolesAllowed({Roles.SCHEME, Roles.AUDITOR, Roles.OPS})
    @Operation(summary = "List the payments the bank returned", description = "Newest first, from a read model.")
    @APIResponse(responseCode = "200", description = "The returned transactions, newest first")
    public List<SentPayments.Transaction> returns() {
        return sent.find(Optional.empty(), true);
    }

    private List<SchemeInboundEvent> recorded(String transactionId) {
        LoadedStream<SchemeInboundEvent> stream = store.load(SchemeInbound.stream(transactionId), SchemeInbound.CODEC);
        return stream.payloads();
    }

    private List<SchemeDeliveries.Delivery> sendAll(List<InboundPaymentDetails> payments, List<PaymentKind> kinds,
                                                    String batchId) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, config.batchConcurrency()));
        try {
            List<Future<SchemeDeliveries.Delivery>> futures = new ArrayList<>(payments.size());
            for (int i = 0; i < payments.size(); i++) {
                InboundPaymentDetails details = payments.get(i);
                PaymentKind kind = kinds.get(i);
                futures.add(pool.submit(() -> deliveries.send(details, kind, batchId)));
            }
            List<SchemeDeliveries.Delivery> results = new ArrayList<>(futures.size());
            for (Future<SchemeDeliveries.Delivery> future : futures) {
                try {
                    results.add(future.get());
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException runtime ? runtime
                            : new IllegalStateException(e.getCause());
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** 201 with the record's location; 502 when the gateway gave no usable answer (recorded all the same). */
    private static Response answer(SchemeDeliveries.Delivery delivery) {
        if (delivery.failure() != null) {
            throw new UpstreamProblem("scheme-delivery-failed", "Transaction " + delivery.schemeTransactionId()
                    + " is recorded as sent but the bank's gateway gave no usable answer: " + delivery.failure());
        }
        return Response.created(URI.create("/simulator/inbound-payments/" + delivery.schemeTransactionId()))
                .entity(delivery).build();
    }

    private static PaymentKind kindOf(String key) {
        if (key == null || key.isBlank()) {
            return PaymentKind.VALID;
        }
        return PaymentKind.ofKey(key.strip()).orElseThrow(() -> ValidationProblem.field("kind",
                "must be one of " + keys()));
    }

    private static BatchMix mixOf(Map<String, Integer> weights) {
        if (weights == null || weights.isEmpty()) {
            return BatchMix.DEFAULT;
        }
        Map<PaymentKind, Integer> mix = new EnumMap<>(PaymentKind.class);
        List<FieldError> errors = new ArrayList<>();
        weights.forEach((key, weight) -> {
            Optional<PaymentKind> kind = PaymentKind.ofKey(key);
            if (kind.isEmpty()) {
                errors.add(new FieldError("mix." + key, "is not a payment kind; use " + keys()));
            } else if (weight == null || weight < 0) {
                errors.add(new FieldError("mix." + key, "must be a whole number, zero or more"));
            } else {
                mix.put(kind.get(), weight);
            }
        });
        if (errors.isEmpty() && mix.values().stream().allMatch(w -> w == 0)) {
            errors.add(new FieldError("mix", "needs at least one weight above zero"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationProblem(errors);
        }
        return new BatchMix(mix);
    }

    private static String keys() {
        return java.util.Arrays.stream(PaymentKind.values()).map(PaymentKind::key).toList().toString();
    }

    private static InboundPaymentDetails override(InboundPaymentDetails generated, PaymentRequest body) {
        Money amount = generated.amount();
        if (body.amount() != null && body.amount().currency() != null
                && !body.amount().currency().matches("[A-Z]{3}")) {
            throw ValidationProblem.field("amount.currency", "must be an ISO 4217 code such as GBP");
        }
        if (body.amount() != null) {
            amount = new Money(body.amount().minorUnits() != null ? body.amount().minorUnits() : amount.minorUnits(),
                    body.amount().currency() != null ? body.amount().currency() : amount.currency());
        }
        return new InboundPaymentDetails(generated.schemeTransactionId(),
                party(generated.originator(), body.originator()), party(generated.beneficiary(), body.beneficiary()),
                amount, body.reference() != null ? body.reference() : generated.reference(),
                body.processingDate() != null ? body.processingDate() : generated.processingDate());
    }

    private static Party party(Party generated, PartyRequest given) {
        if (given == null) {
            return generated;
        }
        return new Party(given.name() != null ? given.name() : generated.name(),
                given.sortCode() != null ? given.sortCode() : generated.sortCode(),
                given.accountNumber() != null ? given.accountNumber() : generated.accountNumber());
    }

    /** The scheme's today, on the one clock. */
    private LocalDate today() {
        return BacsCalendar.today(clock);
    }

    private static String newTransactionId() {
        return "SIM-" + hex(16);
    }

    private static String hex(int digits) {
        return UUID.randomUUID().toString().replace("-", "").substring(0, digits).toUpperCase(java.util.Locale.ROOT);
    }
}
