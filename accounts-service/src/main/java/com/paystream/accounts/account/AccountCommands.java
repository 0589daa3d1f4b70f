package com.paystream.accounts.account;

import com.paystream.infrastructure.correlation.CorrelationId;
import com.paystream.infrastructure.problem.Revisions;
import com.paystream.infrastructure.problem.RuleViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.function.Function;

/**
 * What a person asks of an account over HTTP (open, block, unblock, close, set its outbound limits): decided on the
 * account as it is now and appended at the revision it was decided on.
 *
 * <p>With {@code If-Match: "<revision>"} (the ETag the reads answer) the change is made only on the account the person
 * saw: a stale revision is refused with a 412 before anything is decided or written, and a change made by someone else
 * between this load and the append is a 412 too (the store refuses the append; see {@code ProblemMappers}). Without
 * it, the change is decided on the account as it is. A refused command is a 404 (no such account) or a 409 (the rule
 * it breaks).
 */
@ApplicationScoped
public class AccountCommands {
    @Inject
    Accounts accounts;
    @Inject
    CorrelationId correlationId;

    /**
     * Loads, checks {@code ifMatch} ({@code null}: none), decides and appends; {@code command} names it in the
     * command id, with the account and the revision decided on (so the same request at the same revision appends
     * nothing twice). Answers the account after the change, at its new revision.
     */
    public Accounts.Loaded decide(String accountId, String command, String ifMatch,
                                  Function<Account, List<AccountEvent>> decider) {
        Accounts.Loaded loaded = accounts.load(accountId);
        if (loaded.account() != null) {
            Revisions.requireMatch(ifMatch, loaded.revision());
        }
        List<AccountEvent> events;
        try {
            events = decider.apply(loaded.account());
        } catch (AccountRuleBroken broken) {
            if ("account-not-found".equals(broken.rule())) {
                throw CallerAccess.noAccount(accountId);
            }
            throw new RuleViolation(broken.rule(), broken.getMessage());
        }
        return accounts.append(accountId, loaded, correlationId.command(command + ":" + accountId + ":"
                + loaded.revision()), events);
    }
}
