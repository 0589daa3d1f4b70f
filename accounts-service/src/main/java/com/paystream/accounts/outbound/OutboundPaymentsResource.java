package com.paystream.accounts.outbound;

import com.paystream.infrastructure.api.SharedResponses;
import com.paystream.accounts.account.Account;
import com.paystream.accounts.account.AccountCommands;
import com.paystream.accounts.account.Accounts;
import com.paystream.accounts.account.AccountsResource;
import com.paystream.accounts.account.CallerAccess;
import com.paystream.accounts.account.OutboundLimits;
import com.paystream.events.Money;
import com.paystream.events.Party;
import com.paystream.infrastructure.correlation.CorrelationId;
import com.paystream.infrastructure.problem.FieldError;
import com.paystream.infrastructure.problem.NotFoundProblem;
import com.paystream.infrastructure.problem.Revisions;
import com.paystream.infrastructure.problem.ValidationProblem;
import com.paystream.infrastructure.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A customer pays out of an account; the account's outbound payments and its outbound limits.
 *
 * <p>Who may call what: only a customer pays out, and only of an account they own (customers send money through the
 * bank's online banking; no one of the bank's staff pays out of a customer's account). Account officers set any
 * account's limits, a customer their own account's. Account officers, auditors and customers read payments and limits,
 * a customer only on their own accounts. Any account a customer may not see is a 404, as if it did not exist
 * ({@link CallerAccess}). Ops and sanctions officers do not read accounts (see {@link AccountsResource}).
 *
 * <p>The limits are answered with the account's revision as the {@code ETag}; setting them honours {@code If-Match}
 * with it (see {@link AccountCommands}).
 */
@Path("/accounts/{accountId}")
@Tag(name = "Outbound payments", description = "A customer pays out of their account; its outbound limits")
@APIResponse(responseCode = "503", ref = SharedResponses.STORE_UNAVAILABLE)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OutboundPaymentsResource {
    private static final Pattern BACS_TEXT = Pattern.compile("[A-Z0-9 .&/-]{1,18}");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Inject
    OutboundPayments outbound;
    @Inject
    Accounts accounts;
    @Inject
    AccountCommands commands;
    @Inject
    CorrelationId correlationId;
    @Inject
    CallerAccess access;

    @Inject
    Clock clock;

    public record PartyRequest(String name, String sortCode, String accountNumber) {
    }

    public record AmountRequest(Long minorUnits, String currency) {
    }

    /** The body of {@code POST /accounts/{id}/outbound-payments}. */
    public record OutboundPaymentRequest(String idempotencyKey, PartyRequest beneficiary, AmountRequest amount,
                                         String reference) {
    }

    public record OutboundPaymentView(String paymentId, String accountId, String idempotencyKey, long amountPence,
                                      String state, Instant reservedAt, long availableBalancePence) {
        static OutboundPaymentView of(Account account, Account.Outbound payment) {
            return new OutboundPaymentView(payment.paymentId(), account.id(), payment.idempotencyKey(),
                    payment.amountPence(), payment.state().name(), payment.reservedAt(), account.availablePence());
        }
    }

    public record LimitsView(int dailyCount, long dailyAmountPence, int weeklyCount, long weeklyAmountPence,
                             boolean accountsOwn) {
        static LimitsView of(OutboundLimits limits, boolean own) {
            return new LimitsView(limits.dailyCount(), limits.dailyAmountPence(), limits.weeklyCount(),
                    limits.weeklyAmountPence(), own);
        }
    }

    public record LimitsRequest(Integer dailyCount, Long dailyAmountPence, Integer weeklyCount,
                                Long weeklyAmountPence) {
    }

    /**
     * 201 with the reservation when the payment is accepted; 200 with the same payment when the same request comes
     * again; 409 when the account refuses it (insufficient funds, blocked, closed, a limit, a reused key).
     */
    @POST
    @Path("/outbound-payments")
    @RolesAllowed(Roles.CUSTOMER)
    @Operation(summary = "Pay out of an account", description = "The customer sends money from their own account: "
            + "the amount is reserved at once and the payment goes to the scheme. The same idempotencyKey again "
            + "answers the same payment and pays nothing twice.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "payment", value = """
            {"idempotencyKey":"rent-2026-11","beneficiary":{"name":"HOMES LETTING LTD","sortCode":"601234",
             "accountNumber":"87654321"},"amount":{"minorUnits":95000,"currency":"GBP"},"reference":"RENT NOV"}""")))
    @APIResponse(responseCode = "201", description = "Accepted and reserved (Location: the payment)",
            content = @Content(schema = @Schema(implementation = OutboundPaymentView.class)))
    @APIResponse(responseCode = "200", description = "This idempotencyKey was sent before: the same payment",
            content = @Content(schema = @Schema(implementation = OutboundPaymentView.class)))
    @APIResponse(responseCode = "404", description = "No such account, or not the customer's own")
    @APIResponse(responseCode = "409", description = "The account refuses it: insufficient funds, blocked, closed, a "
            + "limit reached, or the idempotencyKey reused for another payment (the type names which)")
    public Response request(@PathParam("accountId") String accountId, OutboundPaymentRequest body) {
        access.requireOwn(accountId);
        OutboundPayments.Request request = valid(body);
        OutboundPayments.Result result = outbound.request(accountId, request, correlationId.value());
        OutboundPaymentView view = OutboundPaymentView.of(result.account(), result.payment());
        if (!result.created()) {
            return Response.ok(view).build();
        }
        return Response.created(URI.create("/accounts/" + accountId + "/outbound-payments/"
                + result.payment().paymentId())).entity(view).build();
    }

    /** The account's outbound payments, newest first, straight from its events. */
    @GET
    @Path("/outbound-payments")
    @RolesAllowed({Roles.ACCOUNT_OFFICER, Roles.AUDITOR, Roles.CUSTOMER})
    @Operation(summary = "List an account's outbound payments", description = "Newest first, straight from the "
            + "account's events.")
    @APIResponse(responseCode = "200", description = "The outbound payments, newest first")
    @APIResponse(responseCode = "404", description = "No such account, or one a customer may not see")
    public List<OutboundPaymentView> list(@PathParam("accountId") String accountId) {
        access.requireVisible(accountId);
        Account account = existing(accountId).account();
        return account.outboundPayments().values().stream()
                .sorted(Comparator.comparing(Account.Outbound::reservedAt).reversed())
                .map(payment -> OutboundPaymentView.of(account, payment)).toList();
    }

    @GET
    @Path("/outbound-payments/{paymentId}")
    @RolesAllowed({Roles.ACCOUNT_OFFICER, Roles.AUDITOR, Roles.CUSTOMER})
    @Operation(summary = "Read an outbound payment", description = "Its amount and state (reserved, sent, settled, "
            + "returned or refused).")
    @APIResponse(responseCode = "200", description = "The outbound payment")
    @APIResponse(responseCode = "404", description = "No such account or payment, or not one a customer may see")
    public OutboundPaymentView get(@PathParam("accountId") String accountId,
                                   @PathParam("paymentId") String paymentId) {
        access.requireVisible(accountId);
        Account account = existing(accountId).account();
        return account.outbound(paymentId).map(payment -> OutboundPaymentView.of(account, payment))
                .orElseThrow(() -> new NotFoundProblem("Account " + accountId + " has no outbound payment "
                        + paymentId));
    }

    /** The limits in force: the account's own, or the bank's defaults; the account's revision as the ETag. */
    @GET
    @Path("/outbound-limits")
    @RolesAllowed({Roles.ACCOUNT_OFFICER, Roles.AUDITOR, Roles.CUSTOMER})
    @Operation(summary = "Read an account's outbound limits", description = "The limits in force: the account's own, "
            + "or the bank's defaults. The ETag is the account's revision, for If-Match on a change.")
    @APIResponse(responseCode = "200", description = "The limits in force")
    @APIResponse(responseCode = "404", description = "No such account, or one a customer may not see")
    public RestResponse<LimitsView> limits(@PathParam("accountId") String accountId) {
        access.requireVisible(accountId);
        Accounts.Loaded loaded = existing(accountId);
        Account account = loaded.account();
        LimitsView limits = account.ownLimits() != null ? LimitsView.of(account.ownLimits(), true)
                : LimitsView.of(outbound.defaultLimits(), false);
        return withETag(limits, loaded);
    }

    /** The account's own limits; with {@code If-Match}, only on the account at that revision (else 412). */
    @PUT
    @Path("/outbound-limits")
    @RolesAllowed({Roles.ACCOUNT_OFFICER, Roles.CUSTOMER})
    @Operation(summary = "Set an account's outbound limits", description = "The account's own daily and weekly "
            + "limits, in number and amount. With If-Match, only if the account is still at that revision.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "limits", value = """
            {"dailyCount":10,"dailyAmountPence":500000,"weeklyCount":30,"weeklyAmountPence":1500000}""")))
    @APIResponse(responseCode = "200", description = "Set (ETag: the account's new revision)")
    @APIResponse(responseCode = "404", description = "No such account, or one a customer may not see")
    @APIResponse(responseCode = "409", description = "The account's rules refuse it (the type names the rule, e.g. "
            + "account-closed)")
    @APIResponse(responseCode = "412", description = "If-Match names a revision other than the account's current one; "
            + "nothing was written")
    public RestResponse<LimitsView> setLimits(@PathParam("accountId") String accountId,
                                              @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, LimitsRequest body) {
        access.requireVisible(accountId);
        OutboundLimits limits = validLimits(body);
        return withETag(LimitsView.of(limits, true), commands.decide(accountId, "outbound-limits", ifMatch,
                state -> OutboundDecider.setLimits(state, limits, clock.instant())));
    }

    private static RestResponse<LimitsView> withETag(LimitsView limits, Accounts.Loaded account) {
        return RestResponse.ResponseBuilder.ok(limits).header(HttpHeaders.ETAG, Revisions.etag(account.revision()))
                .build();
    }

    /** The account, loaded; 404 when it was never opened. */
    private Accounts.Loaded existing(String accountId) {
        Accounts.Loaded loaded = accounts.load(accountId);
        if (loaded.account() == null) {
            throw CallerAccess.noAccount(accountId);
        }
        return loaded;
    }

    private static OutboundPayments.Request valid(OutboundPaymentRequest body) {
        if (body == null) {
            throw ValidationProblem.field("body", "an outbound payment needs idempotencyKey, beneficiary, amount "
                    + "and reference");
        }
        List<FieldError> errors = new ArrayList<>();
        if (body.idempotencyKey() == null || !KEY.matcher(body.idempotencyKey()).matches()) {
            errors.add(new FieldError("idempotencyKey", "is required: 1 to 64 letters, digits or . _ : -"));
        }
        PartyRequest beneficiary = body.beneficiary();
        if (beneficiary == null) {
            errors.add(new FieldError("beneficiary", "is required"));
        } else {
            if (!bacsText(beneficiary.name())) {
                errors.add(new FieldError("beneficiary.name", "is required: at most 18 characters of A-Z 0-9 . & / -"));
            }
            if (beneficiary.sortCode() == null || !beneficiary.sortCode().matches("\\d{6}")) {
                errors.add(new FieldError("beneficiary.sortCode", "must be 6 digits as a string"));
            }
            if (beneficiary.accountNumber() == null || !beneficiary.accountNumber().matches("\\d{8}")) {
                errors.add(new FieldError("beneficiary.accountNumber", "must be 8 digits as a string"));
            }
        }
        AmountRequest amount = body.amount();
        if (amount == null || amount.minorUnits() == null || amount.minorUnits() <= 0) {
            errors.add(new FieldError("amount.minorUnits", "is required: pence, a whole number above zero"));
        }
        if (amount == null || !"GBP".equals(amount.currency())) {
            errors.add(new FieldError("amount.currency", "must be GBP"));
        }
        if (!bacsText(body.reference())) {
            errors.add(new FieldError("reference", "is required: at most 18 characters of A-Z 0-9 . & / -"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationProblem(errors);
        }
        return new OutboundPayments.Request(body.idempotencyKey(), new Party(upper(beneficiary.name()),
                beneficiary.sortCode(), beneficiary.accountNumber()), Money.pence(amount.minorUnits()),
                upper(body.reference()));
    }

    private static OutboundLimits validLimits(LimitsRequest body) {
        if (body == null || body.dailyCount() == null || body.dailyAmountPence() == null
                || body.weeklyCount() == null || body.weeklyAmountPence() == null) {
            throw ValidationProblem.field("body", "limits need dailyCount, dailyAmountPence, weeklyCount and "
                    + "weeklyAmountPence");
        }
        try {
            return new OutboundLimits(body.dailyCount(), body.dailyAmountPence(), body.weeklyCount(),
                    body.weeklyAmountPence());
        } catch (IllegalArgumentException e) {
            throw ValidationProblem.field("body", e.getMessage());
        }
    }

    private static boolean bacsText(String value) {
        return value != null && BACS_TEXT.matcher(upper(value)).matches();
    }

    private static String upper(String value) {
        return value.strip().toUpperCase(Locale.ROOT);
    }
}
