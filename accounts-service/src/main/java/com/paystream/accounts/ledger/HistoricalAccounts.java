package com.paystream.accounts.ledger;

import com.paystream.accounts.account.Account;
import com.paystream.accounts.account.AccountEvent;
import com.paystream.accounts.account.Accounts;
import com.paystream.accounts.config.AccountsConfig;
import com.paystream.events.EventRegistry;
import com.paystream.infrastructure.store.Causation;
import com.paystream.infrastructure.store.EventCodec;
import com.paystream.infrastructure.store.EventStore;
import com.paystream.infrastructure.store.Expected;
import com.paystream.infrastructure.store.RegistryEventCodec;
import com.paystream.infrastructure.store.StoredEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Accounts as they were, straight from their events, fast over a long history: a query starts from the nearest
 * snapshot at or before the point asked for ({@code accountsnapshot-{accountId}}, private to this service) and reads
 * the account's events from there, a page at a time, writing a snapshot every
 * {@code accounts.history.snapshot-every} events it replays. A snapshot is a pure function of the immutable events up
 * to its revision, so any query may write one and a duplicate is harmless; the answer is the same with or without.
 */
@ApplicationScoped
public class HistoricalAccounts {
    private static final Logger LOG = Logger.getLogger(HistoricalAccounts.class);
    static final String SNAPSHOT_CATEGORY = "accountsnapshot";
    static final EventCodec<AccountSnapshotEvent> SNAPSHOT_CODEC =
            new RegistryEventCodec<>(EventRegistry.of(AccountSnapshotEvent.class));
    private static final int SNAPSHOT_PAGE = 50;

    private final EventStore store;
    private final Accounts accounts;
    private final int snapshotEvery;

    @Inject
    public HistoricalAccounts(EventStore store, Accounts accounts, AccountsConfig config) {
        this.store = store;
        this.accounts = accounts;
        this.snapshotEvery = config.history().snapshotEvery();
        if (snapshotEvery < 1) {
            throw new IllegalArgumentException("accounts.history.snapshot-every must be 1 or more");
        }
    }

    /** Where to stop: after revision {@code upTo}, or after the last event recorded at or before {@code asOf}. */
    public record Point(Instant asOf, Long upTo) {
        static final Point NOW = new Point(null, null);

        boolean passedBy(long revision, Instant recorded) {
            return upTo != null && revision > upTo || asOf != null && recorded.isAfter(asOf);
        }
    }

    /** An account as it was at a point, and the revision of the last event that made it so. */
    public record AsOf(Account account, long revision) {
    }

    static String snapshotStream(String accountId) {
        return SNAPSHOT_CATEGORY + "-" + accountId;
    }

    /** The account at {@code point} (a state for viewing only); empty when it did not exist yet. */
    public Optional<AsOf> at(String accountId, Point point) {
        Walk walk = walk(accountId, point, point, stored -> { });
        Account account = walk.replay.state();
        return account == null ? Optional.empty() : Optional.of(new AsOf(account, walk.lastRevision));
    }

    /**
     * The account's credits and debits recorded in {@code [from, to)} (either bound may be null: open), oldest
     * first; empty when there is no such account.
     */
    public Optional<List<Ledger.Transaction>> transactions(String accountId, Instant from, Instant to) {
        List<Ledger.Transaction> lines = new ArrayList<>();
        Point start = from == null ? new Point(null, -1L) : new Point(from.minusNanos(1), null);
        Point end = to == null ? Point.NOW : new Point(to.minusNanos(1), null);
        Walk walk = walk(accountId, start, end, stored -> {
            if (from == null || !stored.created().isBefore(from)) {
                Ledger.transactionOf(stored.event(), stored.revision()).ifPresent(lines::add);
            }
        });
        return walk.found ? Optional.of(lines) : Optional.empty();
    }

    /** A fold under way: from which snapshot, how far, and whether the account has any history at all. */
    private static final class Walk {
        Account.Replay replay;
        long lastRevision;
        long snapshotted;
        boolean found;
    }

    /**
     * Folds the account's events from the nearest snapshot at or before {@code start} up to {@code end}, showing
     * {@code visitor} every event after the snapshot, and snapshotting as it goes.
     */
    private Walk walk(String accountId, Point start, Point end, Consumer<StoredEvent<AccountEvent>> visitor) {
        Walk walk = new Walk();
        AccountSnapshotted snapshot = nearestSnapshot(accountId, start).orElse(null);
        walk.replay = snapshot == null ? new Account.Replay() : AccountSnapshots.resume(snapshot);
        walk.lastRevision = snapshot == null ? -1 : snapshot.revision();
        walk.snapshotted = walk.lastRevision;
        walk.found = snapshot != null;
        accounts.forEachEvent(accountId, walk.lastRevision + 1, stored -> {
            walk.found = true;
            if (end.passedBy(stored.revision(), stored.created())) {
                return false;
            }
            walk.replay.apply(stored.event());
            walk.lastRevision = stored.revision();
            visitor.accept(stored);
            if ((stored.revision() + 1) % snapshotEvery == 0 && stored.revision() > walk.snapshotted) {
                AccountSnapshots.take(walk.replay, stored.revision(), stored.created())
                        .ifPresent(s -> save(accountId, s));
                walk.snapshotted = stored.revision();
            }
            return true;
        });
        return walk;
    }

    /** The newest snapshot of the current format not past {@code point}. */
    private Optional<AccountSnapshotted> nearestSnapshot(String accountId, Point point) {
        String stream = snapshotStream(accountId);
        List<StoredEvent<AccountSnapshotEvent>> page = store.readBackwardsFromEnd(stream, SNAPSHOT_CODEC,
                SNAPSHOT_PAGE);
        while (!page.isEmpty()) {
            for (StoredEvent<AccountSnapshotEvent> stored : page) {
                if (stored.event() instanceof AccountSnapshotted snapshot
                        && snapshot.format() == AccountSnapshotted.FORMAT
                        && !point.passedBy(snapshot.revision(), snapshot.recordedAt())) {
                    return Optional.of(snapshot);
                }
            }
            long oldest = page.get(page.size() - 1).revision();
            if (oldest == 0) {
                break;
            }
            page = store.readBackwards(stream, SNAPSHOT_CODEC, oldest - 1, SNAPSHOT_PAGE);
        }
        return Optional.empty();
    }

    private void save(String accountId, AccountSnapshotted snapshot) {
        try {
            store.append(snapshotStream(accountId), Expected.any(),
                    Causation.command("snapshot:" + accountId + ":" + snapshot.revision(), accountId),
                    List.of(snapshot), SNAPSHOT_CODEC);
        } catch (RuntimeException e) {
            LOG.debugf(e, "Could not snapshot account %s at revision %d (the query goes on without)", accountId,
                    snapshot.revision());
        }
    }
}
