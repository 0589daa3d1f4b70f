package com.paystream.accounts.account;

import com.paystream.accounts.ledger.HistoricalAccounts;
import com.paystream.accounts.ledger.Ledger;
import com.paystream.infrastructure.api.SharedResponses;
import com.paystream.infrastructure.paging.Pages;
import com.paystream.infrastructure.problem.FieldError;
import com.paystream.infrastructure.problem.NotFoundProblem;
import com.paystream.infrastructure.problem.Revisions;
import com.paystream.infrastructure.problem.ValidationProblem;
import com.paystream.infrastructure.security.Roles;
import com.paystream.infrastructure.store.RawEventPage;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Opening, blocking, unblocking and closing accounts; an account's state, straight from its events.
 *
 * <p>Who may call what: account officers open, block, unblock and close accounts; account officers, auditors and
 * customers read them, a customer only their own ({@link CallerAccess}: any other account is a 404, as if it did not
 * exist). Ops and sanctions officers do not read accounts: balances and statements are customers' private data, ops
 * look after the plumbing ({@code /ops}) and sanctions officers decide on a payment's screening and timeline, neither
 * of which needs an account.
 *
 * <p>Every answer about one account carries its revision as the {@code ETag}; blocking, unblocking and closing honour
 * {@code If-Match} with it (see {@link AccountCommands}).
 */
@Path("/accounts")
@Tag(name = "Accounts", description = "Opening, blocking and closing accounts; balances, statements and history")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountsResource {
    private static final int MAX_PAGE = 1000;
    /** The most accounts one page of the list holds. */
    private static final int MAX_LIMIT = 500;
    private static final int MAX_QUERY = 200;

    @Inject
    Accounts accounts;
    @Inject
    AccountCommands commands;
    @Inject
    HistoricalAccounts history;
    @Inject
    Ledger ledger;
    @Inject
    CallerAccess access;

    private static final int MAX_HOLDER_NAME = 140;

    @Inject
    Clock clock;

    /**
     * The body of {@code POST /accounts}: {@code customerId} is the customer the account belongs to (their id at the
     * bank, e.g. {@code C-1001}: letters, digits and '-', at most 64), the only customer who may then see it.
     */
    public record OpenAccountRequest(String sortCode, String accountNumber, String holderName, String customerId) {
    }

    public record BlockRequest(String reason) {
    }

    /**
     * The query parameters of the account list: {@code q} finds accounts by holder name, sort code or account number
     * (each word of it in one of them: "jane 608371" is Jane's accounts at that sort code; a sort code may be written
     * 60-83-71), {@code limit} and {@code after} page through them.
     */
    public static class Search {
        @QueryParam("q")
        @Parameter(description = "Words each found in the holder's name (any case), the sort code or the account "
                + "number, e.g. \"jane 60-83-71\"")
        String q;
        @QueryParam("limit")
        @Parameter(description = "The most accounts to answer, 1 to " + MAX_LIMIT + " (without it: every match)")
        String limit;
        @QueryParam("after")
        @Parameter(description = "The accountId of the last account of the page before: the page starts after it")
        String after;

        /** The words to find, in lower case, checked with the paging parameters: a 400 naming each not right. */
        List<String> words() {
            List<FieldError> errors = new ArrayList<>();
            if (q != null && q.length() > MAX_QUERY) {
                errors.add(new FieldError("q", "must be at most " + MAX_QUERY + " characters"));
            }
            Pages.limit(errors, limit, MAX_LIMIT);
            if (!errors.isEmpty()) {
                throw new ValidationProblem(errors);
            }
            return q == null ? List.of() : Arrays.stream(q.toLowerCase(Locale.ROOT).split("\\s+"))
                    .filter(word -> !word.isEmpty())
                    .map(word -> word.matches("\\d{2}-\\d{2}-\\d{2}") ? word.replace("-", "") : word).toList();
        }

        /** The most accounts to answer ({@code null}: all); {@link #words()} has checked it. */
        Integer limit() {
            return Pages.limit(new ArrayList<>(), limit, MAX_LIMIT);
        }

        /** The account after which the page starts, or null. */
        String after() {
            return after == null || after.isBlank() ? null : after.trim();
        }
    }

    /** An account as its events make it; {@code customerId} is its owner ({@code null}: opened before owners). */
    public record AccountView(String accountId, String sortCode, String accountNumber, String holderName,
                              String customerId, String status, long balancePence, long availableBalancePence,
                              String currency, long revision) {
        public static AccountView of(Account account, long revision) {
            return new AccountView(account.id(), account.sortCode(), account.accountNumber(), account.holderName(),
                    account.customerId(), account.status().name(), account.balancePence(), account.availablePence(),
                    "GBP", revision);
        }
    }

    @POST
    @RolesAllowed(Roles.ACCOUNT_OFFICER)
    @Operation(summary = "Open an account", description = "Opens an account for a customer, who alone may then see "
            + "it (besides the bank's staff).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "account", value = """
            {"sortCode":"400000","accountNumber":"12345678","holderName":"Carol Jones","customerId":"C-1001"}""")))
    @APIResponse(responseCode = "201", description = "Opened (Location: the account; ETag: its revision)",
            content = @Content(schema = @Schema(implementation = AccountView.class)))
    @APIResponse(responseCode = "409", description = "An account with this sort code and number is already open "
            + "(the type names the rule)")
    @APIResponse(responseCode = "503", ref = SharedResponses.STORE_UNAVAILABLE)
    public Response open(OpenAccountRequest request) {
        if (request == null) {
            throw ValidationProblem.field("body", "an account needs sortCode, accountNumber, holderName and "
                    + "customerId");
        }
        List<FieldError> errors = new ArrayList<>();
        requireDigits(errors, "sortCode", request.sortCode(), 6);
        requireDigits(errors, "accountNumber", request.accountNumber(), 8);
        if (request.holderName() == null || request.holderName().isBlank()) {
            errors.add(new FieldError("holderName", "must not be blank"));
        } else if (request.holderName().length() > MAX_HOLDER_NAME) {
            errors.add(new FieldError("holderName", "must be at most " + MAX_HOLDER_NAME + " characters"));
        }
        if (request.customerId() == null || !AccountDecider.CUSTOMER_ID.matcher(request.customerId()).matches()) {
            errors.add(new FieldError("customerId", "is required: the owner's customer id, 1 to 64 letters, digits "
                    + "or '-' (e.g. C-1001)"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationProblem(errors);
        }
        String id = Accounts.idOf(request.sortCode(), request.accountNumber());
        AccountView view = view(commands.decide(id, "open", null, state -> AccountDecider.open(state, id,
                request.sortCode(), request.accountNumber(), request.holderName(), request.customerId(), now())));
        return Response.created(URI.create("/accounts/" + id)).entity(view)
                .header(HttpHeaders.ETAG, Revisions.etag(view.revision())).build();
    }

    /**
     * Every account with its balance (a customer: their own accounts only), from the ledger read model (it may trail
     * the latest writes briefly), by sort code and account number; {@code q} finds accounts by holder name, sort code
     * or account number, and with {@code limit} a page at a time (the {@code Link} header names the next page).
     */
    @GET
    @RolesAllowed({Roles.ACCOUNT_OFFICER, Roles.AUDITOR, Roles.CUSTOMER})
    @Operation(summary = "List and find accounts",
            description = "Accounts with their status and balances, by sort code and account number (a customer: "
                    + "their own accounts only). q finds them by holder name, sort code or account number. Give limit "
                    + "to read a page at a time: while there are more, the Link header (rel=\"next\") names the next "
                    + "page (its after parameter is the last account of this page). From the ledger, which may trail "
                    + "the latest writes briefly.")
    @APIResponse(responseCode = "200", description = "The matching accounts",
            headers = @Header(name = "Link", description = "The next page, when limit is given and there are more",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = Ledger.Summary.class)))
    public Response list(@BeanParam Search search, @Context UriInfo uri) {
        List<String> words = search.words();
        List<Ledger.Summary> found = access.confinedTo().map(ledger::accountsOf).orElseGet(ledger::accounts).stream()
                .filter(account -> account.matches(words)).toList();
        String after = search.after();
        if (after != null) {
            int last = found.stream().map(Ledger.Summary::accountId).toList().indexOf(after);
            if (last < 0) {
                throw ValidationProblem.field("after", "must be an account of the page before (its accountId)");
            }
            found = found.subList(last + 1, found.size());
        }
        return Pages.ok(found, search.limit(), uri, "after", Ledger.Summary::accountId);
    }

    /**
     * The credits and debits of an account, oldest first: all of them from the ledger read model, or a statement
     * for {@code [from, to)} (instants, either may be left out) straight from the account's events.
     */
    @GET
    @Path("/{id}/transactions")
    @RolesAllowed({Roles.ACCOUNT_OFFICER, Roles.AUDITOR, Roles.CUSTOMER})
    @Operation(summary = "List an account's transactions", description = "The credits and debits of the account, "
            + "oldest first: all of them (from the ledger read model), or a statement for [from, to) straight from "
            + "the account's events.")
    @APIResponse(responseCode = "200", description = "The transactions, oldest first")
    @APIResponse(responseCode = "404", description = "No such account, or one a customer may not see")
    @APIResponse(responseCode = "503", ref = SharedResponses.STORE_UNAVAILABLE)
    public List<Ledger.Transaction> transactions(
            @PathParam("id") String id,
            @Parameter(description = "From this instant (inclusive)", example = "2026-11-01T00:00:00Z")
            @QueryParam("from") String from,
            @Parameter(description = "Until this instant (exclusive)", example = "2026-12-01T00:00:00Z")
            @QueryParam("to") String to) {
        access.requireVisible(id);
        if (from == null && to == null) {
            return ledger.transactions(id).orElseThrow(() -> CallerAccess.noAccount(id));
        }
        Instant start = from == null ? null : instant("from", from);
        Instant end = to == null ? null : instant("to", to);
        if (start != null && end != null && !start.isBefore(end)) {
            throw ValidationProblem.field("to", "must be after from");
        }
        return history.transactions(id, start, end).orElseThrow(() -> CallerAccess.noAccount(id));
    }

    /** The account's raw events, a page at a time: {@code ?from=} a revision (0 by default), {@code ?limit=} 1–1000. */
    @GET
    @Path("/{id}/events")
    @RolesAllowed({Roles.ACCOUNT_OFFICER, Roles.AUDITOR, Roles.CUSTOMER})
    @Operation(summary = "Page through an account's events", description = "The account's events as stored, a page "
            + "at a time, from a revision of its stream.")
    @APIResponse(responseCode = "200", description = "A page of events")
    @APIResponse(responseCode = "404", description = "No such account, or one a customer may not see")
    @APIResponse(responseCode = "503", ref = SharedResponses.STORE_UNAVAILABLE)
    public RawEventPage events(@PathParam("id") String id,
                               @Parameter(description = "From this revision of the account's stream", example = "0")
                               @QueryParam("from") @DefaultValue("0") long from,
                               @Parameter(description = "At most this many, 1 to 1000", example = "100")
                               @QueryParam("limit") @DefaultValue("100") int limit) {
        access.requireVisible(id);
        if (from < 0) {
            throw ValidationProblem.field("from", "is a stream revision, 0 or more");
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw ValidationProblem.field("limit", "must be between 1 and " + MAX_PAGE);
        }
        RawEventPage page = accounts.history(id, from, limit);
        if (page.events().isEmpty() && from == 0) {
            throw CallerAccess.noAccount(id);
        }
        return page;
    }

    /**
     * The account now, or as it was: {@code ?asOf=} an instant (its events recorded until then) or {@code ?revision=}
     * a revision of its stream; straight from its events (from the nearest snapshot, see {@link HistoricalAccounts}).
     */
    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ACCOUNT_OFFICER, Roles.AUDITOR, Roles.CUSTOMER})
    @Operation(summary = "Read an account", description = "The account now, or as it was at an instant or a "
            + "revision of its stream, straight from its events. The ETag is its revision, for If-Match on a change.")
    @APIResponse(responseCode = "200", description = "The account",
            content = @Content(schema = @Schema(implementation = AccountView.class)))
    @APIResponse(responseCode = "404", description = "No such account (or not yet at that instant or revision), or "
            + "one a customer may not see")
    @APIResponse(responseCode = "503", ref = SharedResponses.STORE_UNAVAILABLE)
    public Response get(@PathParam("id") String id,
                        @Parameter(description = "As it was at this instant", example = "2026-11-24T10:15:30Z")
                        @QueryParam("asOf") String asOf,
                        @Parameter(description = "As it was at this revision of its stream", example = "3")
                        @QueryParam("revision") Long revision) {
        access.requireVisible(id);
        if (asOf != null && revision != null) {
            throw ValidationProblem.field("asOf", "give asOf or revision, not both");
        }
        if (revision != null && revision < 0) {
            throw ValidationProblem.field("revision", "is a stream revision, 0 or more");
        }
        HistoricalAccounts.Point point = new HistoricalAccounts.Point(asOf == null ? null : instant("asOf", asOf),
                revision);
        String when = asOf != null ? " at " + asOf : revision != null ? " at revision " + revision : "";
        HistoricalAccounts.AsOf found = history.at(id, point).orElseThrow(() -> new NotFoundProblem(
                when.isEmpty() ? "No account " + id : "Account " + id + " did not exist" + when));
        return Response.ok(AccountView.of(found.account(), found.revision()))
                .header(HttpHeaders.ETAG, Revisions.etag(found.revision())).build();
    }

    @GET
    @Path("/by-number/{sortCode}/{accountNumber}")
    @RolesAllowed({Roles.ACCOUNT_OFFICER, Roles.AUDITOR, Roles.CUSTOMER})
    @Operation(summary = "Find an account by sort code and number", description = "The account now, as Read an "
            + "account answers it.")
    @APIResponse(responseCode = "200", description = "The account",
            content = @Content(schema = @Schema(implementation = AccountView.class)))
    @APIResponse(responseCode = "404", description = "No such account, or one a customer may not see")
    @APIResponse(responseCode = "503", ref = SharedResponses.STORE_UNAVAILABLE)
    public Response byNumber(@PathParam("sortCode") String sortCode, @PathParam("accountNumber") String number) {
        try {
            return get(Accounts.idOf(sortCode, number), null, null);
        } catch (NotFoundProblem e) {
            // named as the caller named it, not by the internal id they never saw
            throw new NotFoundProblem("No account with sort code " + sortCode + " and account number " + number);
        }
    }

    private static Instant instant(String field, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ValidationProblem.field(field, "must be an instant such as 2026-11-24T10:15:30Z");
        }
    }

    /** Blocks the account; with {@code If-Match}, only the account at that revision (else 412). */
    @POST
    @Path("/{id}/block")
    @RolesAllowed(Roles.ACCOUNT_OFFICER)
    @Operation(summary = "Block an account", description = "No payment in or out until it is unblocked; the reason "
            + "is recorded. With If-Match, only if the account is still at that revision.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "block", value = """
            {"reason":"Suspected fraud reported by the customer"}""")))
    @APIResponse(responseCode = "200", description = "Blocked (ETag: the account's new revision)")
    @APIResponse(responseCode = "404", description = "No such account, or one a customer may not see")
    @APIResponse(responseCode = "409", description = "The account's rules refuse it (the type names the rule, e.g. "
            + "account-closed)")
    @APIResponse(responseCode = "412", description = "If-Match names a revision other than the account's current one; "
            + "nothing was written")
    @APIResponse(responseCode = "503", ref = SharedResponses.STORE_UNAVAILABLE)
    public RestResponse<AccountView> block(@PathParam("id") String id,
                                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, BlockRequest request) {
        if (request == null || request.reason() == null || request.reason().isBlank()) {
            throw ValidationProblem.field("reason", "a block needs a reason");
        }
        return changed(commands.decide(id, "block", ifMatch, state -> AccountDecider.block(state,
                request.reason().strip(), now())));
    }

    /** Unblocks the account; with {@code If-Match}, only the account at that revision (else 412). */
    @POST
    @Path("/{id}/unblock")
    @RolesAllowed(Roles.ACCOUNT_OFFICER)
    @Operation(summary = "Unblock an account", description = "Payments flow again. With If-Match, only if the account "
            + "is still at that revision.")
    @APIResponse(responseCode = "200", description = "Unblocked (ETag: the account's new revision)")
    @APIResponse(responseCode = "404", description = "No such account, or one a customer may not see")
    @APIResponse(responseCode = "409", description = "The account's rules refuse it (the type names the rule, e.g. "
            + "account-closed)")
    @APIResponse(responseCode = "412", description = "If-Match names a revision other than the account's current one; "
            + "nothing was written")
    @APIResponse(responseCode = "503", ref = SharedResponses.STORE_UNAVAILABLE)
    public RestResponse<AccountView> unblock(@PathParam("id") String id,
                                             @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return changed(commands.decide(id, "unblock", ifMatch, state -> AccountDecider.unblock(state, now())));
    }

    /** Closes the account; with {@code If-Match}, only the account at that revision (else 412). */
    @POST
    @Path("/{id}/close")
    @RolesAllowed(Roles.ACCOUNT_OFFICER)
    @Operation(summary = "Close an account", description = "For good: payments to it are returned to the scheme. With "
            + "If-Match, only if the account is still at that revision.")
    @APIResponse(responseCode = "200", description = "Closed (ETag: the account's new revision)")
    @APIResponse(responseCode = "404", description = "No such account, or one a customer may not see")
    @APIResponse(responseCode = "409", description = "The account's rules refuse it (the type names the rule, e.g. "
            + "account-closed)")
    @APIResponse(responseCode = "412", description = "If-Match names a revision other than the account's current one; "
            + "nothing was written")
    @APIResponse(responseCode = "503", ref = SharedResponses.STORE_UNAVAILABLE)
    public RestResponse<AccountView> close(@PathParam("id") String id,
                                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return changed(commands.decide(id, "close", ifMatch, state -> AccountDecider.close(state, now())));
    }

    private static AccountView view(Accounts.Loaded account) {
        return AccountView.of(account.account(), account.revision());
    }

    /** 200 with the account after the change, and its new revision as the ETag. */
    private static RestResponse<AccountView> changed(Accounts.Loaded account) {
        return RestResponse.ResponseBuilder.ok(view(account))
                .header(HttpHeaders.ETAG, Revisions.etag(account.revision())).build();
    }

    private Instant now() {
        return clock.instant();
    }

    private static void requireDigits(List<FieldError> errors, String field, String value, int digits) {
        if (value == null || !value.matches("\\d{" + digits + "}")) {
            errors.add(new FieldError(field, "must be " + digits + " digits (as a string, leading zeros kept)"));
        }
    }
}
