package com.paystream.accounts.ledger;

import com.paystream.accounts.account.AccountBlocked;
import com.paystream.accounts.account.AccountClosed;
import com.paystream.accounts.account.AccountCredited;
import com.paystream.accounts.account.AccountDebited;
import com.paystream.accounts.account.AccountEvent;
import com.paystream.accounts.account.AccountOpened;
import com.paystream.accounts.account.AccountUnblocked;
import com.paystream.accounts.account.Accounts;
import com.paystream.accounts.account.OutboundFundsReserved;
import com.paystream.accounts.account.OutboundReservationReleased;
import com.paystream.events.EventRegistry;
import com.paystream.infrastructure.readmodel.ReadModel;
import com.paystream.infrastructure.readmodel.ReadModelSource;
import com.paystream.infrastructure.subscription.EventContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every account's balance and its transactions, from all account streams ({@code $ce-account}), and which accounts
 * each customer owns. Rebuilt from the events on every start; an event at or below the revision already applied for
 * its account is passed over, so a redelivery never counts twice.
 */
@ApplicationScoped
public class Ledger implements ReadModel<AccountEvent> {
    private static final EventRegistry<AccountEvent> EVENTS = EventRegistry.of(AccountEvent.class);

    private final Map<String, Summary> accounts = new ConcurrentHashMap<>();
    private final Map<String, List<Transaction>> transactions = new ConcurrentHashMap<>();
    private final Map<String, Long> appliedRevision = new ConcurrentHashMap<>();
    /** The ids of the accounts each customer owns (accounts with no owner are in none). */
    private final Map<String, Set<String>> byCustomer = new ConcurrentHashMap<>();

    /** One account as the ledger shows it; {@code customerId} is its owner ({@code null}: none). */
    public record Summary(String accountId, String sortCode, String accountNumber, String holderName,
                          String customerId, String status, long balancePence, long availableBalancePence,
                          String currency) {
        Summary with(String newStatus, long newBalance) {
            return new Summary(accountId, sortCode, accountNumber, holderName, customerId, newStatus, newBalance,
                    availableBalancePence + newBalance - balancePence, currency);
        }

        /** Whether every word (in lower case) is in the holder's name (any case), the sort code or the number. */
        public boolean matches(List<String> words) {
            String name = holderName.toLowerCase(Locale.ROOT);
            return words.stream().allMatch(word -> name.contains(word) || sortCode.contains(word)
                    || accountNumber.contains(word));
        }

        Summary reserving(long pence) {
            return new Summary(accountId, sortCode, accountNumber, holderName, customerId, status, balancePence,
                    availableBalancePence - pence, currency);
        }
    }

    /** The amounts reserved for outbound payments, by account and payment. */
    private final Map<String, Map<String, Long>> reservations = new ConcurrentHashMap<>();

    /**
     * A credit (positive amount) or a debit (negative) on an account: the payment, its amount and the balance it left,
     * in pence.
     */
    public record Transaction(String paymentId, long amountPence, long balanceAfterPence, Instant at, long revision) {
    }

    @Override
    public String name() {
        return "accountledger";
    }

    @Override
    public ReadModelSource source() {
        return ReadModelSource.stream("$ce-" + Accounts.CATEGORY);
    }

    @Override
    public EventRegistry<AccountEvent> events() {
        return EVENTS;
    }

    @Override
    public void apply(AccountEvent event, EventContext context) {
        Long applied = appliedRevision.get(event.accountId());
        if (applied != null && context.revision() <= applied) {
            return;
        }
        appliedRevision.put(event.accountId(), context.revision());
        if (event instanceof AccountOpened opened) {
            accounts.put(opened.accountId(), new Summary(opened.accountId(), opened.sortCode(),
                    opened.accountNumber(), opened.holderName(), opened.customerId(), "OPEN", 0, 0, "GBP"));
            transactions.put(opened.accountId(), new CopyOnWriteArrayList<>());
            if (opened.customerId() != null) {
                byCustomer.computeIfAbsent(opened.customerId(), customer -> ConcurrentHashMap.newKeySet())
                        .add(opened.accountId());
            }
            return;
        }
        Summary summary = accounts.get(event.accountId());
        if (summary == null) {
            throw new IllegalStateException(event.getClass().getSimpleName() + " on account " + event.accountId()
                    + " that the ledger never saw opened");
        }
        if (event instanceof AccountBlocked) {
            accounts.put(summary.accountId(), summary.with("BLOCKED", summary.balancePence()));
        } else if (event instanceof AccountUnblocked) {
            accounts.put(summary.accountId(), summary.with("OPEN", summary.balancePence()));
        } else if (event instanceof AccountClosed) {
            accounts.put(summary.accountId(), summary.with("CLOSED", summary.balancePence()));
        } else if (event instanceof AccountCredited credited) {
            accounts.put(summary.accountId(), summary.with(summary.status(), credited.balanceAfter().minorUnits()));
            transactions.get(summary.accountId()).add(transactionOf(credited, context.revision()).orElseThrow());
        } else if (event instanceof OutboundFundsReserved reserved) {
            reservations.computeIfAbsent(summary.accountId(), id -> new ConcurrentHashMap<>())
                    .put(reserved.paymentId(), reserved.amount().minorUnits());
            accounts.put(summary.accountId(), summary.reserving(reserved.amount().minorUnits()));
        } else if (event instanceof OutboundReservationReleased released) {
            long amount = reservationEnds(summary.accountId(), released.paymentId());
            accounts.put(summary.accountId(), summary.reserving(-amount));
        } else if (event instanceof AccountDebited debited) {
            long amount = reservationEnds(summary.accountId(), debited.paymentId());
            long balance = debited.balanceAfter().minorUnits();
            accounts.put(summary.accountId(), summary.reserving(-amount).with(summary.status(), balance));
            transactions.get(summary.accountId()).add(transactionOf(debited, context.revision()).orElseThrow());
        }
    }

    /** The line an event puts on the account's statement: credits and debits do, nothing else does. */
    static Optional<Transaction> transactionOf(AccountEvent event, long revision) {
        if (event instanceof AccountCredited credited) {
            return Optional.of(new Transaction(credited.paymentId(), credited.amount().minorUnits(),
                    credited.balanceAfter().minorUnits(), credited.creditedAt(), revision));
        }
        if (event instanceof AccountDebited debited) {
            return Optional.of(new Transaction(debited.paymentId(), -debited.amount().minorUnits(),
                    debited.balanceAfter().minorUnits(), debited.debitedAt(), revision));
        }
        return Optional.empty();
    }

    private long reservationEnds(String accountId, String paymentId) {
        Map<String, Long> forAccount = reservations.get(accountId);
        Long amount = forAccount == null ? null : forAccount.remove(paymentId);
        return amount == null ? 0 : amount;
    }

    @Override
    public void reset() {
        accounts.clear();
        transactions.clear();
        reservations.clear();
        appliedRevision.clear();
        byCustomer.clear();
    }

    public List<Summary> accounts() {
        return sorted(accounts.values());
    }

    /** The accounts this customer owns. */
    public List<Summary> accountsOf(String customerId) {
        return sorted(byCustomer.getOrDefault(customerId, Set.of()).stream().map(accounts::get)
                .filter(Objects::nonNull).toList());
    }

    private static List<Summary> sorted(Collection<Summary> summaries) {
        List<Summary> all = new ArrayList<>(summaries);
        all.sort(Comparator.comparing(Summary::sortCode).thenComparing(Summary::accountNumber));
        return all;
    }

    public Optional<List<Transaction>> transactions(String accountId) {
        return Optional.ofNullable(transactions.get(accountId)).map(List::copyOf);
    }
}
