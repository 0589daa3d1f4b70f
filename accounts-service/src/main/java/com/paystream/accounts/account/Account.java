package com.paystream.accounts.account;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An account as its events make it: its owner ({@code customerId}, {@code null} for an account opened before owners
 * were recorded), status, balance in pence, the inbound payments already credited with the balance each left (so a
 * payment is credited only once), its outbound payments (reserved, debited or released) and its own outbound limits,
 * if any. {@code null} stands for an account never opened.
 *
 * <p>The aggregate the other capabilities decide on (inbound credits, outbound payments) and the ledger views: they
 * read it and fold its events ({@link #replay}, {@link #evolve}, {@link Replay}), never change it otherwise.
 */
public record Account(
        String id,
        String sortCode,
        String accountNumber,
        String holderName,
        String customerId,
        AccountStatus status,
        long balancePence,
        Map<String, Long> creditedPayments,
        Map<String, Outbound> outboundPayments,
        OutboundLimits ownLimits) {

    public enum AccountStatus { OPEN, BLOCKED, CLOSED }

    public enum OutboundState { RESERVED, DEBITED, RELEASED, REFUNDED }

    /** One outbound payment as the account sees it. */
    public record Outbound(String paymentId, String idempotencyKey, String requestFingerprint, long amountPence,
                    Instant reservedAt, OutboundState state, long balanceAfterPence) {
        /** The new state, and the balance the change left (for a debit or a refund). */
        Outbound moved(OutboundState newState, long balanceAfter) {
            return new Outbound(paymentId, idempotencyKey, requestFingerprint, amountPence, reservedAt, newState,
                    balanceAfter);
        }
    }

    public Account {
        creditedPayments = creditedPayments == null ? Map.of() : Map.copyOf(creditedPayments);
        outboundPayments = outboundPayments == null ? Map.of() : Map.copyOf(outboundPayments);
    }

    /** Whether this customer owns the account (an account with no owner belongs to no one). */
    boolean ownedBy(String customer) {
        return customerId != null && customerId.equals(customer);
    }

    /** What is reserved for outbound payments not settled yet. */
    long reservedPence() {
        return outboundPayments.values().stream().filter(o -> o.state() == OutboundState.RESERVED)
                .mapToLong(Outbound::amountPence).sum();
    }

    /** The balance less the reservations: what an outbound payment may still take. */
    public long availablePence() {
        return balancePence - reservedPence();
    }

    public Optional<Outbound> outbound(String paymentId) {
        return Optional.ofNullable(outboundPayments.get(paymentId));
    }

    /**
     * Folds a whole history into one mutable state, built once at the end: replaying a long history stays linear,
     * where evolving event by event would copy the maps at every event.
     */
    public static Account replay(List<? extends AccountEvent> events) {
        Builder builder = new Builder(null);
        events.forEach(builder::apply);
        return builder.build();
    }

    /**
     * A fold under way: events applied one at a time, the state looked at along the way (for historical queries;
     * linear like {@link #replay}).
     */
    public static final class Replay {
        private final Builder builder;

        /** From the start of the account's history. */
        public Replay() {
            this.builder = new Builder(null);
        }

        /** From a state already folded (a state kept in memory, or rebuilt from a snapshot of its {@link #view}). */
        public Replay(Account start) {
            this.builder = new Builder(start);
        }

        public void apply(AccountEvent event) {
            builder.apply(event);
        }

        /** The state so far ({@code null} before the account was opened). */
        public Account state() {
            return builder.build();
        }

        /**
         * What viewing the account needs of the state so far: everything but the payments already credited and the
         * finished outbound payments (its reservations still open are kept). Cheap at any point of a long replay, and
         * only good for looking at, never for deciding; {@code null} before the account was opened.
         */
        public Account view() {
            return builder.buildView();
        }
    }

    public static Account evolve(Account state, AccountEvent event) {
        Builder builder = new Builder(state);
        builder.apply(event);
        return builder.build();
    }

    /** The mutable state replay works on. */
    private static final class Builder {
        private boolean opened;
        private String id;
        private String sortCode;
        private String accountNumber;
        private String holderName;
        private String customerId;
        private AccountStatus status;
        private long balancePence;
        private OutboundLimits ownLimits;
        private final Map<String, Long> credited = new HashMap<>();
        private final Map<String, Outbound> outbound = new HashMap<>();

        Builder(Account state) {
            if (state != null) {
                opened = true;
                id = state.id;
                sortCode = state.sortCode;
                accountNumber = state.accountNumber;
                holderName = state.holderName;
                customerId = state.customerId;
                status = state.status;
                balancePence = state.balancePence;
                ownLimits = state.ownLimits;
                credited.putAll(state.creditedPayments);
                outbound.putAll(state.outboundPayments);
            }
        }

        void apply(AccountEvent event) {
            if (event instanceof AccountOpened o) {
                opened = true;
                id = o.accountId();
                sortCode = o.sortCode();
                accountNumber = o.accountNumber();
                holderName = o.holderName();
                customerId = o.customerId();
                status = AccountStatus.OPEN;
                return;
            }
            if (!opened) {
                throw new IllegalStateException(event.getClass().getSimpleName() + " before AccountOpened on "
                        + event.accountId());
            }
            if (event instanceof AccountBlocked) {
                status = AccountStatus.BLOCKED;
            } else if (event instanceof AccountUnblocked) {
                status = AccountStatus.OPEN;
            } else if (event instanceof AccountClosed) {
                status = AccountStatus.CLOSED;
            } else if (event instanceof AccountCredited c) {
                credited.put(c.paymentId(), c.balanceAfter().minorUnits());
                balancePence = c.balanceAfter().minorUnits();
                // an outbound payment returned after its debit comes back as a credit
                outbound.computeIfPresent(c.paymentId(), (k, o) -> o.moved(OutboundState.REFUNDED, balancePence));
            } else if (event instanceof OutboundFundsReserved r) {
                outbound.put(r.paymentId(), new Outbound(r.paymentId(), r.idempotencyKey(), r.requestFingerprint(),
                        r.amount().minorUnits(), r.reservedAt(), OutboundState.RESERVED, balancePence));
            } else if (event instanceof OutboundReservationReleased r) {
                outbound.computeIfPresent(r.paymentId(), (k, o) -> o.moved(OutboundState.RELEASED, balancePence));
            } else if (event instanceof AccountDebited d) {
                balancePence = d.balanceAfter().minorUnits();
                outbound.computeIfPresent(d.paymentId(), (k, o) -> o.moved(OutboundState.DEBITED, balancePence));
            } else if (event instanceof OutboundLimitsSet l) {
                ownLimits = new OutboundLimits(l.dailyCount(), l.dailyAmountPence(), l.weeklyCount(),
                        l.weeklyAmountPence());
            } else {
                throw new IllegalArgumentException("Unknown account event " + event.getClass().getName());
            }
        }

        Account buildView() {
            if (!opened) {
                return null;
            }
            Map<String, Outbound> reserved = new HashMap<>();
            outbound.values().stream().filter(o -> o.state() == OutboundState.RESERVED)
                    .forEach(o -> reserved.put(o.paymentId(), o));
            return new Account(id, sortCode, accountNumber, holderName, customerId, status, balancePence, Map.of(),
                    reserved, ownLimits);
        }

        Account build() {
            return opened ? new Account(id, sortCode, accountNumber, holderName, customerId, status, balancePence,
                    credited, outbound, ownLimits) : null;
        }
    }
}
