package com.paystream.accounts.account;

import com.paystream.infrastructure.problem.NotFoundProblem;
import com.paystream.infrastructure.security.Caller;
import com.paystream.infrastructure.security.Roles;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * Which accounts the caller of this request may see and act on: the one place the rule lives, called first by every
 * endpoint that names an account (the endpoint's {@code @RolesAllowed} has already decided what the caller's roles
 * let them do at all).
 * <ul>
 *   <li>Account officers and auditors: any account.</li>
 *   <li>Anyone else is a customer: only the accounts they own, those whose owner ({@code AccountOpened.customerId})
 *       is exactly the customer id in their token (claim {@code customer_id}).</li>
 *   <li>Another customer's account, an account with no owner and an account that does not exist are the same 404
 *       ({@code No account {id}}), never a 403, so a customer cannot learn which accounts exist.</li>
 *   <li>A customer's token without a customer id is refused (403) whatever it asks: the identity provider sets the
 *       claim on every customer, so its absence is a fault of set-up to see at once, not an empty bank.</li>
 * </ul>
 * The owner is read from the account's events as {@link Accounts} remembers them (an owner never changes, so the state
 * this instance last saw answers without a store read); never from the ledger, which may trail a just-opened account.
 */
@RequestScoped
public class CallerAccess {
    private static final Logger LOG = Logger.getLogger(CallerAccess.class);

    @Inject
    SecurityIdentity identity;
    @Inject
    Accounts accounts;

    /** The 404 for an account the caller may not see: word for word the one for an account that does not exist. */
    public static NotFoundProblem noAccount(String accountId) {
        return new NotFoundProblem("No account " + accountId);
    }

    /** For reading an account and for what an account officer does to it: staff any account, a customer their own. */
    public void requireVisible(String accountId) {
        if (!staff()) {
            requireOwn(accountId);
        }
    }

    /** For what only the account's owner does (paying out of it): the caller's own account, whatever their roles. */
    public void requireOwn(String accountId) {
        String customerId = customerId();
        Account account = accounts.loadRemembered(accountId).account();
        if (account == null || !account.ownedBy(customerId)) {
            LOG.debugf("Customer %s asked for account %s, which is not theirs (or does not exist)", customerId,
                    accountId);
            throw noAccount(accountId);
        }
    }

    /** Empty when the caller sees every account; else the customer whose accounts alone they see. */
    Optional<String> confinedTo() {
        return staff() ? Optional.empty() : Optional.of(customerId());
    }

    private boolean staff() {
        return identity.hasRole(Roles.ACCOUNT_OFFICER) || identity.hasRole(Roles.AUDITOR);
    }

    private String customerId() {
        return Caller.customerId(identity).orElseThrow(() -> {
            LOG.warnf("Refused %s: a customer's token without a %s claim (set it on the person in the identity "
                    + "provider)", Caller.of(identity).name(), Caller.CUSTOMER_ID_CLAIM);
            return new ForbiddenException();
        });
    }
}
