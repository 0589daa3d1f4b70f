package com.paystream.accounts.outbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.paystream.accounts.account.Account;
import com.paystream.accounts.account.AccountRuleBroken;
import com.paystream.accounts.account.Accounts;
import com.paystream.accounts.account.CallerAccess;
import com.paystream.accounts.account.OutboundLimits;
import com.paystream.accounts.config.AccountsConfig;
import com.paystream.events.EventJson;
import com.paystream.events.Money;
import com.paystream.events.OutboundPaymentDetails;
import com.paystream.events.OutboundPaymentFundsReserved;
import com.paystream.events.OutboundPaymentRequested;
import com.paystream.events.Party;
import com.paystream.events.PaymentStreams;
import com.paystream.infrastructure.problem.RuleViolation;
import com.paystream.infrastructure.store.Causation;
import com.paystream.infrastructure.store.Expected;
import com.paystream.infrastructure.store.StreamWrite;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A customer's outbound payment: reserved on the account, then published on {@code payment-{id}} as
 * {@code OutboundPaymentRequested} + {@code OutboundPaymentFundsReserved} for the rest of the flow.
 *
 * <p>One atomic write of two streams, the reservation on the account and the payment's first events: the payment id
 * derives from the account and the idempotency key, and the account recognises a request it has (and refuses the key
 * with another request), so the same request again writes nothing and answers the payment it made.
 */
@ApplicationScoped
public class OutboundPayments {
    @Inject
    Accounts accounts;
    @Inject
    AccountsConfig config;

    @Inject
    Clock clock;

    /** The request as the customer made it. */
    record Request(String idempotencyKey, Party beneficiary, Money amount, String reference) {
    }

    /** The payment as the account holds it; {@code created} when this request made it. */
    record Result(Account.Outbound payment, Account account, boolean created) {
    }

    public static String paymentIdOf(String accountId, String idempotencyKey) {
        return UUID.nameUUIDFromBytes(("outbound:" + accountId + ":" + idempotencyKey)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    OutboundLimits defaultLimits() {
        AccountsConfig.OutboundLimitDefaults defaults = config.outboundLimits();
        return new OutboundLimits(defaults.dailyCount(), defaults.dailyAmountPence(), defaults.weeklyCount(),
                defaults.weeklyAmountPence());
    }

    Result request(String accountId, Request request, String correlationId) {
        String paymentId = paymentIdOf(accountId, request.idempotencyKey());
        Accounts.Loaded loaded = accounts.load(accountId);
        if (loaded.account() == null) {
            throw CallerAccess.noAccount(accountId);
        }
        OutboundDecider.ReserveDecision decision;
        try {
            decision = OutboundDecider.reserve(loaded.account(), paymentId, request.idempotencyKey(),
                    fingerprint(request), request.amount(), defaultLimits(), clock.instant());
        } catch (AccountRuleBroken broken) {
            throw new RuleViolation(broken.rule(), broken.getMessage());
        }
        Account account = loaded.account();
        boolean created = decision instanceof OutboundDecider.ReserveDecision.Reserve;
        if (decision instanceof OutboundDecider.ReserveDecision.Reserve reserve) {
            // the reservation and the payment's first events, in one atomic write
            account = accounts.appendWith(accountId, loaded, Causation.command("outbound-reserve:" + paymentId,
                    correlationId), List.of(reserve.event()), after -> publication(after,
                    after.outbound(paymentId).orElseThrow(), request, correlationId)).account();
        }
        Account.Outbound payment = account.outbound(paymentId).orElseThrow();
        return new Result(payment, account, created);
    }

    /** The new payment's timeline: requested, funds reserved. */
    private static StreamWrite publication(Account account, Account.Outbound payment, Request request,
                                           String correlationId) {
        OutboundPaymentDetails details = new OutboundPaymentDetails(account.id(),
                new Party(account.holderName(), account.sortCode(), account.accountNumber()), request.beneficiary(),
                request.amount(), request.reference());
        Instant at = payment.reservedAt();
        return StreamWrite.of(PaymentStreams.payment(payment.paymentId()), Expected.noStream(),
                Causation.command("outbound-request:" + payment.paymentId(), correlationId),
                List.of(new OutboundPaymentRequested(payment.paymentId(), details, payment.idempotencyKey(), at),
                        new OutboundPaymentFundsReserved(payment.paymentId(), details,
                                Money.pence(account.availablePence()), at)));
    }

    /** A stable digest of what was asked (beneficiary, amount, reference), the same in every process. */
    private static String fingerprint(Request request) {
        Map<String, Object> asked = new LinkedHashMap<>();
        asked.put("beneficiary", request.beneficiary());
        asked.put("amount", request.amount());
        asked.put("reference", request.reference());
        try {
            return UUID.nameUUIDFromBytes(EventJson.mapper().writeValueAsBytes(asked)).toString();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
